/**
 * Relay unlock round trip, split into legs: `npx tsx telematics/gateway/bench.ts [unlocks=50]`.
 * Server queue → gateway → BLE (node-ble over the BlueZ double) → box verify → back, all in one
 * process so one clock (performance.now) times every leg. The server is the in-test contract
 * server (testing/contract-server.ts), not the real one. Figures are printed, never asserted.
 */
import { Op } from '../protocol/constants';
import { createGateway } from './gateway';
import { createHttpServerLink } from './http-server-link';
import { startContractServer, TEST_TOKEN } from './testing/contract-server';
import { makeFleet, register, startRadio } from './testing/fleet';
import { type RadioMarks, radioTimer } from './testing/radio-timing';

const unlocks = Number(process.argv[2] ?? 50);

const timer = radioTimer();
const current: Partial<RadioMarks> = {};
timer.markInto(current);

const { clock, cars } = makeFleet(1);
const [car] = cars;
if (!car) throw new Error('no car');
const server = await startContractServer({ now: clock.now });
register(server.state, cars);
const radio = await startRadio(cars, {}, (c) => timer.timedBox(c.radio));
const gateway = createGateway({
  server: createHttpServerLink({ serverUrl: server.url, token: TEST_TOKEN }),
  link: timer.timedLink(radio.link),
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
  const g = current as RadioMarks;
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
