/**
 * The authorization matrix: every procedure of `appRouter` (the gateway router included), called
 * by every persona, answers as its row says. A procedure without a row fails here, so none ships
 * without a rule. To add a row, see `rows` in authorization-rows.ts.
 */
import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testDatabaseForFile } from '@/db/test-db';
import { makeWorld, type Persona, personas, type World } from './authorization-fixtures';
import { type Outcome, type Row, rows } from './authorization-rows';
import { type DemoRuntime, setCurrentDemo } from './demo/current';
import { AppError } from './errors';
import { appRouter, createCaller } from './root';
import { stopWakeups } from './telematics/wakeups';

const database = testDatabaseForFile(stopWakeups);

type Answer = { outcome: string; refusal?: { code: string; appCode: string; message: string } };

/** The outcome of one call: `ok`/`hidden`, the AppError code of a refusal, or what else was thrown. */
async function call(w: World, path: string, persona: Persona, row: Row, input: unknown): Promise<Answer> {
  const caller = createCaller(w.contextOf(persona));
  // The caller is a proxy of nested records; the path says where the procedure sits in it.
  const procedure = path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  try {
    const answer = await procedure(input);
    return { outcome: row.shows && !row.shows(answer, w) ? 'hidden' : 'ok' };
  } catch (error) {
    if (!(error instanceof TRPCError)) return { outcome: `threw ${String(error)}` };
    const appCode =
      error.cause instanceof AppError
        ? error.cause.code
        : error.cause instanceof z.ZodError
          ? 'INVALID_INPUT'
          : `${error.code}: ${error.message}`;
    return { outcome: appCode, refusal: { code: error.code, appCode, message: error.message } };
  }
}

const trpcCodeOf = (outcome: Outcome) =>
  outcome === 'ok' || outcome === 'hidden' ? null : new AppError(outcome).trpcCode;

/** Whether some persona reaches the object and another is told NOT_FOUND: that must look like no object. */
const hides = (row: Row) => {
  const outcomes = Object.values(row.expect);
  return (
    outcomes.some((o) => o === 'ok' || o === 'hidden') && outcomes.some((o) => trpcCodeOf(o) === 'NOT_FOUND')
  );
};

const procedures = Object.keys(appRouter._def.procedures).sort();

beforeAll(() => {
  // A demo that simulates no car: enough for the simulator's procedures to reach their access check.
  const noCars: DemoRuntime = {
    stations: 0,
    cars: 0,
    radio: { kind: 'simulator', busPid: undefined },
    car: () => undefined,
    syncCar: async () => {},
    stop: async () => {},
  };
  setCurrentDemo(noCars);
});
afterAll(() => setCurrentDemo(null));

describe('authorization matrix', () => {
  it('has a row for every procedure, and a procedure for every row', () => {
    expect(procedures.length).toBeGreaterThan(0);
    expect(procedures.filter((path) => !(path in rows))).toEqual([]);
    expect(Object.keys(rows).filter((path) => !procedures.includes(path))).toEqual([]);
  });

  it('asks a non-existent id wherever a row hides an object someone may reach', () => {
    const needing = Object.entries(rows).filter(([, row]) => !row.missing && hides(row));
    expect(needing.map(([path]) => path)).toEqual([]);
  });

  it.each(procedures)('%s answers every persona as its row says', async (path) => {
    const row = rows[path];
    if (!row) throw new Error(`${path} has no row in the authorization matrix: add one to \`rows\``);
    const w = await makeWorld(database.db);
    const seen: Partial<Record<Persona, string>> = {};
    for (const persona of personas) {
      const answer = await call(w, path, persona, row, await row.input(w));
      seen[persona] = answer.outcome;
      const expected = row.expect[persona];
      // A refusal carries the tRPC code its AppError maps to (UNAUTHORIZED, FORBIDDEN, NOT_FOUND…).
      if (answer.refusal && answer.outcome === expected)
        expect(answer.refusal.code, `${path} as ${persona}`).toBe(trpcCodeOf(expected));
      if (row.missing && hides(row) && trpcCodeOf(expected) === 'NOT_FOUND' && answer.outcome === expected) {
        const absent = await call(w, path, persona, row, await row.missing(w));
        expect(answer.refusal, `${path} as ${persona}: foreign vs non-existent`).toEqual(absent.refusal);
      }
    }
    expect(seen).toEqual(row.expect);
  });
});

describe('a gateway of another station', () => {
  it("reads a foreign box's log cursor exactly as that of a box the server does not know", async () => {
    const w = await makeWorld(database.db);
    const stranger = createCaller(w.contextOf('gatewayOther'));
    const unknown = randomUUID();
    const { cursors } = await stranger.gateway.logCursor({ boxIds: [w.boxId, unknown] });
    expect(cursors).toEqual([
      { boxId: w.boxId, nextSeq: 1 },
      { boxId: unknown, nextSeq: 1 },
    ]);
    const own = await createCaller(w.contextOf('gatewayOwn')).gateway.logCursor({ boxIds: [w.boxId] });
    expect(own.cursors).toEqual([{ boxId: w.boxId, nextSeq: 42 }]);
  });
});
