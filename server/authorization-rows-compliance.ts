/** The authorization matrix's rows of the compliance records (one table: authorization-rows.ts). */
import { randomUUID } from 'node:crypto';
import type { World } from './authorization-fixtures';
import { ids, managedList, managersOfA, none, noSession, noStaff, type Row } from './authorization-presets';
import { makeUser } from './test-support';

// A person's records are theirs and their managers' business: to anyone else they do not exist.
const managersOfPerson = {
  ...noSession,
  ...noStaff,
  fleetOwn: 'ok',
  fleetOther: 'PERSON_NOT_FOUND',
  operator: 'ok',
} as const;
const today = () => new Date().toISOString().slice(0, 10);
/** A fresh person of A for each recording call, so no call changes another's gate. */
const freshPerson = async (w: World) => (await makeUser(w.db, w.a.home)).id;
const licenceCheck = (userId: string) => ({
  userId,
  checkedOn: today(),
  classes: ['B'],
  cardExpiresOn: null,
});
const instruction = (userId: string) => ({
  userId,
  instructedOn: today(),
  instructedBy: 'Fuhrparkleitung',
  topic: 'Jährliche Fahrerunterweisung',
});
const showsPerson = (answer: unknown, w: World) => ids(answer).includes(w.users.staffOwn?.id ?? '');

export const complianceRows: Record<string, Row> = {
  'licenceChecks.overview': { input: none, shows: showsPerson, expect: managedList },
  'licenceChecks.history': {
    input: (w) => ({ userId: w.users.staffOwn?.id ?? '' }),
    missing: () => ({ userId: randomUUID() }),
    expect: managersOfPerson,
  },
  'licenceChecks.record': {
    input: async (w) => licenceCheck(await freshPerson(w)),
    missing: () => licenceCheck(randomUUID()),
    expect: managersOfPerson,
  },
  'instructions.overview': { input: none, shows: showsPerson, expect: managedList },
  'instructions.record': {
    input: async (w) => instruction(await freshPerson(w)),
    missing: () => instruction(randomUUID()),
    expect: managersOfPerson,
  },
  // Cars are everyone's to see; their inspections are their owner's managers' to keep.
  'inspections.overview': {
    input: none,
    shows: (answer, w) => ids(answer).includes(w.car.id),
    expect: managedList,
  },
  'inspections.history': { input: (w) => ({ vehicleId: w.car.id }), expect: managersOfA },
  'inspections.record': {
    input: async (w) => ({
      vehicleId: (await w.freshCar()).id,
      inspectedOn: today(),
      inspector: 'Sachkundige Person',
      result: 'passed',
    }),
    expect: managersOfA,
  },
};
