import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoxConnection } from './box-link';
import { BOX_A, BOX_B, BOX_QUIET, boxAt, commandFrame, percentile, type Rig, startRig } from './test-rig';

describe('NodeBleBoxLink against the BlueZ double', () => {
  let rig: Rig;
  let a: BoxConnection;

  beforeAll(async () => {
    const started = performance.now();
    rig = await startRig();
    a = await rig.link.connect(BOX_A);
    console.log(`bus + double + node-ble + first connection: ${(performance.now() - started).toFixed(0)} ms`);
  });
  afterAll(async () => {
    await rig?.stop();
  });

  it('discovers the boxes by service UUID or configured address, not the phone nearby', async () => {
    const found = await rig.link.discover({ durationMs: 50 });
    expect(found.map((b) => b.address).sort()).toEqual([BOX_A, BOX_B, BOX_QUIET]);
    expect(found.find((b) => b.address === BOX_B)).toMatchObject({ name: 'PMK1 box 2', rssi: -60 });
    // It stops the scan it started, so connections are not slowed by it.
    expect(rig.double.discovering).toBe(false);
  });

  it('reads info and a fresh challenge each time', async () => {
    const box = boxAt(rig, BOX_A);
    expect(await a.readInfo()).toEqual(box.infos.at(-1));
    const first = await a.readChallenge();
    const second = await a.readChallenge();
    expect(first).toHaveLength(24);
    expect([first, second]).toEqual(box.challenges.slice(-2));
  });

  it('carries a command to the box and its response back, and reports the round trip', async () => {
    const box = boxAt(rig, BOX_A);
    const times: number[] = [];
    for (let i = 0; i < 40; i++) {
      const frame = commandFrame(1 + (i % 3), i);
      const started = performance.now();
      const response = await a.sendCommand(frame);
      times.push(performance.now() - started);
      const last = box.commands.at(-1);
      expect(last?.frame).toEqual(frame);
      expect(response).toEqual(last?.response);
    }
    console.log(
      `write→notify round trip over ${times.length}: p50 ${percentile(times, 50).toFixed(2)} ms, ` +
        `p95 ${percentile(times, 95).toFixed(2)} ms`,
    );
  });

  it('fetches a log batch across many notifications, up to the log-end frame', async () => {
    const box = boxAt(rig, BOX_A);
    const first = await a.fetchLog(1);
    const sent = box.logs.at(-1);
    expect(sent?.request).toEqual(Uint8Array.of(1, 0x06, 0, 0, 0, 1));
    expect([...first.records, first.end]).toEqual(sent?.frames);
    expect(first.records.length).toBeGreaterThan(1);
    expect(first.end[1]).toBe(0x07);

    const nextSeq = new DataView(first.end.buffer, first.end.byteOffset).getUint32(2);
    const second = await a.fetchLog(nextSeq);
    expect([...second.records, second.end]).toEqual(box.logs.at(-1)?.frames);
  });

  it('keeps two boxes apart on parallel connections', async () => {
    const b = await rig.link.connect(BOX_B);
    const [fromA, fromB] = await Promise.all([
      a.sendCommand(commandFrame(1)),
      b.sendCommand(commandFrame(2)),
    ]);
    expect(fromA).toEqual(boxAt(rig, BOX_A).commands.at(-1)?.response);
    expect(fromB).toEqual(boxAt(rig, BOX_B).commands.at(-1)?.response);
    await b.disconnect();
    expect(rig.double.isConnected(BOX_B)).toBe(false);
  });

  it('waits out injected latency, and times out when it is too long', async () => {
    rig.double.setDeviceLatency(BOX_A, 40);
    const started = performance.now();
    await a.readInfo();
    const slow = performance.now() - started;
    console.log(`readInfo with 40 ms latency injected: ${slow.toFixed(1)} ms`);
    expect(slow).toBeGreaterThanOrEqual(35);

    const started2 = performance.now();
    await a.sendCommand(commandFrame(1));
    // One latency step for the write, one for the notification.
    expect(performance.now() - started2).toBeGreaterThanOrEqual(75);

    rig.double.setDeviceLatency(BOX_A, 1_500);
    await expect(a.readChallenge()).rejects.toMatchObject({ code: 'TIMEOUT' });
    rig.double.setDeviceLatency(BOX_A, undefined);
    // The timed-out link was given up; the next operation builds a new one.
    expect(await a.readInfo()).toEqual(boxAt(rig, BOX_A).infos.at(-1));
  });

  it('refuses a device without the PMK1 service', async () => {
    await expect(rig.link.connect('DE:AD:BE:EF:00:01')).rejects.toMatchObject({ code: 'NOT_A_BOX' });
  });
});
