import { router, staffProcedure } from '../trpc';
import { bookingIdInput, createBookingInput } from './schema';
import { bookingOf, cancelBooking, createBooking, myBookings } from './service';

export const bookingsRouter = router({
  create: staffProcedure
    .input(createBookingInput)
    .mutation(({ ctx, input }) => createBooking(ctx.db, ctx.user, input)),
  mine: staffProcedure.query(({ ctx }) => myBookings(ctx.db, ctx.user)),
  byId: staffProcedure.input(bookingIdInput).query(({ ctx, input }) => bookingOf(ctx.db, ctx.user, input.id)),
  cancel: staffProcedure
    .input(bookingIdInput)
    .mutation(({ ctx, input }) => cancelBooking(ctx.db, ctx.user, input.id)),
});
