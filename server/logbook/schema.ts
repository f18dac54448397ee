import { z } from 'zod';
import { fieldTexts } from '../messages/fields';
import { asLocalPeriod, localDate } from '../validation';

/** One car's or one person's Fahrtenbuch over `[from, to)` (local dates). */
export const bookInput = asLocalPeriod(
  z.object({ vehicleId: z.uuid().optional(), userId: z.uuid().optional(), from: localDate, to: localDate }),
).refine((input) => (input.vehicleId === undefined) !== (input.userId === undefined), {
  path: ['vehicleId'],
  error: () => fieldTexts().carOrPerson,
});
export type BookInput = z.infer<typeof bookInput>;
