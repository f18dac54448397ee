import { z } from 'zod';
import { damageStates } from '@/db/schema';
import { fieldTexts } from '../messages/fields';
import { multiLineText, singleLineText } from '../validation';
import { MAX_CARS_ASKED } from './open';

const required = (schema: z.ZodString, error: () => string) => schema.pipe(z.string().min(1, { error }));

export const bookingIdInput = z.object({ bookingId: z.uuid() });

const description = multiLineText({ max: 2000 }).pipe(
  z.string().min(3, 'Bitte beschreiben Sie den Schaden in ein paar Worten.'),
);
// Null when neither answer was chosen: refused at the field, in words.
const drivable = z
  .boolean()
  .nullable()
  .transform((value, ctx) => {
    if (value !== null) return value;
    ctx.addIssue({ code: 'custom', message: fieldTexts().drivable });
    return z.NEVER;
  });

export const reportDamageInput = z.object({ bookingId: z.uuid(), description, drivable });

/** The fleet's own record, of a car rather than a booking. */
export const recordDamageInput = z.object({
  vehicleId: z.uuid({ error: () => fieldTexts().chooseVehicle }),
  description,
  drivable,
});

export const saveLogbookInput = z.object({
  bookingId: z.uuid(),
  purpose: required(singleLineText({ max: 500 }), () => fieldTexts().tripPurpose),
  destination: required(singleLineText({ max: 500 }), () => fieldTexts().tripDestination),
  personVisited: singleLineText({ max: 500 }).optional(),
});

export const damageIdInput = z.object({ id: z.uuid() });
export const damageListInput = z.object({
  state: z.enum(damageStates).optional(),
  vehicleId: z.uuid().optional(),
});
export const damageStateInput = z.object({
  id: z.uuid(),
  state: z.enum(damageStates),
  note: multiLineText({ max: 1000 }).optional(),
});
export const openDamagesInput = z.object({ vehicleIds: z.array(z.uuid()).max(MAX_CARS_ASKED) });
