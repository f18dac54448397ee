import { z } from 'zod';
import { users } from '@/db/schema';
import { fleetManagerProcedure, publicProcedure, router, staffProcedure } from '../trpc';
import { setLanguage } from './queries';
import { unlockSignIn } from './unlock';

export const authRouter = router({
  /** The signed-in person, or null: pages ask this to decide whether to show the sign-in form. */
  me: publicProcedure.query(({ ctx }) => ctx.user),
  /** Lifts a person's sign-in lock after too many wrong passwords (own municipality; operator all). */
  unlockSignIn: fleetManagerProcedure
    .input(z.object({ userId: z.uuid() }))
    .mutation(({ ctx, input }) => unlockSignIn(ctx.db, ctx.user, input.userId)),
  /** The person's language, kept for every device they sign in on and for their mails. */
  setLanguage: staffProcedure
    .input(z.object({ language: z.enum(users.language.enumValues) }))
    .mutation(({ ctx, input }) => setLanguage(ctx.db, ctx.user.id, input.language)),
});
