/**
 * The relay flow of key-protocol.md end to end: server queue → gateway over HTTP → node-ble →
 * BlueZ double → reference box, with real certificates, commands and box signatures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Op } from '../protocol/constants';
import { createGateway, type Gateway } from './gateway';
import { createHttpServerLink } from './http-server-link';
import type { LogEntry } from './log';
import { SimulatorBoxLink } from './simulator-link';
import { type ContractServer, startContractServer, TEST_TOKEN } from './testing/contract-server';
import { makeFleet, type RadioRig, register, startRadio, until } from './testing/fleet';

const fast = { minMs: 20, maxMs: 200 };

describe('gateway relay jobs over node-ble and the BlueZ double', () => {
  const { clock, cars } = makeFleet(2);
  const [car1, car2] = cars;
  let server: ContractServer;
  let radio: RadioRig;
  let gateway: Gateway;
  const lines: LogEntry[] = [];

  beforeAll(async () => {
    server = await startContractServer({ now: clock.now });
    register(server.state, cars);
    radio = await startRadio(cars);
    gateway = createGateway({
      server: createHttpServerLink({ serverUrl: server.url, token: TEST_TOKEN }),
      link: radio.link,
      logSyncIntervalMs: 60_000,
      pullWaitMs: 2_000,
      backoff: fast,
      logger: (entry) => lines.push(entry),
    });
    gateway.start();
  });
  afterAll(async () => {
    await gateway?.stop();
    await radio?.stop();
    await server?.stop();
  });

  it('unlocks a car: the box verifies the relay command, the server verifies the box', async () => {
    if (!car1) throw new Error('fleet');
    const job = server.state.command(car1.boxId, Op.UNLOCK);
    const report = await job.done;
    expect(report).toMatchObject({ status: 'OK', progress: ['connecting', 'connected'] });
    expect(report.invalid).toBeUndefined();
    expect(car1.box.car.locked).toBe(false);
    // The gateway is gone from the box afterwards, so a phone could connect.
    expect(radio.double.isConnected(car1.address)).toBe(false);
    // The journal line comes once the server has acknowledged the result.
    const line = () => lines.find((l) => l.event === 'job' && l.jobId === job.id);
    await until('the job line', () => line() !== undefined);
    expect(line()).toMatchObject({ level: 'info', status: 'OK', kind: 'command', delivered: true });
  });

  it('runs ten jobs for two cars at once without spoiling each other’s nonce', async () => {
    if (!car1 || !car2) throw new Error('fleet');
    const jobs = Array.from({ length: 10 }, (_, i) =>
      server.state.command((i % 2 ? car1 : car2).boxId, i % 3 === 0 ? Op.LOCK : Op.UNLOCK),
    );
    const reports = await Promise.all(jobs.map((j) => j.done));
    expect(reports.map((r) => r.status)).toEqual(Array(10).fill('OK'));
  });

  it('delivers a revocation, and the revoked certificate no longer opens the car', async () => {
    if (!car2) throw new Error('fleet');
    // Revoke the serial the server will issue next, then try to use it.
    const { nextSerial } = server.state.authority;
    const revoked = await server.state.revoke(car2.boxId, nextSerial).done;
    expect(revoked.status).toBe('OK');
    const refused = await server.state.command(car2.boxId, Op.UNLOCK).done;
    expect(refused.status).toBe('REVOKED');
  });

  it('reports EXPIRED when the server refuses the challenge of a cancelled job', async () => {
    if (!car1) throw new Error('fleet');
    const delay = radio.double.device(car1.address);
    delay.latencyMs = 30; // time to cancel between pull and challenge
    const job = server.state.command(car1.boxId, Op.UNLOCK);
    server.state.cancel(job.id);
    const report = await job.done;
    delay.latencyMs = undefined;
    expect(report).toMatchObject({ failure: 'EXPIRED' });
  });

  it('reports NOT_IN_RANGE for a car that is not there, and LINK_DROPPED for a link lost mid-command', async () => {
    if (!car1) throw new Error('fleet');
    server.state.addBox({
      boxId: '9e0c2f4a-1b3d-4e5f-8a6b-7c8d9e0f1a2b',
      address: 'C0:FF:EE:99:99:99',
      publicKey: car1.box.publicKey,
    });
    const away = await server.state.command('9e0c2f4a-1b3d-4e5f-8a6b-7c8d9e0f1a2b').done;
    expect(away.failure).toBe('NOT_IN_RANGE');
    server.state.boxes.delete('9e0c2f4a-1b3d-4e5f-8a6b-7c8d9e0f1a2b');

    radio.double.dropAfterNotifications(car1.address, 0);
    const dropped = await server.state.command(car1.boxId, Op.LOCK).done;
    expect(dropped.failure).toBe('LINK_DROPPED');
    // The next job connects afresh.
    expect((await server.state.command(car1.boxId, Op.LOCK).done).status).toBe('OK');
  });

  it('logs one line per job and nothing else while all is well', () => {
    const events = new Set(lines.map((l) => l.event));
    expect(events).toEqual(new Set(['gateway started', 'station', 'job']));
    console.log(`${lines.filter((l) => l.event === 'job').length} jobs → ${lines.length} log lines`);
  });
});

describe('gateway relay jobs over the SimulatorBoxLink', () => {
  it('unlocks and locks a simulated car in-process, as the demo does', async () => {
    const { clock, cars } = makeFleet(1);
    const [car] = cars;
    if (!car) throw new Error('fleet');
    const server = await startContractServer({ now: clock.now });
    register(server.state, cars);
    const gateway = createGateway({
      server: createHttpServerLink({ serverUrl: server.url, token: TEST_TOKEN }),
      link: new SimulatorBoxLink([[car.address, car.box]]),
      pullWaitMs: 2_000,
      backoff: fast,
      logger: () => {},
    });
    gateway.start();
    try {
      expect((await server.state.command(car.boxId, Op.UNLOCK).done).status).toBe('OK');
      expect(car.box.car.locked).toBe(false);
      expect((await server.state.command(car.boxId, Op.LOCK).done).status).toBe('OK');
      expect(car.box.car.locked).toBe(true);
      const reports = await gateway.syncLogs();
      expect(reports).toMatchObject([{ boxId: car.boxId, stored: 2, nextSeq: 3 }]);
    } finally {
      await gateway.stop();
      await server.stop();
    }
  });
});
