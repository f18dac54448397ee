import { toHex } from '@/telematics/protocol';
import { demoRouter } from '../demo/router';
import { fleetManagerProcedure, operatorProcedure, router, staffProcedure } from '../trpc';
import { listBoxes, listGateways } from './box-admin';
import { activeCaKey } from './ca-keys';
import { finishRotation, startRotation } from './ca-rotation';
import { rotationOverview } from './ca-rotation-view';
import { issuePhoneKey, jobStatus, requestCommand } from './commands';
import { provisionBox, registerGateway, revokeGateway } from './gateways';
import { fleetKeys } from './keys';
import {
  bookingIdInput,
  commandInput,
  finishRotationInput,
  gatewayIdInput,
  jobIdInput,
  phoneKeyInput,
  provisionBoxInput,
  registerGatewayInput,
  startRotationInput,
} from './schema';
import { tripsForUser } from './trips';

export const telematicsRouter = router({
  /** Unlock, lock or end through the station's gateway; poll `job` for progress. */
  command: staffProcedure
    .input(commandInput)
    .mutation(({ ctx, input }) => requestCommand(ctx.db, ctx.user, input, ctx.settings.timeZone)),
  job: staffProcedure
    .input(jobIdInput)
    .query(({ ctx, input }) => jobStatus(ctx.db, ctx.user, input.jobId, ctx.language)),
  trips: staffProcedure
    .input(bookingIdInput)
    .query(({ ctx, input }) => tripsForUser(ctx.db, ctx.user, input.bookingId)),
  /** A certificate for a key made on the person's phone (offline fallback). */
  phoneKey: staffProcedure
    .input(phoneKeyInput)
    .mutation(async ({ ctx, input }) =>
      issuePhoneKey(ctx.db, await fleetKeys(), ctx.user, input, ctx.settings.timeZone),
    ),

  /** The embedded demo's car simulator; refused with FORBIDDEN where no demo runs. */
  demo: demoRouter,

  fleetKeys: fleetManagerProcedure.query(async ({ ctx }) => {
    const keys = await fleetKeys();
    const ca = await activeCaKey(ctx.db, keys);
    return { caPublicKey: toHex(ca.publicKey), relayPublicKey: toHex(keys.relay.publicKey) };
  }),
  /** Per car its box, last contact and log position (the /fuhrpark/boxen page). */
  boxes: fleetManagerProcedure.query(({ ctx }) => listBoxes(ctx.db, ctx.user)),
  gateways: fleetManagerProcedure.query(({ ctx }) => listGateways(ctx.db, ctx.user)),
  /** The fleet CA's generations and a rotation's progress; the CA is the operator's alone. */
  caRotation: operatorProcedure.query(async ({ ctx }) => rotationOverview(ctx.db, await fleetKeys())),
  startCaRotation: operatorProcedure
    .input(startRotationInput)
    .mutation(async ({ ctx, input }) => startRotation(ctx.db, await fleetKeys(), ctx.user, input)),
  finishCaRotation: operatorProcedure
    .input(finishRotationInput)
    .mutation(async ({ ctx, input }) => finishRotation(ctx.db, await fleetKeys(), ctx.user, input)),
  registerGateway: fleetManagerProcedure
    .input(registerGatewayInput)
    .mutation(({ ctx, input }) => registerGateway(ctx.db, ctx.user, input)),
  revokeGateway: fleetManagerProcedure
    .input(gatewayIdInput)
    .mutation(({ ctx, input }) => revokeGateway(ctx.db, ctx.user, input.gatewayId)),
  provisionBox: fleetManagerProcedure
    .input(provisionBoxInput)
    .mutation(async ({ ctx, input }) => provisionBox(ctx.db, await fleetKeys(), ctx.user, input)),
});
