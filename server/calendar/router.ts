import { env } from '../env';
import { router, staffProcedure } from '../trpc';
import { createFeed, feedOf, revokeFeed } from './service';

export const calendarRouter = router({
  feed: staffProcedure.query(({ ctx }) => feedOf(ctx.db, ctx.user)),
  createFeed: staffProcedure.mutation(({ ctx }) => createFeed(ctx.db, ctx.user, env().APP_URL)),
  revokeFeed: staffProcedure.mutation(({ ctx }) => revokeFeed(ctx.db, ctx.user)),
});
