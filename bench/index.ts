/**
 * `npm run bench`: every benchmark and the protocol fuzzer in turn, each in its own process (the
 * embedded database wants its memory back before the next). Figures are printed beside a baseline
 * measured in the same run, never asserted. DATABASE_URL set: the booking figures come from that
 * PostgreSQL server (a scratch database), otherwise from embedded PGlite; so do the relay's.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';

const sections: [string, string[]][] = [
  ['Booking engine: search, create, contention (bench/bookings.ts)', ['bench/bookings.ts']],
  [
    'Reports: the month for all municipalities at 250k, 500k, 1M trips vs bare SQL (bench/reports.ts)',
    ['bench/reports.ts'],
  ],
  [
    'Timeline: a municipality week and station views at 1,000 cars (bench/timeline.ts)',
    ['bench/timeline.ts'],
  ],
  ['Telematics box: verify per command (telematics/box/bench.ts)', ['telematics/box/bench.ts']],
  [
    'Telematics relay: unlock round trip by leg, real app router over HTTP (bench/relay.ts)',
    ['bench/relay.ts'],
  ],
  // The same path with the in-test contract server in the server's place: the baseline for what the
  // server legs above cost in the real procedures and database.
  [
    'Telematics gateway: relay round trip by leg, contract-server baseline (telematics/gateway/bench.ts)',
    ['telematics/gateway/bench.ts'],
  ],
  ['Telematics protocol fuzzing, 100,000 cases (telematics/fuzz.ts)', ['telematics/fuzz.ts', '100000']],
];

const cpus = os.cpus();
console.log(
  `node ${process.version} · ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? '?'}) · ${Math.round(os.totalmem() / 2 ** 30)} GB · ${os.platform()} ${os.release()}`,
);
console.log(
  `database: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite'} · ${new Date().toISOString()}`,
);

let failed = 0;
const started = performance.now();
for (const [title, args] of sections) {
  console.log(`\n=== ${title} ===\n`);
  const from = performance.now();
  // tsx from this package's node_modules, so the script runs the same under npm and by hand; the
  // react-server condition lets it load the server modules marked `server-only`.
  const result = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', ...args], {
    stdio: 'inherit',
  });
  const seconds = ((performance.now() - from) / 1000).toFixed(1);
  if (result.status !== 0) failed++;
  console.log(`\n(${seconds} s${result.status === 0 ? '' : `, exit ${result.status ?? result.signal}`})`);
}
console.log(
  `\nall sections: ${((performance.now() - started) / 1000).toFixed(0)} s${failed ? `, ${failed} failed` : ''}`,
);
process.exitCode = failed ? 1 : 0;
