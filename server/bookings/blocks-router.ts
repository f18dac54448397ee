import { z } from 'zod';
import { fleetManagerProcedure, router } from '../trpc';
import { singleLineText } from '../validation';
import { cancelBlock, createBlock, listBlocks, previewBlock } from './blocks';

const blockInput = z.object({
  vehicleId: z.uuid(),
  from: z.date(),
  to: z.date(),
  kind: z.enum(['maintenance', 'cleaning', 'damage', 'inspection']),
  reason: singleLineText({ min: 3, max: 500 }),
});

export const blocksRouter = router({
  list: fleetManagerProcedure.query(({ ctx }) => listBlocks(ctx.db, ctx.user)),
  preview: fleetManagerProcedure
    .input(blockInput)
    .query(({ ctx, input }) => previewBlock(ctx.db, ctx.user, input, ctx.settings.timeZone)),
  create: fleetManagerProcedure
    .input(blockInput.extend({ confirm: z.boolean().default(false) }))
    .mutation(({ ctx, input }) => createBlock(ctx.db, ctx.user, input, ctx.settings.timeZone)),
  cancel: fleetManagerProcedure
    .input(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => cancelBlock(ctx.db, ctx.user, input.id)),
});
