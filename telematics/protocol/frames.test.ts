import { describe, expect, it } from 'vitest';
import { fromHex } from './bytes';
import { decodeCertificate, encodeCertificate } from './certificate';
import { decodeChallenge, decodeInfo, encodeChallenge, encodeInfo } from './characteristics';
import { decodeCommand, encodeCommand } from './command';
import { FrameLength } from './constants';
import type { Decoded } from './decoded';
import { decodeFrame } from './frame';
import { decodeLogEnd, decodeLogRequest, encodeLogEnd, encodeLogRequest } from './log-paging';
import { decodeLogRecord, encodeLogRecord } from './log-record';
import { decodeResponse, encodeResponse } from './response';
import { decodeRevocation, encodeRevocation } from './revocation';
import vectors from './test-vectors.json';

type Codec = {
  name: keyof typeof vectors.frames;
  length: number;
  decode: (b: Uint8Array) => Decoded<unknown>;
  // biome-ignore lint/suspicious/noExplicitAny: each codec encodes its own frame type; the table mixes them
  encode: (frame: any) => Uint8Array;
};

const framed: Codec[] = [
  { name: 'certificate', length: 147, decode: decodeCertificate, encode: encodeCertificate },
  { name: 'command', length: 230, decode: decodeCommand, encode: encodeCommand },
  { name: 'response', length: 102, decode: decodeResponse, encode: encodeResponse },
  { name: 'revocation', length: 90, decode: decodeRevocation, encode: encodeRevocation },
  { name: 'logRecord', length: 112, decode: decodeLogRecord, encode: encodeLogRecord },
  { name: 'logRequest', length: 6, decode: decodeLogRequest, encode: encodeLogRequest },
  { name: 'logEnd', length: 6, decode: decodeLogEnd, encode: encodeLogEnd },
];

const bytesOf = (name: keyof typeof vectors.frames) => fromHex(vectors.frames[name].hex);

describe.each(framed)('$name frame', ({ name, length, decode, encode }) => {
  it(`is ${length} bytes and round-trips decode → encode byte for byte`, () => {
    const bytes = bytesOf(name);
    expect(bytes.length).toBe(length);
    const decoded = decode(bytes);
    if (!decoded.ok) throw new Error(decoded.error);
    expect(encode(decoded.frame)).toEqual(bytes);
  });

  it('is MALFORMED by length when one byte short or long', () => {
    const bytes = bytesOf(name);
    expect(decode(bytes.subarray(0, length - 1))).toEqual({ ok: false, error: 'LENGTH' });
    expect(decode(new Uint8Array([...bytes, 0]))).toEqual({ ok: false, error: 'LENGTH' });
    expect(decode(new Uint8Array(0))).toEqual({ ok: false, error: 'LENGTH' });
  });

  it('is MALFORMED by version and by type', () => {
    const wrongVersion = bytesOf(name);
    wrongVersion[0] = 2;
    expect(decode(wrongVersion)).toEqual({ ok: false, error: 'VERSION' });
    const wrongType = bytesOf(name);
    wrongType[1] = 0x09;
    expect(decode(wrongType)).toEqual({ ok: false, error: 'TYPE' });
  });

  it('answers INPUT, not an exception, for something that is not bytes', () => {
    expect(decode('01' as unknown as Uint8Array)).toEqual({ ok: false, error: 'INPUT' });
    expect(decode(undefined as unknown as Uint8Array)).toEqual({ ok: false, error: 'INPUT' });
  });

  it('is recognised by the generic decoder', () => {
    const decoded = decodeFrame(bytesOf(name));
    expect(decoded.ok && decoded.frame.kind).toBe(name);
  });
});

describe('command frame', () => {
  it('is malformed when the certificate inside has the wrong type or version', () => {
    const inner = bytesOf('command');
    inner[20] = 0x04;
    expect(decodeCommand(inner)).toEqual({ ok: false, error: 'TYPE' });
    inner[19] = 0x02;
    expect(decodeCommand(inner)).toEqual({ ok: false, error: 'VERSION' });
  });

  it('copies its fields out of the caller buffer', () => {
    const bytes = Buffer.from(bytesOf('command'));
    const decoded = decodeCommand(bytes);
    bytes.fill(0);
    expect(decoded.ok && decoded.frame.certificate.serial).toBe(42);
  });
});

describe('info payload', () => {
  it('round-trips and carries the firmware as UTF-8', () => {
    const boxId = new Uint8Array(16).fill(7);
    const bytes = encodeInfo({ boxId, version: 1, firmware: 'Prüfstand 1.0' });
    expect(bytes[16]).toBe(1);
    expect(decodeInfo(bytes)).toEqual({ ok: true, frame: { boxId, version: 1, firmware: 'Prüfstand 1.0' } });
  });

  it('reports LENGTH, VERSION and ENCODING', () => {
    const good = bytesOf('info');
    expect(decodeInfo(good.subarray(0, 16))).toMatchObject({ error: 'LENGTH' });
    expect(decodeInfo(new Uint8Array(513))).toMatchObject({ error: 'LENGTH' });
    const v2 = new Uint8Array(good);
    v2[16] = 2;
    expect(decodeInfo(v2)).toMatchObject({ error: 'VERSION' });
    expect(decodeInfo(new Uint8Array([...good.subarray(0, 17), 0xc3, 0x28]))).toMatchObject({
      error: 'ENCODING',
    });
  });
});

describe('challenge payload', () => {
  it('is exactly 24 bytes: nonce, counter, boxTime', () => {
    const nonce = new Uint8Array(16).fill(9);
    const bytes = encodeChallenge({ nonce, counter: 3, boxTime: 0x01020304 });
    expect(bytes.length).toBe(FrameLength.CHALLENGE);
    expect([...bytes.subarray(16)]).toEqual([0, 0, 0, 3, 1, 2, 3, 4]);
    expect(decodeChallenge(bytes)).toEqual({ ok: true, frame: { nonce, counter: 3, boxTime: 0x01020304 } });
    expect(decodeChallenge(bytes.subarray(1))).toEqual({ ok: false, error: 'LENGTH' });
  });
});

describe('encoding', () => {
  it('throws on a field of the wrong size: a caller bug, not radio input', () => {
    const decoded = decodeCertificate(bytesOf('certificate'));
    if (!decoded.ok) throw new Error(decoded.error);
    expect(() => encodeCertificate({ ...decoded.frame, boxId: new Uint8Array(15) })).toThrow(RangeError);
    expect(() => encodeCertificate({ ...decoded.frame, serial: -1 })).toThrow(RangeError);
  });
});
