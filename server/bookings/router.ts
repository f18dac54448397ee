import { z } from 'zod';
import { fleetManagerProcedure, router, staffProcedure } from '../trpc';
import { approvalQueue, approveBooking, cancelAsManager, declineBooking } from './management';
import { policyFor, updatePolicy } from './policy-service';
import {
  bookingIdInput,
  changeEndInput,
  createBookingInput,
  createSeriesInput,
  policyInput,
  reasonInput,
  seriesIdInput,
} from './schema';
import { mineSectionInput, mySection } from './sections';
import { cancelSeries, createSeries } from './series';
import { bookingOf, cancelBooking, changeBookingEnd, createBooking, endBooking, myBookings } from './service';

export const bookingsRouter = router({
  create: staffProcedure
    .input(createBookingInput)
    .mutation(({ ctx, input }) => createBooking(ctx.db, ctx.user, input, ctx.settings.timeZone)),
  mine: staffProcedure.query(({ ctx }) => myBookings(ctx.db, ctx.user)),
  mineSection: staffProcedure
    .input(mineSectionInput)
    .query(({ ctx, input }) => mySection(ctx.db, ctx.user, input)),
  byId: staffProcedure.input(bookingIdInput).query(({ ctx, input }) => bookingOf(ctx.db, ctx.user, input.id)),
  cancel: staffProcedure
    .input(bookingIdInput)
    .mutation(({ ctx, input }) => cancelBooking(ctx.db, ctx.user, input.id)),
  changeEnd: staffProcedure
    .input(changeEndInput)
    .mutation(({ ctx, input }) =>
      changeBookingEnd(ctx.db, ctx.user, input.id, input.endsAt, ctx.settings.timeZone),
    ),
  end: staffProcedure
    .input(bookingIdInput)
    .mutation(({ ctx, input }) => endBooking(ctx.db, ctx.user, input.id)),
  createSeries: staffProcedure
    .input(createSeriesInput)
    .mutation(({ ctx, input }) => createSeries(ctx.db, ctx.user, input, ctx.settings.timeZone)),
  cancelSeries: staffProcedure
    .input(seriesIdInput)
    .mutation(({ ctx, input }) => cancelSeries(ctx.db, ctx.user, input.seriesId)),
  managerCancel: fleetManagerProcedure
    .input(reasonInput)
    .mutation(({ ctx, input }) => cancelAsManager(ctx.db, ctx.user, input.id, input.reason)),
  approvalQueue: fleetManagerProcedure.query(({ ctx }) => approvalQueue(ctx.db, ctx.user)),
  approve: fleetManagerProcedure
    .input(bookingIdInput)
    .mutation(({ ctx, input }) => approveBooking(ctx.db, ctx.user, input.id)),
  decline: fleetManagerProcedure
    .input(reasonInput)
    .mutation(({ ctx, input }) => declineBooking(ctx.db, ctx.user, input.id, input.reason)),
});

export const policiesRouter = router({
  get: staffProcedure
    .input(z.object({ municipalityId: z.uuid() }))
    .query(({ ctx, input }) => policyFor(ctx.db, input.municipalityId)),
  update: fleetManagerProcedure
    .input(policyInput)
    .mutation(({ ctx, input }) => updatePolicy(ctx.db, ctx.user, input)),
});
