import { z } from 'zod';
import { fieldTexts } from '../messages/fields';
import { fleetManagerProcedure, operatorProcedure, router } from '../trpc';
import { asLocalPeriod, localDate } from '../validation';
import { accountingInput, readAccounting, setAccounting } from './accounting';
import { heatmap } from './heatmap';
import { groupings } from './queries';
import { co2FactorRows, rateHistory, tariffs, vehicleCosts } from './rates';
import { figures, freezeMonth, setCo2Factors, setTariff, settlement, setVehicleCosts } from './service';
import { sizing } from './sizing';

const money = z.number().min(0).max(1_000_000);
/** Sizing walks every quarter hour of the period: a year at most. */
const MAX_SIZING_MS = 366 * 86_400_000;

const period = (longest: number, tooLong: () => string) =>
  z
    .object({ from: localDate, to: localDate })
    // ISO dates compare as text; a period is [from, to), so it must end after it starts.
    .refine((p) => p.to > p.from, {
      path: ['to'],
      error: () => fieldTexts().periodEndAfterStart,
    })
    .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= longest, { path: ['to'], error: tooLong });

export const reportsRouter = router({
  figures: fleetManagerProcedure
    .input(
      asLocalPeriod(
        z.object({
          from: localDate,
          to: localDate,
          groupBy: z.enum(groupings),
          municipalityId: z.uuid().optional(),
        }),
      ),
    )
    .query(({ ctx, input }) => figures(ctx.db, ctx.user, input, ctx.settings.timeZone)),
  sizing: fleetManagerProcedure
    .input(period(MAX_SIZING_MS, () => fieldTexts().sizingPeriodAtMostAYear))
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
          error: () => fieldTexts().retiredAfterCommissioned,
        }),
    )
    .mutation(({ ctx, input }) => setVehicleCosts(ctx.db, ctx.user, input)),
  setCo2Factors: operatorProcedure
    .input(z.object({ validFrom: localDate, referenceGPerKm: money, electricityGPerKm: money }))
    .mutation(({ ctx, input }) => setCo2Factors(ctx.db, ctx.user, input)),
  accounting: fleetManagerProcedure
    .input(z.object({ municipalityId: z.uuid() }))
    .query(({ ctx, input }) => readAccounting(ctx.db, ctx.user, input.municipalityId)),
  setAccounting: fleetManagerProcedure
    .input(accountingInput)
    .mutation(({ ctx, input }) => setAccounting(ctx.db, ctx.user, input)),
  // Reading the cost model (rates.ts says who reads what).
  vehicleCosts: fleetManagerProcedure
    .input(z.object({ vehicleId: z.uuid() }))
    .query(({ ctx, input }) => vehicleCosts(ctx.db, ctx.user, input.vehicleId)),
  tariffs: fleetManagerProcedure
    .input(z.object({ municipalityId: z.uuid() }))
    .query(({ ctx, input }) => tariffs(ctx.db, input.municipalityId)),
  co2Factors: fleetManagerProcedure.query(({ ctx }) => co2FactorRows(ctx.db)),
  rateHistory: fleetManagerProcedure
    .input(
      z.object({ municipalityId: z.uuid().optional(), limit: z.number().int().min(1).max(500).default(100) }),
    )
    .query(({ ctx, input }) => rateHistory(ctx.db, ctx.user, input)),
  /** Utilisation by local weekday × hour; one car or station only of the caller's municipality. */
  heatmap: fleetManagerProcedure
    .input(
      asLocalPeriod(
        z.object({
          from: localDate,
          to: localDate,
          municipalityId: z.uuid().optional(),
          stationId: z.uuid().optional(),
          vehicleId: z.uuid().optional(),
        }),
      ),
    )
    .query(({ ctx, input }) => heatmap(ctx.db, ctx.user, input, ctx.settings.timeZone)),
});
