import { router, staffProcedure } from '../trpc';
import { timelineInput, timelineView } from './timeline';

export const timelineRouter = router({
  view: staffProcedure
    .input(timelineInput)
    .query(({ ctx, input }) => timelineView(ctx.db, ctx.user, input, ctx.settings.timeZone)),
});
