import { stoppingSignal } from '../process/state';
import { publicProcedure, router } from '../trpc';
import { reportBoxReset } from './box-resets';
import { answerChallenge, recordResult, reportProgress } from './gateway-jobs';
import { authenticateGateway, stationBoxes } from './gateways';
import { logCursors, uploadLog } from './ingest';
import { fleetKeys } from './keys';
import { pullJobs } from './pull';
import {
  boxResetInput,
  challengeInput,
  logCursorInput,
  progressInput,
  pullInput,
  resultInput,
  uploadLogInput,
} from './schema';

/** Station gateways, by bearer token (telematics/gateway/CONTRACT.md). */
const gatewayProcedure = publicProcedure.use(async ({ ctx, next }) =>
  next({ ctx: { ...ctx, gateway: await authenticateGateway(ctx.db, ctx.authorization) } }),
);

export const gatewayRouter = router({
  boxes: gatewayProcedure.query(({ ctx }) => stationBoxes(ctx.db, ctx.gateway)),
  pull: gatewayProcedure
    .input(pullInput)
    // The request's signal: a pull whose gateway has gone is handed no job. A stopping process
    // ends its long-polls at once, so the drain does not wait out their waitMs.
    .mutation(async ({ ctx, input, signal }) =>
      pullJobs(ctx.db, await fleetKeys(), ctx.gateway, input.waitMs, {
        signal: signal ? AbortSignal.any([signal, stoppingSignal()]) : stoppingSignal(),
      }),
    ),
  progress: gatewayProcedure
    .input(progressInput)
    .mutation(({ ctx, input }) => reportProgress(ctx.db, ctx.gateway, input)),
  challenge: gatewayProcedure
    .input(challengeInput)
    .mutation(async ({ ctx, input }) => answerChallenge(ctx.db, await fleetKeys(), ctx.gateway, input)),
  result: gatewayProcedure
    .input(resultInput)
    .mutation(({ ctx, input }) => recordResult(ctx.db, ctx.gateway, input)),
  logCursor: gatewayProcedure
    .input(logCursorInput)
    .query(({ ctx, input }) => logCursors(ctx.db, ctx.gateway, input.boxIds)),
  uploadLog: gatewayProcedure
    .input(uploadLogInput)
    .mutation(({ ctx, input }) => uploadLog(ctx.db, ctx.gateway, input)),
  /** Optional: a box whose log ends below the server's cursor (a wiped or replaced box). */
  boxReset: gatewayProcedure
    .input(boxResetInput)
    .mutation(({ ctx, input }) => reportBoxReset(ctx.db, ctx.gateway, input)),
});
