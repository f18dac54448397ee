import { z } from 'zod';
import { fleetManagerProcedure, router, staffProcedure } from '../trpc';
import { previewRetirement, retireVehicle } from './admin-retire';
import {
  retireInput,
  stationInput,
  stationUpdateInput,
  vehicleInput,
  vehicleUpdateInput,
} from './admin-schema';
import {
  createStation,
  listManagedMunicipalities,
  listManagedStations,
  updateStation,
} from './admin-stations';
import { createVehicle, updateVehicle } from './admin-vehicles';
import { listManagedVehicles, listStations } from './queries';
import { searchVehiclesInput } from './schema';
import { searchVehicles } from './service';

export const vehiclesRouter = router({
  search: staffProcedure
    .input(searchVehiclesInput)
    .query(({ ctx, input }) => searchVehicles(ctx.db, ctx.user, input, ctx.settings.timeZone)),
  /** Fleet managers: their municipality's cars; the operator: all. */
  managed: fleetManagerProcedure.query(({ ctx }) => listManagedVehicles(ctx.db, ctx.user)),
  create: fleetManagerProcedure
    .input(vehicleInput)
    .mutation(({ ctx, input }) => createVehicle(ctx.db, ctx.user, input, ctx.settings.timeZone)),
  update: fleetManagerProcedure
    .input(vehicleUpdateInput)
    .mutation(({ ctx, input }) => updateVehicle(ctx.db, ctx.user, input, ctx.settings.timeZone)),
  retirePreview: fleetManagerProcedure
    .input(retireInput)
    .query(({ ctx, input }) => previewRetirement(ctx.db, ctx.user, input, ctx.settings.timeZone)),
  retire: fleetManagerProcedure
    .input(retireInput.extend({ confirm: z.boolean().default(false) }))
    .mutation(({ ctx, input }) => retireVehicle(ctx.db, ctx.user, input, ctx.settings.timeZone)),
});

export const stationsRouter = router({
  list: staffProcedure.query(({ ctx }) => listStations(ctx.db)),
  /** Fleet managers: their municipality's stations with everything the form edits; the operator: all. */
  managed: fleetManagerProcedure.query(({ ctx }) => listManagedStations(ctx.db, ctx.user)),
  /** The municipalities whose stations and cars the caller may make, for the forms' choice. */
  municipalities: fleetManagerProcedure.query(({ ctx }) => listManagedMunicipalities(ctx.db, ctx.user)),
  create: fleetManagerProcedure
    .input(stationInput)
    .mutation(({ ctx, input }) => createStation(ctx.db, ctx.user, input)),
  update: fleetManagerProcedure
    .input(stationUpdateInput)
    .mutation(({ ctx, input }) => updateStation(ctx.db, ctx.user, input)),
});
