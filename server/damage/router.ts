import { bookInput } from '../logbook/schema';
import { bookFor } from '../logbook/service';

import { fleetManagerProcedure, router, staffProcedure } from '../trpc';
import { changeDamageState, damageDetail, listDamages } from './fleet';
import { logbookOf, saveLogbook } from './logbook';
import { openDamagesOfCars } from './open';
import {
  bookingIdInput,
  damageIdInput,
  damageListInput,
  damageStateInput,
  openDamagesInput,
  recordDamageInput,
  reportDamageInput,
  saveLogbookInput,
} from './schema';
import { damagesForBooking, recordDamage, reportDamage } from './service';

/** Damages found at the car: reported by the booker or the car's managers; photos go to /api/schaeden/fotos. */
export const damageRouter = router({
  report: staffProcedure
    .input(reportDamageInput)
    .mutation(({ ctx, input }) => reportDamage(ctx.db, ctx.user, input, ctx.settings.timeZone)),
  ofBooking: staffProcedure
    .input(bookingIdInput)
    .query(({ ctx, input }) => damagesForBooking(ctx.db, ctx.user, input.bookingId)),
  /** Open damages of cars the person has booked or may search: what the next booker sees. */
  openOfCars: staffProcedure
    .input(openDamagesInput)
    .query(({ ctx, input }) => openDamagesOfCars(ctx.db, ctx.user, input.vehicleIds)),
  // The fleet side: the manager's municipality (the operator: all); another's report does not exist.
  list: fleetManagerProcedure
    .input(damageListInput)
    .query(({ ctx, input }) => listDamages(ctx.db, ctx.user, input)),
  /** A damage the fleet found at a car, outside any booking. */
  record: fleetManagerProcedure
    .input(recordDamageInput)
    .mutation(({ ctx, input }) => recordDamage(ctx.db, ctx.user, input, ctx.settings.timeZone)),
  detail: fleetManagerProcedure
    .input(damageIdInput)
    .query(({ ctx, input }) => damageDetail(ctx.db, ctx.user, input.id)),
  setState: fleetManagerProcedure
    .input(damageStateInput)
    .mutation(({ ctx, input }) => changeDamageState(ctx.db, ctx.user, input)),
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
