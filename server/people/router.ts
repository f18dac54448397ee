import { z } from 'zod';
import { UNKNOWN_CLIENT } from '../auth/client-address';
import { optionalMailKinds } from '../notifications/mail-choices';
import { fleetManagerProcedure, publicProcedure, router, staffProcedure } from '../trpc';
import { deactivatePerson, reactivatePerson } from './deactivate';
import { changePlacement, listPeople, peopleFilter, personDetail, placementInput } from './directory';
import { importInput, importPeople } from './import';
import { inviteInput, invitePerson, reinvitePerson } from './invitations';
import {
  linkStatus,
  newPassword,
  requestPasswordReset,
  resetRequestInput,
  setPasswordWithLink,
} from './passwords';
import { chooseMail, myProfile } from './profile';

const personInput = z.object({ userId: z.uuid() });
// The link's token is checked for its shape in tokens.ts; here only bounded.
const tokenInput = z.object({ token: z.string().max(200) });

/** The people administration: fleet managers for their municipality, the operator for all. */
export const peopleRouter = router({
  list: fleetManagerProcedure
    .input(peopleFilter)
    .query(({ ctx, input }) => listPeople(ctx.db, ctx.user, input)),
  detail: fleetManagerProcedure
    .input(personInput)
    .query(({ ctx, input }) => personDetail(ctx.db, ctx.user, input.userId)),
  invite: fleetManagerProcedure
    .input(inviteInput)
    .mutation(({ ctx, input }) => invitePerson(ctx.db, ctx.user, input, ctx.settings)),
  reinvite: fleetManagerProcedure
    .input(personInput)
    .mutation(({ ctx, input }) => reinvitePerson(ctx.db, ctx.user, input.userId, ctx.settings)),
  changePlacement: fleetManagerProcedure
    .input(placementInput)
    .mutation(({ ctx, input }) => changePlacement(ctx.db, ctx.user, input)),
  deactivate: fleetManagerProcedure
    .input(personInput)
    .mutation(({ ctx, input }) => deactivatePerson(ctx.db, ctx.user, input.userId)),
  reactivate: fleetManagerProcedure
    .input(personInput)
    .mutation(({ ctx, input }) => reactivatePerson(ctx.db, ctx.user, input.userId)),
  import: fleetManagerProcedure
    .input(importInput)
    .mutation(({ ctx, input }) => importPeople(ctx.db, ctx.user, input.csv, ctx.settings)),
});

/**
 * A person's own account, before and after sign-in: the mailed links (anyone holding one), the
 * reset request (anyone), and the profile (the person signed in).
 */
export const accountRouter = router({
  link: publicProcedure.input(tokenInput).query(({ ctx, input }) => linkStatus(ctx.db, input.token)),
  setPassword: publicProcedure
    .input(tokenInput.extend({ password: newPassword }))
    .mutation(({ ctx, input }) => setPasswordWithLink(ctx.db, input.token, input.password)),
  requestPasswordReset: publicProcedure
    .input(resetRequestInput)
    .mutation(({ ctx, input }) =>
      requestPasswordReset(ctx.db, input.email, ctx.clientAddress ?? UNKNOWN_CLIENT, ctx.settings.appUrl),
    ),
  profile: staffProcedure.query(({ ctx }) => myProfile(ctx.db, ctx.user)),
  chooseMail: staffProcedure
    .input(z.object({ kind: z.enum(optionalMailKinds), wanted: z.boolean() }))
    .mutation(({ ctx, input }) => chooseMail(ctx.db, ctx.user, input.kind, input.wanted)),
});
