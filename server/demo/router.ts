import { z } from 'zod';
import { router, staffProcedure } from '../trpc';
import { currentDemo } from './current';
import { demoActions } from './rules';
import { actOnDemoCar, demoCarState } from './service';

const bookingInput = z.object({ bookingId: z.uuid() });
const actInput = z.object({ bookingId: z.uuid(), action: z.enum(demoActions) });

/** The demo's car simulator (`telematics.demo.*`); FORBIDDEN wherever the demo gateways do not run. */
export const demoRouter = router({
  /** Whether the simulator exists here, so the web shows its panel only then. */
  status: staffProcedure.query(() => ({ running: currentDemo() !== null })),
  car: staffProcedure
    .input(bookingInput)
    .query(({ ctx, input }) => demoCarState(ctx.db, ctx.user, currentDemo(), input.bookingId)),
  act: staffProcedure
    .input(actInput)
    .mutation(({ ctx, input }) => actOnDemoCar(ctx.db, ctx.user, currentDemo(), input)),
});
