import { z } from 'zod';
import { vehicleEquipment } from '@/db/schema';
import { multiLineText, singleLineText } from '../validation';

const localDate = z.iso.date();

/**
 * A car as the form sends it. Numbers arrive as numbers (an empty field as NaN, which zod names);
 * their ranges and the plug-in rule are judged with German sentences in admin-rules.ts.
 */
export const vehicleInput = z.object({
  plate: singleLineText({ min: 1, max: 20 }),
  make: singleLineText({ min: 1, max: 60 }),
  model: singleLineText({ min: 1, max: 60 }),
  powertrain: z.enum(['ev', 'phev', 'ice']),
  seats: z.number(),
  batteryKwh: z.number().nullable(),
  rangeKm: z.number().nullable(),
  turnaroundBufferMinutes: z.number(),
  homeStationId: z.uuid(),
  ownerMunicipalityId: z.uuid(),
  /** In service from this local day. */
  commissionedOn: localDate,
  equipment: z.array(z.enum(vehicleEquipment)).max(vehicleEquipment.length),
});
export type VehicleInput = z.infer<typeof vehicleInput>;

export const vehicleUpdateInput = vehicleInput.extend({ id: z.uuid() });
export type VehicleUpdateInput = z.infer<typeof vehicleUpdateInput>;

/** Out of service from this local day on. */
export const retireInput = z.object({ id: z.uuid(), from: localDate });
export type RetireInput = z.infer<typeof retireInput>;

export const stationInput = z.object({
  name: singleLineText({ min: 2, max: 100 }),
  municipalityId: z.uuid(),
  address: singleLineText({ max: 200 }),
  latitude: z.number(),
  longitude: z.number(),
  chargePoints: z.number(),
  openingNotes: multiLineText({ max: 2000 }),
});
export type StationInput = z.infer<typeof stationInput>;

export const stationUpdateInput = stationInput.extend({ id: z.uuid() });
export type StationUpdateInput = z.infer<typeof stationUpdateInput>;
