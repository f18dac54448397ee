import { router, staffProcedure } from '../trpc';
import { listStations } from './queries';
import { searchVehiclesInput } from './schema';
import { searchVehicles } from './service';

export const vehiclesRouter = router({
  search: staffProcedure
    .input(searchVehiclesInput)
    .query(({ ctx, input }) => searchVehicles(ctx.db, ctx.user, input)),
});

export const stationsRouter = router({
  list: staffProcedure.query(({ ctx }) => listStations(ctx.db)),
});
