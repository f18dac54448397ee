import { licenceClasses } from '@/db/schema';
import { addMonths, type Day } from '../compliance/due';

export { licenceClasses };
export type LicenceClass = (typeof licenceClasses)[number];

/** The municipality's interval when it set none: every 6 months, the common practice under § 21 StVG. */
export const DEFAULT_LICENCE_INTERVAL_MONTHS = 6;

/**
 * The next due date of a check: the interval after the check, or the card's expiry (field 4b) if
 * that comes first. A card that runs out before the next check needs a new check with the new card.
 */
export function licenceValidUntil(checkedOn: Day, intervalMonths: number, cardExpiresOn: Day | null): Day {
  const byInterval = addMonths(checkedOn, intervalMonths);
  return cardExpiresOn !== null && cardExpiresOn < byInterval ? cardExpiresOn : byInterval;
}

// The classes a code of field 12 may be bound to on the card ("B96"), longest first for the match.
const classPrefix = [...licenceClasses].sort((a, b) => b.length - a.length).join('|');
/**
 * A code of field 12 (Directive 2006/126/EC, Annex I): the harmonised codes 01–99 and the national
 * ones from 100, with up to three sub-codes ("01.06", "95.01.01.30"), optionally bound to a class.
 */
const restrictionCode = new RegExp(`^(?:${classPrefix})?(?:0[1-9]|[1-9]\\d|[1-9]\\d{2})(?:\\.\\d{2}){0,3}$`);

/**
 * The codes as typed, comma separated (spaces and case do not matter), each once in the order
 * given; or the entries that are no code, as typed.
 */
export function parseRestrictions(typed: string): { codes: string[] } | { invalid: string[] } {
  const entries = typed
    .split(',')
    .map((entry) => ({ typed: entry.trim(), code: entry.replace(/\s+/g, '').toUpperCase() }))
    .filter((entry) => entry.code !== '');
  const invalid = entries.filter((entry) => !restrictionCode.test(entry.code)).map((entry) => entry.typed);
  if (invalid.length > 0) return { invalid };
  return { codes: [...new Set(entries.map((entry) => entry.code))] };
}
