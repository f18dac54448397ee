import { z } from 'zod';
import { fleetManagerProcedure, router } from '../trpc';
import { singleLineText } from '../validation';
import { instructionOverview, recordInstruction } from './instructions';

export const instructionsRouter = router({
  overview: fleetManagerProcedure.query(({ ctx }) =>
    instructionOverview(ctx.db, ctx.user, ctx.settings.timeZone),
  ),
  record: fleetManagerProcedure
    .input(
      z.object({
        userId: z.uuid(),
        instructedOn: z.iso.date(),
        instructedBy: singleLineText({ min: 2, max: 120 }),
        topic: singleLineText({ min: 3, max: 300 }),
      }),
    )
    .mutation(({ ctx, input }) => recordInstruction(ctx.db, ctx.user, input, ctx.settings.timeZone)),
});
