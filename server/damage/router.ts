import { bookInput } from '../logbook/schema';
import { bookFor } from '../logbook/service';
import { router, staffProcedure } from '../trpc';
import { logbookOf, saveLogbook } from './logbook';
import { bookingIdInput, reportDamageInput, saveLogbookInput } from './schema';
import { damagesForBooking, reportDamage } from './service';

/** Damages found at the car: reported by the booker or the car's managers; photos go to /api/schaeden/fotos. */
export const damageRouter = router({
  report: staffProcedure
    .input(reportDamageInput)
    .mutation(({ ctx, input }) => reportDamage(ctx.db, ctx.user, input)),
  ofBooking: staffProcedure
    .input(bookingIdInput)
    .query(({ ctx, input }) => damagesForBooking(ctx.db, ctx.user, input.bookingId)),
});

/** The logbook of a booking, where its car's municipality keeps one. */
export const logbookRouter = router({
  get: staffProcedure
    .input(bookingIdInput)
    .query(({ ctx, input }) => logbookOf(ctx.db, ctx.user, input.bookingId, new Date())),
  save: staffProcedure
    .input(saveLogbookInput)
    .mutation(({ ctx, input }) => saveLogbook(ctx.db, ctx.user, input, new Date())),
  /** The Fahrtenbuch of a car or a person: exported for the tax office at /api/fahrtenbuch. */
  book: staffProcedure
    .input(bookInput)
    .query(({ ctx, input }) => bookFor(ctx.db, ctx.user, input, ctx.settings.timeZone)),
});
