import { z } from 'zod';
import { fieldTexts } from '../messages/fields';
import { multiLineText, singleLineText } from '../validation';

const required = (schema: z.ZodString, error: () => string) => schema.pipe(z.string().min(1, { error }));

export const bookingIdInput = z.object({ bookingId: z.uuid() });

export const reportDamageInput = z.object({
  bookingId: z.uuid(),
  description: multiLineText({ max: 2000 }).pipe(
    z.string().min(3, 'Bitte beschreiben Sie den Schaden in ein paar Worten.'),
  ),
  // Null when neither answer was chosen: refused at the field, in words.
  drivable: z
    .boolean()
    .nullable()
    .transform((value, ctx) => {
      if (value !== null) return value;
      ctx.addIssue({ code: 'custom', message: fieldTexts().drivable });
      return z.NEVER;
    }),
});

export const saveLogbookInput = z.object({
  bookingId: z.uuid(),
  purpose: required(singleLineText({ max: 500 }), () => fieldTexts().tripPurpose),
  destination: required(singleLineText({ max: 500 }), () => fieldTexts().tripDestination),
  personVisited: singleLineText({ max: 500 }).optional(),
});
