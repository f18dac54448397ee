import { z } from 'zod';

export const searchVehiclesInput = z
  .object({
    from: z.date(),
    to: z.date(),
    stationId: z.uuid().optional(),
    municipalityId: z.uuid().optional(),
    minSeats: z.number().int().min(1).max(9).optional(),
    powertrain: z.enum(['ev', 'phev', 'ice']).optional(),
  })
  .refine((input) => !(input.stationId && input.municipalityId), {
    path: ['stationId'],
    message: 'Bitte entweder eine Station oder eine Kommune wählen, nicht beides.',
  });

export type SearchVehiclesInput = z.infer<typeof searchVehiclesInput>;
