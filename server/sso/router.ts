import { operatorProcedure, publicProcedure, router } from '../trpc';
import { listProviders, saveProvider, setProviderEnabled, signInOptions } from './providers';
import { ssoProviderEnabledInput, ssoProviderInput } from './schema';

export const ssoRouter = router({
  /** The sign-in page's buttons, before anyone is signed in: names only. */
  signInOptions: publicProcedure.query(({ ctx }) => signInOptions(ctx.db)),
  /** The operator sets up the municipalities' providers: a provider's rules decide who gets which role. */
  providers: operatorProcedure.query(({ ctx }) => listProviders(ctx.db, ctx.settings.appUrl)),
  save: operatorProcedure
    .input(ssoProviderInput)
    .mutation(({ ctx, input }) => saveProvider(ctx.db, ctx.user, input)),
  setEnabled: operatorProcedure
    .input(ssoProviderEnabledInput)
    .mutation(({ ctx, input }) => setProviderEnabled(ctx.db, ctx.user, input)),
});
