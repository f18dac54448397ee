import { z } from 'zod';
import { fleetManagerProcedure, router } from '../trpc';
import { multiLineText } from '../validation';
import { fleetCalendar } from './fleet-calendar';
import { changeEndAsManager, moveAsManager } from './manager-changes';

const reason = multiLineText({ min: 3, max: 500 });

/** The fleet calendar: a municipality's bookings by day or week; changes by its fleet manager. Cancel: bookings.managerCancel. */
export const fleetCalendarRouter = router({
  view: fleetManagerProcedure
    .input(
      z.object({
        municipalityId: z.uuid(),
        from: z.iso.date(),
        days: z.union([z.literal(1), z.literal(7)]),
      }),
    )
    .query(({ ctx, input }) => fleetCalendar(ctx.db, ctx.user, input, ctx.settings.timeZone)),
  changeEnd: fleetManagerProcedure
    .input(z.object({ id: z.uuid(), endsAt: z.date(), reason }))
    .mutation(({ ctx, input }) => changeEndAsManager(ctx.db, ctx.user, input, ctx.settings.timeZone)),
  move: fleetManagerProcedure
    .input(z.object({ id: z.uuid(), vehicleId: z.uuid(), reason }))
    .mutation(({ ctx, input }) => moveAsManager(ctx.db, ctx.user, input, ctx.settings.timeZone)),
});
