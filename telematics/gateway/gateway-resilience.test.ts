/**
 * The server going away and coming back, a wrong token, and stopping: the gateway backs off,
 * says so once, and picks up where the server's state says it should. No timings asserted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Op } from '../protocol/constants';
import { createGateway, type Gateway } from './gateway';
import { createHttpServerLink } from './http-server-link';
import type { LogEntry } from './log';
import {
  type ContractServer,
  startContractServer,
  TEST_STATION,
  TEST_TOKEN,
} from './testing/contract-server';
import { makeFleet, makeTrips, type RadioRig, register, startRadio, until } from './testing/fleet';

describe('gateway when the server fails', () => {
  const { clock, cars } = makeFleet(1);
  const [car] = cars;
  let server: ContractServer;
  let radio: RadioRig;
  let gateway: Gateway | undefined;
  const lines: LogEntry[] = [];
  const events = (name: string) => lines.filter((l) => l.event === name);

  beforeAll(async () => {
    server = await startContractServer({ now: clock.now });
    register(server.state, cars);
    radio = await startRadio(cars);
  });
  afterAll(async () => {
    await gateway?.stop();
    await radio?.stop();
    await server?.stop();
  });

  const startGateway = (token = TEST_TOKEN, stationId = TEST_STATION) => {
    const started = createGateway({
      stationId,
      server: createHttpServerLink({ serverUrl: server.url, token }),
      link: radio.link,
      logSyncIntervalMs: 200,
      pullWaitMs: 1_000,
      backoff: { minMs: 20, maxMs: 200 },
      logger: (entry) => lines.push(entry),
    });
    started.start();
    return started;
  };

  it('starts while the server is down, backs off, and works once it is up', async () => {
    if (!car) throw new Error('fleet');
    await server.stop();
    makeTrips(car, 2, clock);
    gateway = startGateway();
    await until('a few failed calls', () => (gateway?.stats().serverFailures ?? 0) >= 6);
    await server.restart();
    const report = await server.state.command(car.boxId, Op.UNLOCK).done;
    expect(report.status).toBe('OK');
    await until('the log synced', () => server.state.cursor(car.boxId) === car.store.log.length + 1);
    await until('recovery logged', () => events('server reachable again').length > 0);
    // Said once each, however many calls failed in between.
    expect(events('server unavailable')).toHaveLength(1);
    expect(events('server reachable again')).toHaveLength(1);
    console.log(`server down at start: ${JSON.stringify(events('server reachable again')[0])}`);
  });

  it('rides out a server restart mid-run: jobs and log sync carry on afterwards', async () => {
    if (!car || !gateway) throw new Error('setup');
    const failuresBefore = gateway.stats().serverFailures;
    await server.stop();
    makeTrips(car, 3, clock);
    await until('the gateway noticed', () => (gateway?.stats().serverFailures ?? 0) > failuresBefore + 2);
    await server.restart();
    expect((await server.state.command(car.boxId, Op.LOCK).done).status).toBe('OK');
    await until('the log synced', () => server.state.cursor(car.boxId) === car.store.log.length + 1);
    expect(server.state.uploads.duplicates).toBe(0);
    // Once for this outage; a second time at most, when a call one loop began before the restart
    // fails after the other loop already found the server back.
    const outageLines = events('server unavailable').length - 1;
    expect(outageLines).toBeGreaterThanOrEqual(1);
    expect(outageLines).toBeLessThanOrEqual(2);
  });

  it('stops gracefully in the middle of a long-poll', async () => {
    if (!gateway) throw new Error('setup');
    const started = performance.now();
    await gateway.stop();
    gateway = undefined;
    console.log(`stop() during a long-poll took ${(performance.now() - started).toFixed(0)} ms`);
    expect(lines.at(-1)).toMatchObject({ event: 'gateway stopped' });
    if (car) expect(radio.double.isConnected(car.address)).toBe(false);
  });

  it('keeps retrying with a refused token, and says why once', async () => {
    lines.length = 0;
    const refused = startGateway('not-the-token');
    await until('some refusals', () => refused.stats().serverFailures >= 4);
    await refused.stop();
    expect(events('server unavailable')).toHaveLength(1);
    expect(String(events('server unavailable')[0]?.error)).toMatch(/^UNAUTHORIZED/);
  });

  it('does nothing for a station it was not set up for, and says so once', async () => {
    lines.length = 0;
    const callsBefore = server.calls();
    const misplaced = startGateway(TEST_TOKEN, 'grimma-markt');
    await until('the mismatch reported', () => events('station mismatch').length > 0);
    await until('a few more tries', () => server.calls() >= callsBefore + 3);
    await misplaced.stop();
    expect(events('station mismatch')).toHaveLength(1);
    expect(events('station')).toHaveLength(0);
    expect(misplaced.stats().log.rounds).toBe(0);
  });
});
