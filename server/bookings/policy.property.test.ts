/**
 * No sequence of schedule writes — create, changeEnd (longer, shorter, down to a millisecond),
 * blocks that move or cancel the bookings in their way, approvals and declines — leaves a live
 * booking that `create` would refuse under the same policy: its window (length, the owner's
 * longest booking, the hours and exclusion for other municipalities), its booker (the licence
 * check), the powertrain it was booked with, and — where the owner wants approval — a reservation
 * only within what an approver approved. Time-dependent rules (horizon, lead time, fairness) are
 * set so that they never refuse here. Refusals must be typed and change nothing.
 *
 * PROPERTY_RUNS (default 25) and PROPERTY_SEED (default: time-based, printed) tune a run.
 */
import { TZDate } from '@date-fns/tz';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import type { SessionUser } from '../auth/queries';
import { env } from '../env';
import { AppError } from '../errors';
import { callerFor, makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { isLive, readState, type State, type World } from './interleavings.invariants';
import { type BookingPolicy, defaultPolicy, policyViolations } from './policy';
import { savePolicy } from './policy-queries';
import { MINUTE, windowProblems } from './rules';

const runs = Number(process.env.PROPERTY_RUNS ?? 25);
const seed = Number(process.env.PROPERTY_SEED ?? Date.now() % 2 ** 31);
const SLOT = 15 * MINUTE;
/** Tomorrow 06:00–20:00 (from midnight, in slots): bookings and blocks crowd into one day. */
const FIRST = 24;
const LAST = 80;
const typedCodes = new Set(['BAD_REQUEST', 'CONFLICT', 'PRECONDITION_FAILED', 'FORBIDDEN', 'NOT_FOUND']);

const database = testDatabaseForFile();

type Command =
  | { kind: 'create'; person: number; car: number; slot: number; length: number }
  | { kind: 'changeEnd'; booking: number; slots: number; tiny: boolean }
  | { kind: 'block'; car: number; slot: number; length: number }
  /** A block over a booking's car and time, so that it must be moved or cancelled. */
  | { kind: 'blockBooking'; booking: number }
  | { kind: 'approve' | 'decline'; booking: number };

const index = fc.nat({ max: 50 });
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      person: fc.nat({ max: 4 }),
      car: fc.nat({ max: 3 }),
      slot: fc.integer({ min: FIRST, max: LAST }),
      // Mostly short; now and then past the owner's longest booking.
      length: fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 1, max: 12 }) },
        fc.integer({ min: 13, max: 40 }),
      ),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('changeEnd' as const),
      booking: index,
      slots: fc.integer({ min: -16, max: 24 }).filter((n) => n !== 0),
      // Down to the start plus a millisecond: the shortest booking must hold.
      tiny: fc.nat({ max: 7 }).map((n) => n === 0),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('block' as const),
      car: fc.nat({ max: 3 }),
      slot: fc.integer({ min: FIRST, max: LAST }),
      length: fc.integer({ min: 1, max: 24 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('blockBooking' as const), booking: index }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constantFrom('approve' as const, 'decline' as const), booking: index }),
  },
);
const scenario = fc.record({
  policy: fc.record({
    othersMayBook: fc.boolean(),
    othersHours: fc.boolean(),
    maxDurationMinutes: fc.constantFrom(120, 240, 480),
    approvalRequired: fc.boolean(),
  }),
  powertrains: fc.tuple(...[0, 1, 2].map(() => fc.constantFrom('ev' as const, 'phev' as const))),
  steps: fc.array(command, { minLength: 6, maxLength: 16 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

interface PolicyWorld extends World {
  /** Each car's owner and powertrain, and each owner's policy. */
  carFacts: Map<string, { owner: string; ownerGenitive: string; ownerDative: string; powertrain: string }>;
  policies: Map<string, BookingPolicy>;
  /** The powertrain each booking was made with, and the end an approver last approved. */
  bookedPowertrain: Map<string, string>;
  approvedEnd: Map<string, Date>;
}

const tally = { runs: 0, steps: 0, commands: 0, refused: 0 };
const outcomes = new Map<string, number>();
const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);

const pick = <T>(items: readonly T[], i: number): T | undefined => items[i % Math.max(items.length, 1)];
const appCodeOf = (error: unknown) =>
  error instanceof TRPCError && error.cause instanceof AppError ? error.cause.code : undefined;

async function makeWorld(db: Db, s: Scenario): Promise<PolicyWorld> {
  const home = await makeMunicipality(db);
  const neighbour = await makeMunicipality(db);
  const manager = await makeUser(db, home, 'fleet_manager');
  const policy: BookingPolicy = {
    ...defaultPolicy,
    othersMayBook: s.policy.othersMayBook,
    othersFrom: s.policy.othersHours ? '07:00' : null,
    othersUntil: s.policy.othersHours ? '18:00' : null,
    maxDurationMinutes: s.policy.maxDurationMinutes,
    approvalRequired: s.policy.approvalRequired,
    maxFutureBookingsPerPerson: 100,
  };
  const neighbourPolicy: BookingPolicy = {
    ...defaultPolicy,
    othersMayBook: false,
    maxFutureBookingsPerPerson: 100,
  };
  await savePolicy(db, home.id, policy, manager.id);
  await savePolicy(db, neighbour.id, neighbourPolicy, manager.id);
  const staff = await makeUser(db, home);
  const guest = await makeUser(db, neighbour);
  const lapsed = await makeUser(db, home);
  await db.update(users).set({ licenceCheckValidUntil: '2026-01-31' }).where(eq(users.id, lapsed.id));
  const people: SessionUser[] = [
    staff,
    staff,
    guest,
    { ...lapsed, licenceCheckValidUntil: '2026-01-31' },
    manager,
  ];
  const carFacts = new Map<
    string,
    { owner: string; ownerGenitive: string; ownerDative: string; powertrain: string }
  >();
  const cars = [];
  for (const powertrain of s.powertrains) {
    const car = await makeVehicle(db, home, { powertrain, turnaroundBufferMinutes: 0 });
    cars.push({ id: car.id, buffer: 0 });
    carFacts.set(car.id, {
      owner: home.id,
      ownerGenitive: home.nameGenitive,
      ownerDative: home.nameDative,
      powertrain,
    });
  }
  // A neighbour's electric car at the same station: no stand-in for a move of home's bookings.
  const foreign = await makeVehicle(db, neighbour, {
    homeStationId: home.station.id,
    turnaroundBufferMinutes: 0,
  });
  cars.push({ id: foreign.id, buffer: 0 });
  carFacts.set(foreign.id, {
    owner: neighbour.id,
    ownerGenitive: neighbour.nameGenitive,
    ownerDative: neighbour.nameDative,
    powertrain: 'ev',
  });
  const today = new TZDate(Date.now(), env().TIME_ZONE);
  return {
    db,
    people,
    manager,
    cars,
    origin: new TZDate(today.getFullYear(), today.getMonth(), today.getDate() + 1, env().TIME_ZONE),
    bookingIds: [],
    blockIds: [],
    carFacts,
    policies: new Map([
      [home.id, policy],
      [neighbour.id, neighbourPolicy],
    ]),
    bookedPowertrain: new Map(),
    approvedEnd: new Map(),
  };
}

/** `null`: done; 'skipped': no booking to act on yet; otherwise the refusal. */
async function run(world: PolicyWorld, state: State, c: Command): Promise<unknown> {
  const at = (slot: number) => new Date(world.origin.getTime() + slot * SLOT);
  const car = (i: number) => world.cars[i % world.cars.length]?.id ?? '';
  const booking =
    'booking' in c ? state.bookings.find((b) => b.id === pick(world.bookingIds, c.booking)) : undefined;
  try {
    switch (c.kind) {
      case 'create': {
        const person = world.people[c.person % world.people.length] ?? world.manager;
        const made = await callerFor(world.db, person).bookings.create({
          vehicleId: car(c.car),
          from: at(c.slot),
          to: at(c.slot + c.length),
        });
        world.bookingIds.push(made.id);
        world.bookedPowertrain.set(made.id, world.carFacts.get(car(c.car))?.powertrain ?? '');
        break;
      }
      case 'changeEnd': {
        if (!booking) return 'skipped';
        const booker = world.people.find((p) => p.id === booking.userId) ?? world.manager;
        const endsAt = c.tiny
          ? new Date(booking.start.getTime() + 1)
          : new Date(booking.end.getTime() + c.slots * SLOT);
        await callerFor(world.db, booker).bookings.changeEnd({ id: booking.id, endsAt });
        break;
      }
      case 'block':
      case 'blockBooking': {
        if (c.kind === 'blockBooking' && !booking) return 'skipped';
        const made = await callerFor(world.db, world.manager).blocks.create({
          vehicleId: c.kind === 'block' ? car(c.car) : (booking?.vehicleId ?? ''),
          from: c.kind === 'block' ? at(c.slot) : (booking?.start ?? at(0)),
          to: c.kind === 'block' ? at(c.slot + c.length) : (booking?.end ?? at(1)),
          kind: 'maintenance',
          reason: 'Inspektion (Eigenschaftstest)',
          confirm: true,
        });
        for (const _ of made.moved) count('block moved a booking');
        for (const _ of made.cancelled) count('block cancelled a booking');
        break;
      }
      case 'approve':
      case 'decline': {
        if (!booking) return 'skipped';
        const api = callerFor(world.db, world.manager).bookings;
        if (c.kind === 'approve') await api.approve({ id: booking.id });
        else await api.decline({ id: booking.id, reason: 'Nicht freigegeben (Eigenschaftstest)' });
        break;
      }
    }
    return null;
  } catch (error) {
    return error;
  }
}

/** Each live booking that `create` would refuse now, under the same policy, and why. */
function refusedByCreate(world: PolicyWorld, state: State): string[] {
  const found: string[] = [];
  const now = new Date();
  for (const b of state.bookings.filter(isLive)) {
    const facts = world.carFacts.get(b.vehicleId);
    const person = world.people.find((p) => p.id === b.userId);
    const policy = facts && world.policies.get(facts.owner);
    if (!facts || !person || !policy) {
      found.push(`booking ${b.id} on an unknown car or of an unknown person`);
      continue;
    }
    const window = { start: b.start, end: b.end };
    const problems = Object.values(windowProblems(window, now, { startFixed: true })).flat();
    const rules = policyViolations(policy, {
      change: 'create',
      window,
      now,
      timeZone: env().TIME_ZONE,
      owner: { name: 'Kommune', genitive: facts.ownerGenitive, dative: facts.ownerDative },
      sameMunicipality: person.municipalityId === facts.owner,
      futureBookingsOfPerson: 0,
      licenceCheckValidUntil: person.licenceCheckValidUntil,
    }).map((v) => v.rule);
    if (problems.length > 0 || rules.length > 0)
      found.push(`booking ${b.id} (${b.status}) breaks ${[...problems, ...rules].join(', ')}`);
    if (world.bookedPowertrain.get(b.id) !== facts.powertrain)
      found.push(`booking ${b.id} was moved from ${world.bookedPowertrain.get(b.id)} to ${facts.powertrain}`);
    const approver = person.role === 'fleet_manager' && person.municipalityId === facts.owner;
    if (policy.approvalRequired && !approver && b.status !== 'pending') {
      const approved = world.approvedEnd.get(b.id);
      if (!approved || b.end > approved)
        found.push(`booking ${b.id} reserved until ${b.end.toISOString()} beyond its approval`);
    }
  }
  return found;
}

it('no sequence of creates, end changes and block moves leaves a booking that create would refuse', async () => {
  console.info(`policy property: engine ${database.engine}, ${runs} runs, seed ${seed}`);
  await fc.assert(
    fc.asyncProperty(scenario, async (s) => {
      const world = await makeWorld(database.db, s);
      tally.runs++;
      let state = await readState(world);
      for (const c of s.steps) {
        const error = await run(world, state, c);
        if (error === 'skipped') {
          count(`${c.kind} skipped (no booking yet)`);
          continue;
        }
        const after = await readState(world);
        if (error === null && c.kind === 'approve') {
          const approved = after.bookings.find((b) => b.id === pick(world.bookingIds, c.booking));
          if (approved) world.approvedEnd.set(approved.id, approved.end);
        }
        const problems = refusedByCreate(world, after);
        count(`${c.kind} ${error === null ? 'ok' : (appCodeOf(error) ?? 'untyped')}`);
        if (error !== null) {
          tally.refused++;
          if (!(error instanceof TRPCError && typedCodes.has(error.code)))
            problems.push(`${c.kind} failed untyped: ${String(error)}`);
          if (JSON.stringify(state) !== JSON.stringify(after))
            problems.push(`refused ${c.kind} changed the schedule`);
        }
        tally.steps++;
        tally.commands++;
        expect(problems, `after ${JSON.stringify(c)}`).toEqual([]);
        state = after;
      }
    }),
    { numRuns: runs, seed, endOnFailure: !!process.env.CI },
  );
  console.info(
    `policy property: outcomes — ${[...outcomes]
      .sort()
      .map(([k, n]) => `${k}: ${n}`)
      .join(', ')}`,
  );
  console.info(
    `policy property: ${tally.runs} runs, ${tally.steps} steps, ${tally.commands} commands, ${tally.refused} refused — all typed`,
  );
}, 240_000);
