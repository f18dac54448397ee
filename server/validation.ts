import { z } from 'zod';
import { fieldTexts } from './messages/fields';

// C0 and C1 control characters and DEL. PostgreSQL refuses NUL in text outright (a 500 before this
// check); the others are invisible in the UI, mails and calendar feeds, and only ever come from a script.
const anyControl = /\p{Cc}/u;
// Every control character but line feed and carriage return (a pasted Windows line ends in both).
const controlExceptNewlines = /[^\P{Cc}\n\r]/u;

type Length = { min?: number; max: number };

function text({ min, max }: Length, forbidden: RegExp, message: () => string) {
  const trimmed = z.string().trim();
  return (min === undefined ? trimmed : trimmed.min(min))
    .max(max)
    .refine((value) => !forbidden.test(value), { error: message });
}

/** Free text on one line (a name, a purpose): no control characters, no line breaks. */
export const singleLineText = (length: Length) =>
  text(length, anyControl, () => fieldTexts().noControlCharactersOrBreaks);

/** Free text over several lines (a reason, a note): line breaks allowed, other control characters not. */
export const multiLineText = (length: Length) =>
  text(length, controlExceptNewlines, () => fieldTexts().noControlCharacters);

/** A day of the region's calendar, `YYYY-MM-DD`. */
export const localDate = z.iso.date();
const MAX_PERIOD_MS = 3_653 * 86_400_000;

/** A period `[from, to)` of local dates (reports, exports): it must end after it starts, and span ten years at most. */
export const asLocalPeriod = <T extends z.ZodObject<{ from: typeof localDate; to: typeof localDate }>>(
  schema: T,
) =>
  schema
    // ISO dates compare as text; a period is [from, to), so it must end after it starts.
    .refine((period) => period.to > period.from, {
      path: ['to'],
      error: () => fieldTexts().periodEndAfterStart,
    })
    .refine((period) => Date.parse(period.to) - Date.parse(period.from) <= MAX_PERIOD_MS, {
      path: ['to'],
      error: () => fieldTexts().periodAtMostTenYears,
    });
