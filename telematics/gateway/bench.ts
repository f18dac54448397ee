/**
 * Relay unlock round trip, split into legs: `npx tsx telematics/gateway/bench.ts [unlocks=50]`.
 * Server queue → gateway → BLE (node-ble over the BlueZ double) → box verify → back, all in one
 * process so one clock (performance.now) times every leg. The server is the in-test contract
 * server (testing/contract-server.ts), not the real one. Figures are printed, never asserted.
 */
import type { BoxPeripheral } from '../box/peripheral';
import { Op } from '../protocol/constants';
import type { BoxConnection, BoxLink } from './ble/box-link';
import { createGateway } from './gateway';
import { createHttpServerLink } from './http-server-link';
import { startContractServer, TEST_TOKEN } from './testing/contract-server';
import { makeFleet, register, startRadio } from './testing/fleet';

const unlocks = Number(process.argv[2] ?? 50);

interface Marks {
  connectStart: number;
  connectEnd: number;
  readsEnd: number;
  sendStart: number;
  sendEnd: number;
  disconnectStart: number;
  disconnectEnd: number;
  boxMs: number;
}
const current: Partial<Marks> = {};
let boxMs = 0;

/** Times the box's own work on a command: the Ed25519 checks and the signed answer. */
function timedBox(inner: BoxPeripheral): BoxPeripheral {
  return {
    readInfo: () => inner.readInfo(),
    readChallenge: () => inner.readChallenge(),
    requestLog: (frame) => inner.requestLog(frame),
    writeCommand: (frame) => {
      const from = performance.now();
      const response = inner.writeCommand(frame);
      boxMs += performance.now() - from;
      return response;
    },
  };
}

/** Marks the BLE steps of a job as the gateway makes them. */
function timedLink(inner: BoxLink): BoxLink {
  return {
    discover: (o) => inner.discover(o),
    close: () => inner.close(),
    async connect(address) {
      current.connectStart = performance.now();
      const c = await inner.connect(address);
      current.connectEnd = performance.now();
      const connection: BoxConnection = {
        address: c.address,
        readInfo: () => c.readInfo(),
        readChallenge: async () => {
          const challenge = await c.readChallenge();
          current.readsEnd = performance.now();
          return challenge;
        },
        sendCommand: async (frame) => {
          boxMs = 0;
          current.sendStart = performance.now();
          const response = await c.sendCommand(frame);
          current.sendEnd = performance.now();
          current.boxMs = boxMs;
          return response;
        },
        fetchLog: (from) => c.fetchLog(from),
        disconnect: async () => {
          current.disconnectStart = performance.now();
          await c.disconnect();
          current.disconnectEnd = performance.now();
        },
      };
      return connection;
    },
  };
}

const { clock, cars } = makeFleet(1);
const [car] = cars;
if (!car) throw new Error('no car');
const server = await startContractServer({ now: clock.now });
register(server.state, cars);
const radio = await startRadio(cars, {}, (c) => timedBox(c.radio));
const gateway = createGateway({
  server: createHttpServerLink({ serverUrl: server.url, token: TEST_TOKEN }),
  link: timedLink(radio.link),
  logSyncIntervalMs: 3_600_000,
  pullWaitMs: 25_000,
  backoff: { minMs: 50, maxMs: 500 },
  logger: () => {},
});
gateway.start();

const legs = {
  'server queue (enqueue → pull answered)': [] as number[],
  'gateway: pull transit + dispatch': [] as number[],
  'BLE connect': [] as number[],
  'BLE read info + challenge': [] as number[],
  'server challenge (HTTP + signing)': [] as number[],
  'BLE double write→notify (without box)': [] as number[],
  'box verify + sign': [] as number[],
  'BLE disconnect': [] as number[],
  'result (HTTP + server verify)': [] as number[],
  'gateway: the rest': [] as number[],
  total: [] as number[],
};
const push = (leg: keyof typeof legs, ms: number) => legs[leg].push(ms);

// Warm-up: the first connect also resolves node-ble's object tree.
await server.state.command(car.boxId, Op.LOCK).done;
for (let i = 0; i < unlocks; i++) {
  const report = await server.state.command(car.boxId, i % 2 ? Op.LOCK : Op.UNLOCK).done;
  if (report.status !== 'OK') throw new Error(`unlock ${i}: ${JSON.stringify(report)}`);
  const m = report.marks;
  const g = current as Marks;
  if (m.pulled === undefined || m.resulted === undefined || m.challenged === undefined)
    throw new Error('marks');
  const total = m.resulted - m.enqueued;
  const parts: [keyof typeof legs, number][] = [
    ['server queue (enqueue → pull answered)', m.pulled - m.enqueued],
    ['gateway: pull transit + dispatch', g.connectStart - m.pulled],
    ['BLE connect', g.connectEnd - g.connectStart],
    ['BLE read info + challenge', g.readsEnd - g.connectEnd],
    ['server challenge (HTTP + signing)', g.sendStart - g.readsEnd],
    ['BLE double write→notify (without box)', g.sendEnd - g.sendStart - g.boxMs],
    ['box verify + sign', g.boxMs],
    ['BLE disconnect', g.disconnectEnd - g.disconnectStart],
    ['result (HTTP + server verify)', m.resulted - g.disconnectEnd],
  ];
  for (const [leg, ms] of parts) push(leg, ms);
  push('gateway: the rest', total - parts.reduce((sum, [, ms]) => sum + ms, 0));
  push('total', total);
}
await gateway.stop();
await radio.stop();
await server.stop();

const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
};
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const totalSum = sum(legs.total);
console.log(`relay unlock round trip, ${unlocks} commands, one box; server: the in-test contract server`);
console.log('(telematics/gateway/testing), not the real one; BLE: node-ble over the BlueZ double.\n');
console.log(`${'leg'.padEnd(42)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}${'share'.padStart(8)}`);
for (const [leg, values] of Object.entries(legs)) {
  const share = `${((sum(values) / totalSum) * 100).toFixed(1)} %`;
  console.log(
    `${leg.padEnd(42)}${pct(values, 50).toFixed(2).padStart(9)}${pct(values, 95).toFixed(2).padStart(9)}${share.padStart(8)}`,
  );
}
console.log('\nshare = the leg\'s summed time over the summed totals, same run; "the rest" is what the');
console.log('gateway spends between the marked steps (promise hops, progress reports, session bookkeeping).');
