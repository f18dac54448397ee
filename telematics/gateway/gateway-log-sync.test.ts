/**
 * Log sync: every record a box signs reaches the server exactly once, across pages, duplicates,
 * a week offline, dropped links and gateway restarts. The server's cursor is the only memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../protocol/bytes';
import { LOG_PAGE_SIZE } from '../protocol/constants';
import { decodeLogRequest } from '../protocol/log-paging';
import { createGateway, type Gateway } from './gateway';
import { createHttpServerLink } from './http-server-link';
import { type ContractServer, startContractServer, TEST_TOKEN } from './testing/contract-server';
import {
  makeFleet,
  makeTrips,
  type PoolCar,
  type RadioRig,
  register,
  startRadio,
  until,
} from './testing/fleet';

describe('gateway log sync over node-ble and the BlueZ double', () => {
  const { clock, cars } = makeFleet(3);
  let server: ContractServer;
  let radio: RadioRig;
  let gateway: Gateway;

  const car = (i: number): PoolCar => {
    const found = cars[i];
    if (!found) throw new Error(`no car ${i}`);
    return found;
  };
  const startGateway = () => {
    const started = createGateway({
      server: createHttpServerLink({ serverUrl: server.url, token: TEST_TOKEN }),
      link: radio.link,
      logSyncIntervalMs: 60_000,
      pullWaitMs: 2_000,
      backoff: { minMs: 20, maxMs: 200 },
      logger: () => {},
    });
    started.start();
    return started;
  };
  /** Every record the box holds, held by the server under its seq, byte for byte. */
  const serverHoldsAll = (c: PoolCar) => {
    const held = server.state.records.get(c.boxId);
    return c.store.log.every((bytes, i) => held?.get(i + 1) === toHex(bytes));
  };
  const requestedFrom = (c: PoolCar) =>
    c.radio.logs.map((l) => {
      const request = decodeLogRequest(l.request);
      return request.ok ? request.frame.fromSeq : -1;
    });

  beforeAll(async () => {
    makeTrips(car(0), 20, clock); // 80 records: three pages
    server = await startContractServer({ now: clock.now });
    register(server.state, cars);
    radio = await startRadio(cars);
    gateway = startGateway();
  });
  afterAll(async () => {
    await gateway?.stop();
    await radio?.stop();
    await server?.stop();
  });

  it('brings a log of several pages to the server in its first round', async () => {
    expect(car(0).store.log).toHaveLength(80);
    await until('the first round', () => gateway.stats().log.rounds >= 1);
    expect(server.state.cursor(car(0).boxId)).toBe(81);
    expect(serverHoldsAll(car(0))).toBe(true);
    expect(requestedFrom(car(0))).toEqual([1, 1 + LOG_PAGE_SIZE, 1 + 2 * LOG_PAGE_SIZE]);
    expect(server.state.uploads).toMatchObject({ stored: 80, duplicates: 0, rejected: 0 });
  });

  it('counts records the server already had as duplicates, and fills the gap before them', async () => {
    const c = car(1);
    makeTrips(c, 15, clock); // 60 records
    // Another gateway brought seq 21–40 already; 1–20 are missing, so the cursor stays at 1.
    server.state.upload(c.boxId, c.store.log.slice(20, 40).map(toHex));
    expect(server.state.cursor(c.boxId)).toBe(1);
    const before = { ...server.state.uploads };

    const reports = await gateway.syncLogs();
    expect(reports.find((r) => r.boxId === c.boxId)).toMatchObject({
      fromSeq: 1,
      nextSeq: 61,
      fetched: 60,
      stored: 40,
      duplicates: 20,
      rejected: 0,
    });
    expect(server.state.uploads.stored - before.stored).toBe(40);
    expect(server.state.uploads.duplicates - before.duplicates).toBe(20);
    expect(serverHoldsAll(c)).toBe(true);
  });

  it('catches up a week of records after being offline, each stored exactly once', async () => {
    await gateway.stop();
    const c = car(2);
    const week0 = clock.now();
    for (let day = 0; day < 7; day++) {
      makeTrips(c, 12, clock);
      clock.set(week0 + (day + 1) * 86_400);
    }
    const records = c.store.log.length;
    expect(records).toBeGreaterThan(300);
    const before = { ...server.state.uploads };

    const started = performance.now();
    gateway = startGateway();
    await until('the week uploaded', () => server.state.cursor(c.boxId) === records + 1);
    console.log(
      `${records} records over 7 days: caught up in ${(performance.now() - started).toFixed(0)} ms, ` +
        `${c.radio.logs.length} log pages, ${server.state.uploads.calls - before.calls} uploads`,
    );
    expect(serverHoldsAll(c)).toBe(true);
    expect(server.state.uploads.stored - before.stored).toBe(records);
    expect(server.state.uploads.duplicates - before.duplicates).toBe(0);
  });

  it('survives the link dropping mid-page: the page is fetched again, nothing lost or doubled', async () => {
    const c = car(0);
    makeTrips(c, 10, clock); // 40 more
    const before = { ...server.state.uploads };
    radio.double.dropAfterNotifications(c.address, 10);
    const reports = await gateway.syncLogs();
    expect(reports.find((r) => r.boxId === c.boxId)).toMatchObject({ fromSeq: 81, nextSeq: 121, stored: 40 });
    expect(serverHoldsAll(c)).toBe(true);
    expect(server.state.uploads.stored - before.stored).toBe(40);
    // The cut page was asked for twice: once cut off, once whole.
    expect(requestedFrom(c).slice(-3)).toEqual([81, 81, 81 + LOG_PAGE_SIZE]);
  });

  it('resumes from the server’s cursor after a gateway restart, re-reading nothing', async () => {
    const c = car(1);
    await gateway.stop();
    makeTrips(c, 3, clock); // seq 61–72
    const pagesBefore = c.radio.logs.length;
    gateway = startGateway();
    await until('the new records', () => server.state.cursor(c.boxId) === 73);
    expect(requestedFrom(c).slice(pagesBefore)).toEqual([61]);
    expect(serverHoldsAll(c)).toBe(true);
  });

  it('asks the boxes for nothing they already gave when nothing is new', async () => {
    const before = { ...server.state.uploads };
    const reports = await gateway.syncLogs();
    expect(reports.map((r) => r.fetched)).toEqual([0, 0, 0]);
    expect(server.state.uploads.calls).toBe(before.calls);
  });

  it('tells the server about a box whose log ends below the server’s cursor (wiped or replaced)', async () => {
    const c = car(2);
    const held = server.state.records.get(c.boxId) ?? new Map<number, string>();
    server.state.records.set(c.boxId, held);
    // The server holds three records more than the box has: as after the box lost its flash.
    const boxNext = c.store.log.length + 1;
    for (let seq = boxNext; seq < boxNext + 3; seq++) held.set(seq, 'ff');
    const reports = await gateway.syncLogs();
    const report = reports.find((r) => r.boxId === c.boxId);
    expect(report).toMatchObject({ boxBehindServer: true, boxNextSeq: boxNext, nextSeq: boxNext + 3 });
    expect(server.state.resets).toContainEqual({ boxId: c.boxId, nextSeq: boxNext });
    // It read the box again from seq 1 and offered all of it, for the server to judge.
    const requests = requestedFrom(c);
    const asked = requests.lastIndexOf(boxNext + 3);
    expect(requests.slice(asked, asked + 3)).toEqual([boxNext + 3, 1, 1 + LOG_PAGE_SIZE]);
    expect(report?.fetched).toBe(boxNext - 1);
    // The other boxes were not reported.
    expect(server.state.resets.every((r) => r.boxId === c.boxId)).toBe(true);
  });
});
