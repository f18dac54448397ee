import { fleetManagerProcedure, router, staffProcedure } from '../trpc';
import { listManagedVehicles, listStations } from './queries';
import { searchVehiclesInput } from './schema';
import { searchVehicles } from './service';

export const vehiclesRouter = router({
  search: staffProcedure
    .input(searchVehiclesInput)
    .query(({ ctx, input }) => searchVehicles(ctx.db, ctx.user, input, ctx.settings.timeZone)),
  /** Fleet managers: their municipality's cars; the operator: all. */
  managed: fleetManagerProcedure.query(({ ctx }) => listManagedVehicles(ctx.db, ctx.user)),
});

export const stationsRouter = router({
  list: staffProcedure.query(({ ctx }) => listStations(ctx.db)),
});
