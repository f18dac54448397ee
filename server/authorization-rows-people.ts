/** The authorization matrix's rows of the people administration and a person's own account. */
import { randomUUID } from 'node:crypto';
import type { World } from './authorization-fixtures';
import { everyone, ids, managedList, noSession, noStaff, type Row, signedIn } from './authorization-presets';
import { issuePersonToken } from './people/tokens';
import { makeUser } from './test-support';

// A person is their managers' business: to a fleet manager elsewhere they do not exist.
const managersOfPerson = {
  ...noSession,
  ...noStaff,
  fleetOwn: 'ok',
  fleetOther: 'PERSON_NOT_FOUND',
  operator: 'ok',
} as const;
/** A fresh person of A (invited, no password yet) for each changing call. */
const freshPerson = async (w: World) => (await makeUser(w.db, w.a.home)).id;
const person = async (w: World) => ({ userId: await freshPerson(w) });
const missingPerson = () => ({ userId: randomUUID() });
const freshLink = async (w: World) =>
  (await issuePersonToken(w.db, await freshPerson(w), 'invitation', new Date())).token;
const freshEmail = () => `${randomUUID()}@invited.example`;

export const peopleRows: Record<string, Row> = {
  'people.list': {
    input: () => ({}),
    shows: (answer, w) => ids(answer).includes(w.users.staffOwn?.id ?? ''),
    expect: managedList,
  },
  'people.detail': {
    input: (w) => ({ userId: w.users.staffOwn?.id ?? '' }),
    missing: missingPerson,
    expect: managersOfPerson,
  },
  // Placing someone in another municipality is refused at the municipality field.
  'people.invite': {
    input: (w) => ({
      name: 'Neue Person',
      email: freshEmail(),
      role: 'staff',
      municipalityId: w.municipalityId,
    }),
    expect: { ...managersOfPerson, fleetOther: 'INVALID_INPUT' },
  },
  'people.reinvite': { input: person, missing: missingPerson, expect: managersOfPerson },
  'people.changePlacement': {
    input: async (w) => ({ ...(await person(w)), role: 'fleet_manager', municipalityId: w.municipalityId }),
    missing: (w) => ({ ...missingPerson(), role: 'fleet_manager', municipalityId: w.municipalityId }),
    expect: managersOfPerson,
  },
  'people.deactivate': { input: person, missing: missingPerson, expect: managersOfPerson },
  'people.reactivate': { input: person, missing: missingPerson, expect: managersOfPerson },
  // Every line is checked as an invitation is: a fleet manager elsewhere hears which line is wrong.
  'people.import': {
    input: (w) => ({
      csv: `name,email,role,municipality\nNeue Person,${freshEmail()},staff,${w.a.home.slug}\n`,
    }),
    expect: { ...managersOfPerson, fleetOther: 'IMPORT_REFUSED' },
  },
  // The mailed links work for whoever holds one, signed in or not: the token is the authority.
  'account.link': { input: async (w) => ({ token: await freshLink(w) }), expect: everyone },
  'account.setPassword': {
    input: async (w) => ({ token: await freshLink(w), password: 'ein-langes-Passwort' }),
    expect: everyone,
  },
  'account.requestPasswordReset': { input: () => ({ email: freshEmail() }), expect: everyone },
  'account.profile': { input: () => undefined, expect: signedIn },
  'account.chooseMail': { input: () => ({ kind: 'reminder', wanted: true }), expect: signedIn },
};
