import { router, staffProcedure } from '../trpc';
import { createFeed, feedOf, revokeFeed } from './service';

export const calendarRouter = router({
  feed: staffProcedure.query(({ ctx }) => feedOf(ctx.db, ctx.user)),
  createFeed: staffProcedure.mutation(({ ctx }) => createFeed(ctx.db, ctx.user, ctx.settings.appUrl)),
  revokeFeed: staffProcedure.mutation(({ ctx }) => revokeFeed(ctx.db, ctx.user)),
});
