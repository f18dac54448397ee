/**
 * Fuzzes every PMK1 decoder and the reference box's command and log characteristics.
 * Usage: npx tsx telematics/fuzz.ts [cases=100000] [seed=1]
 * Deterministic for a given seed. Exits 1 if anything threw or a damaged signed frame was accepted.
 */
import { benchBox } from './box/testing';
import { fromHex } from './protocol/bytes';
import { decodeCertificate, verifyCertificate } from './protocol/certificate';
import { decodeChallenge, decodeInfo } from './protocol/characteristics';
import { decodeCommand, encodeCommand, signCommand, verifyCommand } from './protocol/command';
import { FrameLength, Op, Status, statusName } from './protocol/constants';
import type { Decoded } from './protocol/decoded';
import { decodeFrame } from './protocol/frame';
import { decodeLogEnd, decodeLogRequest } from './protocol/log-paging';
import { decodeLogRecord, verifyLogRecord } from './protocol/log-record';
import { decodeResponse, verifyResponse } from './protocol/response';
import { decodeRevocation, verifyRevocation } from './protocol/revocation';
import vectors from './protocol/test-vectors.json';

/** mulberry32: small, seedable, good enough to pick bytes. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (max: number) => Math.floor(next() * max);
  const bytes = (length: number) => Uint8Array.from({ length }, () => int(256));
  return { int, bytes };
}

type Rng = ReturnType<typeof prng>;

function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[rng.int(items.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

const decoders: [string, (b: Uint8Array) => Decoded<unknown>][] = [
  ['certificate', decodeCertificate],
  ['command', decodeCommand],
  ['response', decodeResponse],
  ['revocation', decodeRevocation],
  ['logRecord', decodeLogRecord],
  ['logRequest', decodeLogRequest],
  ['logEnd', decodeLogEnd],
  ['info', decodeInfo],
  ['challenge', decodeChallenge],
  ['frame', decodeFrame],
];

const ca = fromHex(vectors.keys.ca.publicKey);
const boxKey = fromHex(vectors.keys.box.publicKey);
const accepts = <T>(d: Decoded<T>, verify: (f: T) => boolean) => d.ok && verify(d.frame);
const signed: [string, Uint8Array, (b: Uint8Array) => boolean][] = [
  [
    'certificate',
    fromHex(vectors.frames.certificate.hex),
    (b) => accepts(decodeCertificate(b), (f) => verifyCertificate(f, ca)),
  ],
  [
    'command',
    fromHex(vectors.frames.command.hex),
    (b) => accepts(decodeCommand(b), (f) => verifyCertificate(f.certificate, ca) && verifyCommand(f)),
  ],
  [
    'revocation',
    fromHex(vectors.frames.revocation.hex),
    (b) => accepts(decodeRevocation(b), (f) => verifyRevocation(f, ca)),
  ],
  [
    'response',
    fromHex(vectors.frames.response.hex),
    (b) => accepts(decodeResponse(b), (f) => verifyResponse(f, boxKey)),
  ],
  [
    'logRecord',
    fromHex(vectors.frames.logRecord.hex),
    (b) => accepts(decodeLogRecord(b), (f) => verifyLogRecord(f, boxKey)),
  ],
];

/** Changes 1–8 bytes, sometimes also the length; never returns the input unchanged. */
function mutate(rng: Rng, original: Uint8Array): Uint8Array {
  const lengthChange = rng.int(8) === 0 ? rng.int(7) - 3 : 0;
  const out = new Uint8Array(Math.max(0, original.length + lengthChange));
  out.set(original.subarray(0, out.length));
  for (let n = 1 + rng.int(8); n > 0 && out.length > 0; n--) {
    const at = rng.int(out.length);
    out[at] = (out[at] ?? 0) ^ (1 + rng.int(255));
  }
  const same = out.length === original.length && out.every((b, i) => b === original[i]);
  if (same && out.length > 0) out[0] = (out[0] ?? 0) ^ 0x80;
  return same && out.length === 0 ? new Uint8Array([0]) : out;
}

/** Random bytes, shaped like a frame half of the time so the deeper decode paths run. */
function randomFrame(rng: Rng): Uint8Array {
  const length = rng.int(2) === 0 ? pick(rng, Object.values(FrameLength)) : rng.int(300);
  const bytes = rng.bytes(length);
  if (length > 1 && rng.int(2) === 0) {
    bytes[0] = 1;
    bytes[1] = 1 + rng.int(7);
  }
  return bytes;
}

export function fuzz(cases: number, seed: number) {
  const rng = prng(seed);
  const counts = new Map<string, number>();
  const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const bench = benchBox();
  const certificate = bench.certificate();
  const validCommand = (nonce: Uint8Array) =>
    encodeCommand(signCommand({ op: Op.UNLOCK, nonce, certificate }, bench.keys.holder));

  for (let i = 0; i < cases; i++) {
    const kind = i % 4;
    try {
      if (kind === 0) {
        const bytes = randomFrame(rng);
        for (const [name, decode] of decoders) count(`decode random → ${name}: ${resultName(decode(bytes))}`);
      } else if (kind === 1) {
        const [name, original, accepted] = pick(rng, signed);
        count(accepted(mutate(rng, original)) ? `ACCEPTED mutated ${name}` : `refused mutated ${name}`);
      } else if (kind === 2) {
        // Every 16th box case is a valid command, so a box that refused everything would show.
        const nonce = bench.challengeNonce();
        const valid = validCommand(nonce);
        const control = i % 64 === 2;
        const status = bench.box.writeCommand(control ? valid : mutate(rng, valid))[2] ?? -1;
        if (control) count(`box valid command: ${statusName(status)}`);
        else
          count(
            status === Status.OK ? 'ACCEPTED mutated command by box' : `box mutated: ${statusName(status)}`,
          );
        if (status === Status.OK) bench.send(bench.commandFrame(Op.LOCK));
      } else {
        const frame = rng.int(2) === 0 ? randomFrame(rng) : mutate(rng, new Uint8Array([1, 6, 0, 0, 0, 1]));
        const status = bench.box.writeCommand(frame)[2] ?? -1;
        count(`box random command: ${statusName(status)}`);
        count(`box log request: ${bench.box.requestLog(frame).length} frames back`);
      }
    } catch (error) {
      count(`THREW (case kind ${kind}): ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return counts;
}

const resultName = (d: Decoded<unknown>) => (d.ok ? 'ok' : d.error);

function main() {
  const cases = Number(process.argv[2] ?? 100_000);
  const seed = Number(process.argv[3] ?? 1);
  if (!Number.isInteger(cases) || cases < 1) throw new RangeError('cases must be a positive integer');
  const started = performance.now();
  const counts = fuzz(cases, seed);
  const seconds = (performance.now() - started) / 1000;
  const rows = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [key, n] of rows) console.log(`${key.padEnd(width)}  ${String(n).padStart(8)}`);
  const bad = rows.filter(([key]) => key.startsWith('THREW') || key.startsWith('ACCEPTED'));
  console.log(`\n${cases} cases (seed ${seed}) in ${seconds.toFixed(1)} s; problems: ${bad.length}`);
  process.exitCode = bad.length === 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) main();
