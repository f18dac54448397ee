import { z } from 'zod';
import { multiLineText, singleLineText } from '../validation';

const required = (schema: z.ZodString, message: string) => schema.pipe(z.string().min(1, message));

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
      ctx.addIssue({ code: 'custom', message: 'Bitte angeben, ob das Fahrzeug noch fahrbereit ist.' });
      return z.NEVER;
    }),
});

export const saveLogbookInput = z.object({
  bookingId: z.uuid(),
  purpose: required(singleLineText({ max: 500 }), 'Bitte den Zweck der Fahrt angeben.'),
  destination: required(singleLineText({ max: 500 }), 'Bitte das Ziel der Fahrt angeben.'),
  personVisited: singleLineText({ max: 500 }).optional(),
});
