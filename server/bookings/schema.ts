import { z } from 'zod';
import { fieldTexts } from '../messages/fields';
import { multiLineText, singleLineText } from '../validation';

export const createBookingInput = z.object({
  vehicleId: z.uuid(),
  from: z.date(),
  to: z.date(),
  purpose: singleLineText({ max: 200 }).optional(),
});

export const bookingIdInput = z.object({ id: z.uuid() });
export const changeEndInput = z.object({ id: z.uuid(), endsAt: z.date() });
export const reasonInput = z.object({ id: z.uuid(), reason: multiLineText({ min: 3, max: 500 }) });

const day = z.iso.date();
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: () => fieldTexts().clock });

export const createSeriesInput = z
  .object({
    vehicleId: z.uuid(),
    firstDay: day,
    startTime: clock,
    endTime: clock,
    weeks: z.number().int().min(1).max(52),
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).optional(),
    purpose: singleLineText({ max: 200 }).optional(),
    skipConflicts: z.boolean().default(false),
  })
  .refine((s) => s.startTime < s.endTime, {
    path: ['endTime'],
    error: () => fieldTexts().endAfterStart,
  });

export const seriesIdInput = z.object({ seriesId: z.uuid() });

const hours = clock.nullable();
export const policyInput = z
  .object({
    municipalityId: z.uuid(),
    horizonDays: z.number().int().min(1).max(730),
    maxDurationMinutes: z.number().int().min(15).max(43_200),
    minLeadMinutes: z.number().int().min(0).max(10_080),
    othersMayBook: z.boolean(),
    othersFrom: hours,
    othersUntil: hours,
    noShowGraceMinutes: z.number().int().min(5).max(240),
    maxFutureBookingsPerPerson: z.number().int().min(1).max(100),
    approvalRequired: z.boolean(),
    // Optional for callers written before it existed; the rules page always sends it.
    licenceCheckIntervalMonths: z.number().int().min(1).max(12).default(6),
  })
  .refine((p) => (p.othersFrom === null) === (p.othersUntil === null), {
    path: ['othersUntil'],
    error: () => fieldTexts().othersHoursTogether,
  })
  .refine((p) => p.othersFrom === null || p.othersUntil === null || p.othersFrom < p.othersUntil, {
    path: ['othersUntil'],
    error: () => fieldTexts().endAfterStart,
  });

export type CreateBookingInput = z.infer<typeof createBookingInput>;
