import { publicProcedure, router } from '../trpc';

export const regionRouter = router({
  /** What a browser needs to show and enter wall-clock times the way the region reads them, and draw its map. */
  settings: publicProcedure.query(({ ctx }) => ({ timeZone: ctx.settings.timeZone, map: ctx.settings.map })),
});
