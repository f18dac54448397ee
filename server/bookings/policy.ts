import { TZDate } from '@date-fns/tz';
import { messagesFor } from '../messages/catalog';
import type { MunicipalityNames, ServerMessages } from '../messages/de';
import { type Language, localeOf } from '../messages/language';
import { HOUR, MINUTE, type TimeRange } from './rules';

/** A municipality's rules for its own cars, as stored in `booking_policies`. */
export interface BookingPolicy {
  horizonDays: number;
  maxDurationMinutes: number;
  minLeadMinutes: number;
  othersMayBook: boolean;
  /** Wall-clock hours ("07:00", "18:00") in which other municipalities' staff may use the cars; null: any time. */
  othersFrom: string | null;
  othersUntil: string | null;
  noShowGraceMinutes: number;
  maxFutureBookingsPerPerson: number;
  approvalRequired: boolean;
  /** Months a Führerscheinkontrolle of the municipality's people holds (server/people/licence-rules.ts). */
  licenceCheckIntervalMonths: number;
}

export const defaultPolicy: BookingPolicy = {
  horizonDays: 60,
  maxDurationMinutes: 14 * 24 * 60,
  minLeadMinutes: 0,
  othersMayBook: true,
  othersFrom: null,
  othersUntil: null,
  noShowGraceMinutes: 30,
  maxFutureBookingsPerPerson: 10,
  approvalRequired: false,
  licenceCheckIntervalMonths: 6,
};

export type PolicyRule =
  | 'HORIZON'
  | 'MAX_DURATION'
  | 'LEAD_TIME'
  | 'OTHERS_NOT_ALLOWED'
  | 'OTHERS_HOURS'
  | 'MAX_FUTURE_BOOKINGS'
  | 'LICENCE_CHECK';

/** A rule's sentence in every language: the refusal is read by whoever asked, the log keeps the German. */
export type Sentences = Record<Language, string>;

export interface PolicyViolation {
  rule: PolicyRule;
  message: Sentences;
}

const sentences = (write: (t: ServerMessages['policy'], language: Language) => string): Sentences => ({
  de: write(messagesFor('de').policy, 'de'),
  en: write(messagesFor('en').policy, 'en'),
});

/**
 * What is asked of a car's time: a new booking, or a change of one. A change keeps the booking's
 * start, so the rules about when a start may be asked for (horizon, lead time) and the count of
 * bookings (fairness) were settled when it was made; everything about the window and the person
 * is asked again. Shortening only gives time back: the person's licence does not hold it up.
 */
export type ScheduleChange = 'create' | 'extend' | 'shorten' | 'move';

export interface BookingRequest {
  change: ScheduleChange;
  window: TimeRange;
  now: Date;
  timeZone: string;
  /** The owning municipality as the sentences name it: "Fahrzeuge der Stadt Brandis", "bei der Stadt Brandis". */
  owner: MunicipalityNames;
  sameMunicipality: boolean;
  /** The person's live bookings of this owner's cars that have not ended yet. */
  futureBookingsOfPerson: number;
  licenceCheckValidUntil: string | null;
}

const dayText = (isoDate: string, language: Language) =>
  new Intl.DateTimeFormat(localeOf(language), {
    timeZone: 'UTC',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(`${isoDate}T12:00:00Z`));

function durationText(minutes: number, t: ServerMessages['policy']): string {
  if (minutes % (24 * 60) === 0) return t.days(minutes / 1440);
  if (minutes % 60 === 0) return t.hours(minutes / 60);
  return t.minutes(minutes);
}

/** Minutes after local midnight of an instant, in the region's zone. */
const wallMinutes = (instant: Date, timeZone: string) => {
  const local = new TZDate(instant, timeZone);
  return local.getHours() * 60 + local.getMinutes();
};
const localDay = (instant: Date, timeZone: string) => new TZDate(instant, timeZone).toDateString();
const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Today's date in the region, "YYYY-MM-DD". */
const regionDate = (now: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );

/** The licence gate: a check that ran out yesterday or earlier blocks booking. */
export function licenceViolation(
  validUntil: string | null,
  now: Date,
  timeZone: string,
): PolicyViolation | null {
  if (validUntil === null)
    return {
      rule: 'LICENCE_CHECK',
      message: sentences((t) => t.noLicenceCheck),
    };
  if (validUntil >= regionDate(now, timeZone)) return null;
  return {
    rule: 'LICENCE_CHECK',
    message: sentences((t, language) => t.licenceCheckExpired(dayText(validUntil, language))),
  };
}

/** The longest booking the owner allows; an extension is held to it too. */
export function durationViolation(policy: BookingPolicy, window: TimeRange): PolicyViolation | null {
  if (window.end.getTime() - window.start.getTime() <= policy.maxDurationMinutes * MINUTE) return null;
  return {
    rule: 'MAX_DURATION',
    message: sentences((t) => t.maxDuration(durationText(policy.maxDurationMinutes, t))),
  };
}

/** Every rule of the owner's policy the request breaks, each with the sentences that name it. */
export function policyViolations(policy: BookingPolicy, request: BookingRequest): PolicyViolation[] {
  const { window, now, timeZone, change } = request;
  const violations: PolicyViolation[] = [];
  const licence =
    change === 'shorten' ? null : licenceViolation(request.licenceCheckValidUntil, now, timeZone);
  if (licence) violations.push(licence);
  const fresh = change === 'create';
  if (fresh && window.start.getTime() > now.getTime() + policy.horizonDays * 24 * HOUR)
    violations.push({
      rule: 'HORIZON',
      message: sentences((t) => t.horizon(policy.horizonDays)),
    });
  const duration = durationViolation(policy, window);
  if (duration) violations.push(duration);
  if (
    fresh &&
    policy.minLeadMinutes > 0 &&
    window.start.getTime() < now.getTime() + policy.minLeadMinutes * MINUTE
  )
    violations.push({
      rule: 'LEAD_TIME',
      message: sentences((t) => t.leadTime(durationText(policy.minLeadMinutes, t))),
    });
  if (!request.sameMunicipality) violations.push(...othersViolations(policy, request));
  if (fresh && request.futureBookingsOfPerson >= policy.maxFutureBookingsPerPerson)
    violations.push({
      rule: 'MAX_FUTURE_BOOKINGS',
      message: sentences((t) =>
        t.maxFutureBookings(request.futureBookingsOfPerson, request.owner, policy.maxFutureBookingsPerPerson),
      ),
    });
  return violations;
}

function othersViolations(
  policy: BookingPolicy,
  { window, timeZone, owner }: BookingRequest,
): PolicyViolation[] {
  if (!policy.othersMayBook)
    return [
      {
        rule: 'OTHERS_NOT_ALLOWED',
        message: sentences((t) => t.othersNotAllowed(owner)),
      },
    ];
  if (policy.othersFrom === null || policy.othersUntil === null) return [];
  const from = minutesOf(policy.othersFrom);
  const until = minutesOf(policy.othersUntil);
  // The end instant belongs to the day it closes, so 10:00–18:00 ends "at 18:00" on the same day.
  const lastMoment = new Date(window.end.getTime() - 1);
  const inside =
    localDay(window.start, timeZone) === localDay(lastMoment, timeZone) &&
    wallMinutes(window.start, timeZone) >= from &&
    wallMinutes(lastMoment, timeZone) < until;
  if (inside) return [];
  return [
    {
      rule: 'OTHERS_HOURS',
      message: sentences((t) => t.othersHours(owner, policy.othersFrom ?? '', policy.othersUntil ?? '')),
    },
  ];
}
