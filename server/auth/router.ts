import { publicProcedure, router } from '../trpc';

export const authRouter = router({
  /** The signed-in person, or null: pages ask this to decide whether to show the sign-in form. */
  me: publicProcedure.query(({ ctx }) => ctx.user),
});
