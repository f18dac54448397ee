import { toHex } from '@/telematics/protocol';
import { demoRouter } from '../demo/router';
import { fleetManagerProcedure, router, staffProcedure } from '../trpc';
import { issuePhoneKey, jobStatus, requestCommand } from './commands';
import { provisionBox, registerGateway, revokeGateway } from './gateways';
import { fleetKeys } from './keys';
import {
  bookingIdInput,
  commandInput,
  gatewayIdInput,
  jobIdInput,
  phoneKeyInput,
  provisionBoxInput,
  registerGatewayInput,
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

  fleetKeys: fleetManagerProcedure.query(async () => {
    const keys = await fleetKeys();
    return { caPublicKey: toHex(keys.ca.publicKey), relayPublicKey: toHex(keys.relay.publicKey) };
  }),
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
