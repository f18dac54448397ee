import { z } from 'zod';
import { fleetManagerProcedure, publicProcedure, router } from '../trpc';
import { unlockSignIn } from './unlock';

export const authRouter = router({
  /** The signed-in person, or null: pages ask this to decide whether to show the sign-in form. */
  me: publicProcedure.query(({ ctx }) => ctx.user),
  /** Lifts a person's sign-in lock after too many wrong passwords (own municipality; operator all). */
  unlockSignIn: fleetManagerProcedure
    .input(z.object({ userId: z.uuid() }))
    .mutation(({ ctx, input }) => unlockSignIn(ctx.db, ctx.user, input.userId)),
});
