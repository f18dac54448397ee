/**
 * Random interleavings of everything that writes a car's schedule — create, extend, shorten,
 * cancel, unlock, end, approve, blocks (with and without confirmation), block cancellation and
 * weekly series — one at a time and in concurrent batches, on a coarse time grid so that they
 * collide often. After every step the database must still hold the schedule invariant, and every
 * refusal must be a typed one.
 *
 * PROPERTY_RUNS (default 40) and PROPERTY_SEED (default: time-based, printed) tune a run; a failure
 * prints fast-check's seed and path, so `PROPERTY_SEED=<seed>` replays it.
 */
import { TZDate } from '@date-fns/tz';
import { TRPCError } from '@trpc/server';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { testDatabaseForFile } from '@/db/test-db';
import { env } from '../env';
import { AppError } from '../errors';
import { callerFor, makeMunicipality, makeUser, makeVehicle } from '../test-support';
import {
  liveBlocks,
  occupied,
  readState,
  type State,
  violations,
  type World,
} from './interleavings.invariants';
import { defaultPolicy } from './policy';
import { savePolicy } from './policy-queries';
import { MINUTE, overlaps } from './rules';
import { applyTransition } from './transitions';

const runs = Number(process.env.PROPERTY_RUNS ?? 40);
const seed = Number(process.env.PROPERTY_SEED ?? Date.now() % 2 ** 31);
const SLOT = 15 * MINUTE;
/** Single bookings and blocks fall within two days: 192 slots, so collisions are frequent. */
const SLOTS = 192;
const typedCodes = new Set(['BAD_REQUEST', 'CONFLICT', 'PRECONDITION_FAILED', 'FORBIDDEN', 'NOT_FOUND']);

const database = testDatabaseForFile();

// ---- commands -------------------------------------------------------------------------------

type Command =
  | { kind: 'create'; person: number; car: number; slot: number; length: number }
  | { kind: 'extend' | 'shorten'; booking: number; slots: number; owner: boolean }
  | { kind: 'cancel' | 'end'; booking: number; owner: boolean }
  | { kind: 'unlock' | 'approve'; booking: number }
  | { kind: 'block'; car: number; slot: number; length: number; confirm: boolean }
  | { kind: 'cancelBlock'; block: number }
  | {
      kind: 'series';
      person: number;
      car: number;
      day: number;
      startSlot: number;
      length: number;
      weeks: number;
      skipConflicts: boolean;
    };
type Step = { kind: 'one'; command: Command } | { kind: 'batch'; commands: Command[] };

const PEOPLE = 4; // three staff and the fleet manager, who books too
const index = fc.nat({ max: 50 });
/** Five in six: the booker acts on their own booking; otherwise someone else tries. */
const mostly = fc.nat({ max: 5 }).map((n) => n > 0);
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      person: fc.nat({ max: PEOPLE - 1 }),
      car: fc.nat({ max: 2 }),
      slot: fc.nat({ max: SLOTS - 1 }),
      length: fc.integer({ min: 1, max: 16 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('extend' as const, 'shorten' as const),
      booking: index,
      slots: fc.integer({ min: 1, max: 16 }),
      owner: mostly,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('cancel' as const, 'end' as const),
      booking: index,
      owner: mostly,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constantFrom('unlock' as const, 'approve' as const), booking: index }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('block' as const),
      car: fc.nat({ max: 2 }),
      slot: fc.nat({ max: SLOTS - 1 }),
      length: fc.integer({ min: 1, max: 24 }),
      confirm: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancelBlock' as const), block: index }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('series' as const),
      person: fc.nat({ max: PEOPLE - 1 }),
      car: fc.nat({ max: 2 }),
      day: fc.nat({ max: 1 }),
      startSlot: fc.integer({ min: 24, max: 72 }), // 06:00–18:00 local
      length: fc.integer({ min: 2, max: 16 }),
      weeks: fc.integer({ min: 2, max: 3 }),
      skipConflicts: fc.boolean(),
    }),
  },
);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: command.map((c) => ({ kind: 'one' as const, command: c })) },
  {
    weight: 1,
    arbitrary: fc
      .array(command, { minLength: 2, maxLength: 6 })
      .map((commands) => ({ kind: 'batch' as const, commands })),
  },
);
const scenario = fc.record({
  buffers: fc.tuple(...[0, 1, 2].map(() => fc.constantFrom(0, 15, 30))),
  approvalRequired: fc.boolean(),
  steps: fc.array(step, { minLength: 4, maxLength: 14 }),
});

// ---- running a command ----------------------------------------------------------------------

