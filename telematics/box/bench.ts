/**
 * How long the box takes to judge a command, against a bare Ed25519 verify measured in the same
 * run, so the figures compare across machines. Run: npx tsx telematics/box/bench.ts [commands]
 * Printed only; no test asserts timings.
 */
import { encodeCommand, encodeCommandBody, signCommand } from '../protocol/command';
import { Op } from '../protocol/constants';
import { ed25519Verify, publicKeyFromRaw } from '../protocol/ed25519';
import { benchBox, benchKeys } from './testing';

export interface BenchFigure {
  name: string;
  opsPerSecond: number;
  microsPerOp: number;
  /** Time per op over the baseline's time per op. */
  ratio: number;
}

/** Times `run` once per iteration, with `prepare` (untimed) before each. */
function measure<T>(iterations: number, prepare: (i: number) => T, run: (input: T) => unknown): number {
  let total = 0n;
  for (let i = 0; i < iterations; i++) {
    const input = prepare(i);
    const start = process.hrtime.bigint();
    run(input);
    total += process.hrtime.bigint() - start;
  }
  return Number(total) / 1000 / iterations;
}

export function benchBoxVerify(commands = 2000): BenchFigure[] {
  const bench = benchBox();
  const certificate = bench.certificate();
  const sign = (op: number, nonce: Uint8Array) =>
    encodeCommand(signCommand({ op, nonce, certificate }, benchKeys.holder));
  const body = encodeCommandBody({ op: Op.UNLOCK, nonce: new Uint8Array(16), certificate });
  const signature = signCommand(
    { op: Op.UNLOCK, nonce: new Uint8Array(16), certificate },
    benchKeys.holder,
  ).holderSig;
  const holderKey = publicKeyFromRaw(benchKeys.holder.publicKey);
  if (holderKey === null) throw new Error('holder key did not load');

  // Warm up so the first measured figures are not JIT and key-cache start-up.
  for (let i = 0; i < 200; i++) ed25519Verify(holderKey, body, signature);

  const baseline = measure(
    commands,
    () => body,
    (message) => ed25519Verify(holderKey, message, signature),
  );
  const rawKey = measure(
    commands,
    () => body,
    (message) => ed25519Verify(benchKeys.holder.publicKey, message, signature),
  );
  const accepted = measure(
    commands,
    (i) => sign(i % 2 === 0 ? Op.UNLOCK : Op.LOCK, bench.challengeNonce()),
    (frame) => bench.box.writeCommand(frame),
  );
  const forged = bench.commandFrame(Op.UNLOCK, { issuer: benchKeys.stranger });
  const refusedAtCa = measure(
    commands,
    () => forged,
    (frame) => bench.box.writeCommand(frame),
  );
  const malformed = measure(
    commands,
    () => forged.subarray(0, 229),
    (frame) => bench.box.writeCommand(frame),
  );

  const figure = (name: string, micros: number): BenchFigure => ({
    name,
    opsPerSecond: 1e6 / micros,
    microsPerOp: micros,
    ratio: micros / baseline,
  });
  return [
    figure('baseline: one Ed25519 verify, key loaded', baseline),
    figure('Ed25519 verify from a raw 32-byte key', rawKey),
    figure('box: accepted command (OK)', accepted),
    figure('box: refused at step 2 (forged CA signature)', refusedAtCa),
    figure('box: refused at step 1 (MALFORMED)', malformed),
  ];
}

function main() {
  const commands = Number(process.argv[2] ?? 2000);
  const figures = benchBoxVerify(commands);
  const width = Math.max(...figures.map((f) => f.name.length));
  console.log(`${'case'.padEnd(width)}  ${'ops/s'.padStart(9)}  ${'µs/op'.padStart(8)}  ×baseline`);
  for (const f of figures) {
    console.log(
      `${f.name.padEnd(width)}  ${f.opsPerSecond.toFixed(0).padStart(9)}  ${f.microsPerOp.toFixed(1).padStart(8)}  ${f.ratio.toFixed(2).padStart(9)}`,
    );
  }
  console.log(`\n${commands} commands per case; node ${process.version}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
