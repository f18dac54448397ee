import type { Db } from '@/db/client';
import type { SessionUser } from '../auth/queries';
import {
  type BookingPolicy,
  defaultPolicy,
  type PolicyRule,
  policyViolations,
  type Sentences,
} from '../bookings/policy';
import { allPolicies, openBookingsByOwner } from '../bookings/policy-queries';
import type { TimeRange } from '../bookings/rules';

/** What the person's booking rules are judged by, loaded once a search (not once a car). */
export interface BookingContext {
  user: Pick<SessionUser, 'municipalityId' | 'licenceCheckValidUntil'>;
  policies: Map<string, BookingPolicy>;
  openByOwner: Map<string, number>;
  now: Date;
  timeZone: string;
}

/** The free cars the person may not book, summed up per rule with the sentence that names it. */
export interface HiddenCars {
  count: number;
  /** Each rule with its sentences in every language: the page shows the one it is written in. */
  rules: { rule: PolicyRule; message: Sentences; count: number }[];
}

interface OwnedCar {
  ownerMunicipalityId: string;
  ownerName: string;
  ownerGenitive: string;
  ownerDative: string;
}

export async function loadBookingContext(
  db: Db,
  user: SessionUser,
  now: Date,
  timeZone: string,
): Promise<BookingContext> {
  const [policies, openByOwner] = await Promise.all([allPolicies(db), openBookingsByOwner(db, user.id, now)]);
  return { user, policies, openByOwner, now, timeZone };
}

/**
 * Splits free cars into those the person may book over the window and those the owner's policy
 * (horizon, longest booking, lead time, other municipalities, open bookings, licence check) keeps
 * from them — the same rules a booking is admitted by (server/bookings/service.ts).
 */
export function splitBookable<T extends OwnedCar>(
  cars: T[],
  window: TimeRange,
  context: BookingContext,
): { bookable: T[]; hidden: HiddenCars } {
  const bookable: T[] = [];
  const rules = new Map<string, HiddenCars['rules'][number]>();
  let count = 0;
  for (const car of cars) {
    const policy = context.policies.get(car.ownerMunicipalityId) ?? defaultPolicy;
    const violations = policyViolations(policy, {
      change: 'create',
      window,
      now: context.now,
      timeZone: context.timeZone,
      owner: { name: car.ownerName, genitive: car.ownerGenitive, dative: car.ownerDative },
      sameMunicipality: context.user.municipalityId === car.ownerMunicipalityId,
      futureBookingsOfPerson: context.openByOwner.get(car.ownerMunicipalityId) ?? 0,
      licenceCheckValidUntil: context.user.licenceCheckValidUntil,
    });
    if (violations.length === 0) {
      bookable.push(car);
      continue;
    }
    count++;
    for (const { rule, message } of violations) {
      const seen = rules.get(message.de);
      if (seen) seen.count++;
      else rules.set(message.de, { rule, message, count: 1 });
    }
  }
  return { bookable, hidden: { count, rules: [...rules.values()] } };
}
