import { z } from 'zod';
import { fieldTexts } from '../messages/fields';

export const searchVehiclesInput = z
  .object({
    from: z.date(),
    to: z.date(),
    stationId: z.uuid().optional(),
    municipalityId: z.uuid().optional(),
    minSeats: z.number().int().min(1).max(9).optional(),
    powertrain: z.enum(['ev', 'phev', 'ice']).optional(),
    /** Rank by distance from here (where the person is, or where the trip starts). */
    near: z
      .object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) })
      .optional(),
    /** The trip's planned length: electric cars that would fall short are listed last, with a warning. */
    plannedKm: z.number().int().min(1).max(2000).optional(),
  })
  .refine((input) => !(input.stationId && input.municipalityId), {
    path: ['stationId'],
    error: () => fieldTexts().stationOrMunicipality,
  });

export type SearchVehiclesInput = z.infer<typeof searchVehiclesInput>;
