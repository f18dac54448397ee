import { z } from 'zod';
import { fleetManagerProcedure, operatorProcedure, router } from '../trpc';
import { groupings } from './queries';
import { figures, freezeMonth, setCo2Factors, setTariff, settlement, setVehicleCosts } from './service';
import { sizing } from './sizing';

const localDate = z.iso.date();
const money = z.number().min(0).max(1_000_000);
const MAX_PERIOD_MS = 3_653 * 86_400_000;
/** Sizing walks every quarter hour of the period: a year at most. */
const MAX_SIZING_MS = 366 * 86_400_000;

const period = (longest: number, tooLong: string) =>
  z
    .object({ from: localDate, to: localDate })
    // ISO dates compare as text; a period is [from, to), so it must end after it starts.
    .refine((p) => p.to > p.from, {
      path: ['to'],
      message: 'Das Ende des Zeitraums muss nach seinem Beginn liegen.',
    })
    .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= longest, { path: ['to'], message: tooLong });

export const reportsRouter = router({
  figures: fleetManagerProcedure
    .input(
      z
        .object({
          from: localDate,
          to: localDate,
          groupBy: z.enum(groupings),
          municipalityId: z.uuid().optional(),
        })
        // ISO dates compare as text; a period is [from, to), so it must end after it starts.
        .refine((period) => period.to > period.from, {
          path: ['to'],
          message: 'Das Ende des Zeitraums muss nach seinem Beginn liegen.',
        })
        .refine((period) => Date.parse(period.to) - Date.parse(period.from) <= MAX_PERIOD_MS, {
          path: ['to'],
          message: 'Ein Zeitraum umfasst höchstens zehn Jahre.',
        }),
    )
    .query(({ ctx, input }) => figures(ctx.db, ctx.user, input, ctx.settings.timeZone)),
  sizing: fleetManagerProcedure
    .input(period(MAX_SIZING_MS, 'Ein Zeitraum für die Bedarfsrechnung umfasst höchstens ein Jahr.'))
    .query(({ ctx, input }) => sizing(ctx.db, ctx.user, input, ctx.settings.timeZone)),
  settlement: fleetManagerProcedure
    .input(z.object({ month: localDate }))
    .query(({ ctx, input }) => settlement(ctx.db, ctx.user, input.month, ctx.settings.timeZone)),
  freezeMonth: operatorProcedure
    .input(z.object({ month: localDate }))
    .mutation(({ ctx, input }) => freezeMonth(ctx.db, ctx.user, input.month, ctx.settings.timeZone)),
  setTariff: fleetManagerProcedure
    .input(z.object({ municipalityId: z.uuid(), validFrom: localDate, perHour: money, perKm: money }))
    .mutation(({ ctx, input }) => setTariff(ctx.db, ctx.user, input)),
  setVehicleCosts: fleetManagerProcedure
    .input(
      z
        .object({
          vehicleId: z.uuid(),
          validFrom: localDate,
          commissionedOn: localDate,
          retiredOn: localDate.nullable(),
          leasingMonthly: money,
          insuranceMonthly: money,
          taxMonthly: money,
          boxFeeMonthly: money,
          otherMonthly: money,
          perKm: money,
          perKwh: money,
          perLitre: money,
        })
        .refine((costs) => costs.retiredOn === null || costs.retiredOn > costs.commissionedOn, {
          path: ['retiredOn'],
          message: 'Die Außerdienststellung muss nach der Indienststellung liegen.',
        }),
    )
    .mutation(({ ctx, input }) => setVehicleCosts(ctx.db, ctx.user, input)),
  setCo2Factors: operatorProcedure
    .input(z.object({ validFrom: localDate, referenceGPerKm: money, electricityGPerKm: money }))
    .mutation(({ ctx, input }) => setCo2Factors(ctx.db, ctx.user, input)),
});