const tally = { runs: 0, steps: 0, commands: 0, refused: 0, batches: 0 };
/** Outcomes by command and answer ("create ok", "block BLOCK_AFFECTS_BOOKINGS"): shows what a run reached. */
const outcomesSeen = new Map<string, number>();
const count = (key: string, n = 1) => outcomesSeen.set(key, (outcomesSeen.get(key) ?? 0) + n);

type Outcome = { ok: true } | { ok: false; error: unknown };

const pick = <T>(items: readonly T[], i: number): T | undefined => items[i % Math.max(items.length, 1)];
const appCodeOf = (error: unknown) =>
  error instanceof TRPCError && error.cause instanceof AppError ? error.cause.code : undefined;
const isTyped = (error: unknown) =>
  (error instanceof TRPCError && typedCodes.has(error.code)) ||
  // unlock is the box's step and has no procedure of its own here: the domain's AppError stands in.
  (error instanceof AppError && typedCodes.has(error.trpcCode));

async function run(world: World, state: State, c: Command): Promise<Outcome> {
  const person = (i: number) => world.people[i % world.people.length] ?? world.manager;
  const car = (i: number) => world.cars[i % world.cars.length] ?? { id: '', buffer: 0 };
  const at = (slot: number) => new Date(world.origin.getTime() + slot * SLOT);
  const booking =
    'booking' in c ? state.bookings.find((b) => b.id === pick(world.bookingIds, c.booking)) : undefined;
  const actorFor = (owner: boolean) => {
    const own = world.people.find((p) => p.id === booking?.userId) ?? world.manager;
    return owner ? own : (world.people.find((p) => p.id !== own.id) ?? own);
  };
  try {
    switch (c.kind) {
      case 'create': {
        const created = await callerFor(world.db, person(c.person)).bookings.create({
          vehicleId: car(c.car).id,
          from: at(c.slot),
          to: at(c.slot + c.length),
        });
        world.bookingIds.push(created.id);
        break;
      }
      case 'extend':
      case 'shorten': {
        if (!booking) return { ok: true };
        const delta = (c.kind === 'extend' ? c.slots : -c.slots) * SLOT;
        await callerFor(world.db, actorFor(c.owner)).bookings.changeEnd({
          id: booking.id,
          endsAt: new Date(booking.end.getTime() + delta),
        });
        break;
      }
      case 'cancel':
      case 'end': {
        if (!booking) return { ok: true };
        await callerFor(world.db, actorFor(c.owner)).bookings[c.kind]({ id: booking.id });
        break;
      }
      case 'unlock':
        if (!booking) return { ok: true };
        await applyTransition(
          world.db,
          booking.id,
          { type: 'unlock' },
          { id: null, role: 'system' },
          new Date(),
        );
        break;
      case 'approve':
        if (!booking) return { ok: true };
        await callerFor(world.db, world.manager).bookings.approve({ id: booking.id });
        break;
      case 'block': {
        const made = await callerFor(world.db, world.manager).blocks.create({
          vehicleId: car(c.car).id,
          from: at(c.slot),
          to: at(c.slot + c.length),
          kind: 'maintenance',
          reason: 'Inspektion (Eigenschaftstest)',
          confirm: c.confirm,
        });
        world.blockIds.push(made.block.id);
        count('block moved a booking', made.moved.length);
        count('block cancelled a booking', made.cancelled.length);
        break;
      }
      case 'cancelBlock': {
        const id = pick(world.blockIds, c.block);
        if (!id) return { ok: true };
        await callerFor(world.db, world.manager).blocks.cancel({ id });
        break;
      }
      case 'series': {
        const day = new TZDate(world.origin.getTime() + c.day * 24 * 60 * MINUTE, env().TIME_ZONE);
        const clock = (slot: number) =>
          `${String(Math.floor(slot / 4)).padStart(2, '0')}:${String((slot % 4) * 15).padStart(2, '0')}`;
        const made = await callerFor(world.db, person(c.person)).bookings.createSeries({
          vehicleId: car(c.car).id,
          firstDay: `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`,
          startTime: clock(c.startSlot),
          endTime: clock(Math.min(c.startSlot + c.length, 95)),
          weeks: c.weeks,
          skipConflicts: c.skipConflicts,
        });
        world.bookingIds.push(...made.bookingIds);
        break;
      }
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * A refusal of a step run alone must leave everything as it was, and a "conflict" must have had a
 * reason in the state before it: the engine never refuses a free slot as taken.
 */
function soloProblems(world: World, c: Command, before: State, after: State, outcome: Outcome): string[] {
  if (outcome.ok) return [];
  const problems: string[] = [];
  if (JSON.stringify(before) !== JSON.stringify(after))
    problems.push(`refused ${c.kind} changed the schedule`);
  if (appCodeOf(outcome.error) !== 'BOOKING_CONFLICT') return problems;
  const at = (slot: number) => new Date(world.origin.getTime() + slot * SLOT);
  const car = (i: number) => world.cars[i % world.cars.length];
  if (c.kind === 'create') {
    const target = car(c.car);
    if (
      target &&
      !occupied(before, target.id, { start: at(c.slot), end: at(c.slot + c.length) }, target.buffer)
    )
      problems.push(`create refused as a conflict though the slot was free: ${JSON.stringify(c)}`);
  }
  if (c.kind === 'extend') {
    const booking = before.bookings.find((b) => b.id === pick(world.bookingIds, c.booking));
    const end = booking && new Date(booking.end.getTime() + c.slots * SLOT);
    if (
      booking &&
      end &&
      !occupied(before, booking.vehicleId, { start: booking.start, end }, booking.bufferMinutes, booking.id)
    )
      problems.push(`extend refused as a conflict though the time was free: ${JSON.stringify(c)}`);
  }
  if (c.kind === 'block') {
    const target = car(c.car);
    const window = { start: at(c.slot), end: at(c.slot + c.length) };
    if (target && !liveBlocks(before).some((b) => b.vehicleId === target.id && overlaps(b, window)))
      problems.push(`block refused as a conflict though no other block was there: ${JSON.stringify(c)}`);
  }
  return problems;
}

async function makeWorld(db: Db, buffers: number[], approvalRequired: boolean): Promise<World> {
  const home = await makeMunicipality(db);
  const manager = await makeUser(db, home, 'fleet_manager');
  const staff = await Promise.all([0, 1, 2].map(() => makeUser(db, home)));
  // Enough room per person that the fairness limit does not hide the collisions under test.
  await savePolicy(
    db,
    home.id,
    { ...defaultPolicy, maxFutureBookingsPerPerson: 40, approvalRequired },
    manager.id,
  );
  const cars = [];
  for (const buffer of buffers)
    cars.push({ id: (await makeVehicle(db, home, { turnaroundBufferMinutes: buffer })).id, buffer });
  const zone = env().TIME_ZONE;
  const today = new TZDate(Date.now(), zone);
  return {
    db,
    people: [...staff, manager],
    manager,
    cars,
    origin: new TZDate(today.getFullYear(), today.getMonth(), today.getDate() + 1, zone),
    bookingIds: [],
    blockIds: [],
  };
}

it('no interleaving of schedule writes breaks the no-overlap invariant, and every refusal is typed', async () => {
  console.info(`interleavings: engine ${database.engine}, ${runs} runs, seed ${seed}`);
  await fc.assert(
    fc.asyncProperty(scenario, async ({ buffers, approvalRequired, steps }) => {
      const world = await makeWorld(database.db, buffers, approvalRequired);
      tally.runs++;
      let state = await readState(world);
      for (const s of steps) {
        const commands = s.kind === 'one' ? [s.command] : s.commands;
        // A batch runs at once: on PostgreSQL each write takes its own pool connection.
        const outcomes = await Promise.all(commands.map((c) => run(world, state, c)));
        const after = await readState(world);
        const problems = violations(world, after);
        for (const [i, outcome] of outcomes.entries()) {
          const kind = commands[i]?.kind;
          count(`${kind} ${outcome.ok ? 'ok' : (appCodeOf(outcome.error) ?? codeOf(outcome.error))}`);
          if (outcome.ok) continue;
          tally.refused++;
          if (!isTyped(outcome.error))
            problems.push(`${kind} failed untyped: ${String(outcome.error)} ${describeCause(outcome.error)}`);
        }
        const [only, outcome] = [commands[0], outcomes[0]];
        if (s.kind === 'one' && only && outcome)
          problems.push(...soloProblems(world, only, state, after, outcome));
        tally.steps++;
        tally.commands += commands.length;
        if (s.kind === 'batch') tally.batches++;
        expect(problems, `after ${JSON.stringify(s)}`).toEqual([]);
        state = after;
      }
    }),
    { numRuns: runs, seed, endOnFailure: !!process.env.CI },
  );
  const seen = [...outcomesSeen].sort().map(([key, n]) => `${key}: ${n}`);
  console.info(`interleavings: outcomes — ${seen.join(', ')}`);
  console.info(
    `interleavings: ${tally.runs} runs, ${tally.steps} steps (${tally.batches} concurrent batches), ${tally.commands} commands, ${tally.refused} refused — all typed`,
  );
}, 240_000);

const codeOf = (error: unknown) =>
  error instanceof AppError ? error.code : error instanceof TRPCError ? error.code : 'untyped';

function describeCause(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  return cause instanceof Error ? `(cause: ${cause.message})` : '';
}
