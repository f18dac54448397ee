import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const vehicleModel = z.object({
  make: z.string().min(1),
  model: z.string().min(1),
  powertrain: z.enum(['ev', 'phev', 'ice']),
  seats: z.number().int().min(1).max(9),
  batteryKwh: z.number().positive().optional(),
  rangeKm: z.number().int().positive().optional(),
});

const station = z.object({
  name: z.string().min(1),
  address: z.string().min(1).optional(),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  chargePoints: z.number().int().min(0),
  vehicles: z.array(z.object({ plate: z.string().min(1), model: z.string().min(1) })).default([]),
});

/** A municipality's accounting and invoice data (db/schema/accounting.ts); its CHECKs hold the formats. */
const accounting = z.object({
  expenseAccount: z.string().min(1),
  revenueAccount: z.string().min(1),
  legalName: z.string().min(1),
  street: z.string().min(1),
  postalCode: z.string().min(1),
  city: z.string().min(1),
  countryCode: z.string().length(2),
  leitwegId: z.string().min(1),
  vatId: z.string().min(1).optional(),
  taxNumber: z.string().min(1).optional(),
  iban: z.string().min(1),
  bic: z.string().min(1).optional(),
  contactName: z.string().min(1),
  contactPhone: z.string().min(1),
  contactEmail: z.email(),
});

const regionSchema = z
  .object({
    /** The product's name as people read it: mails, calendars, the system as an actor. */
    productName: z.string().min(1),
    /** The company that runs the service (the calendar files' PRODID names it). */
    operatorName: z.string().min(1),
    models: z.record(z.string(), vehicleModel),
    municipalities: z
      .array(
        z.object({
          slug: z.string().regex(/^[a-z0-9-]+$/),
          name: z.string().min(1),
          costCentre: z.string().min(1),
          accounting: accounting.optional(),
          stations: z.array(station),
        }),
      )
      .min(1),
    demoPassword: z.string().min(8),
    demoUsers: z.array(
      z.object({
        name: z.string().min(1),
        email: z.email(),
        municipality: z.string().optional(),
        role: z.enum(['staff', 'fleet_manager', 'operator']),
        licenceCheckValidForDays: z.number().int(),
      }),
    ),
  })
  .superRefine((region, ctx) => {
    const slugs = new Set(region.municipalities.map((m) => m.slug));
    for (const [i, user] of region.demoUsers.entries()) {
      if (user.municipality !== undefined && !slugs.has(user.municipality))
        ctx.addIssue({
          code: 'custom',
          path: ['demoUsers', i, 'municipality'],
          message: 'unknown municipality',
        });
      if (user.municipality === undefined && user.role !== 'operator')
        ctx.addIssue({ code: 'custom', path: ['demoUsers', i, 'municipality'], message: 'required' });
    }
    for (const m of region.municipalities)
      for (const s of m.stations)
        for (const v of s.vehicles)
          if (!(v.model in region.models))
            ctx.addIssue({
              code: 'custom',
              path: ['models', v.model],
              message: `unknown model of ${v.plate}`,
            });
  });

export type Region = z.infer<typeof regionSchema>;

/** A region file names its product, operator, municipalities, fleet and demo people: data, never code. */
export async function readRegion(file: string): Promise<Region> {
  const parsed = regionSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (parsed.success) return parsed.data;
  throw new Error(`Region file ${file} is invalid:\n${z.prettifyError(parsed.error)}`);
}
