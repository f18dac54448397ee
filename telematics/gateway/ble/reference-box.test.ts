/**
 * helper-1's reference box behind the BlueZ double, driven by the real node-ble BoxLink: the relay
 * unlock of key-protocol.md over the deepest layer we can run without a radio.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BluezDouble } from '../../bluez-double/bluez-double';
import { type PrivateBus, startPrivateBus } from '../../bluez-double/private-bus';
import { benchBox } from '../../box/testing';
import { decodeChallenge } from '../../protocol/characteristics';
import { LogEvent, Op, Status } from '../../protocol/constants';
import { decodeLogEnd } from '../../protocol/log-paging';
import { decodeLogRecord, verifyLogRecord } from '../../protocol/log-record';
import { decodeResponse, verifyResponse } from '../../protocol/response';
import type { BoxConnection } from './box-link';
import { NodeBleBoxLink } from './node-ble-link';

const ADDRESS = 'C0:FF:EE:00:01:01';

describe('relay unlock through node-ble, the BlueZ double and the reference box', () => {
  let bus: PrivateBus;
  let double: BluezDouble;
  let link: NodeBleBoxLink;
  let conn: BoxConnection;
  const bench = benchBox();

  beforeAll(async () => {
    bus = await startPrivateBus();
    double = await BluezDouble.start({ busAddress: bus.address });
    double.addDevice({ address: ADDRESS, name: 'pool car 1', peripheral: bench.box });
    process.env.DBUS_SYSTEM_BUS_ADDRESS = bus.address;
    link = await NodeBleBoxLink.create({
      discoveryMs: 50,
      waitDeviceIntervalMs: 20,
      connectTimeoutMs: 1_500,
    });
    conn = await link.connect(ADDRESS);
  });
  afterAll(async () => {
    await link?.close();
    await double?.stop();
    await bus?.stop();
  });

  it('unlocks with a command signed for the challenge read over the link', async () => {
    const challenge = decodeChallenge(await conn.readChallenge());
    if (!challenge.ok) throw new Error(challenge.error);
    const frame = bench.commandFrame(Op.UNLOCK, { nonce: challenge.frame.nonce });

    const response = decodeResponse(await conn.sendCommand(frame));
    if (!response.ok) throw new Error(response.error);
    expect(response.frame.status).toBe(Status.OK);
    expect(verifyResponse(response.frame, bench.keys.box.publicKey)).toBe(true);
  });

  it('refuses the same command again: its nonce is spent', async () => {
    const challenge = decodeChallenge(await conn.readChallenge());
    if (!challenge.ok) throw new Error(challenge.error);
    const frame = bench.commandFrame(Op.LOCK, { nonce: challenge.frame.nonce });
    await conn.sendCommand(frame);
    const again = decodeResponse(await conn.sendCommand(frame));
    expect(again.ok && again.frame.status).toBe(Status.STALE_NONCE);
  });

  it('fetches the signed log records of what happened, over a dropped link', async () => {
    double.drop(ADDRESS);
    const batch = await conn.fetchLog(1);
    const records = batch.records.map((bytes) => {
      const record = decodeLogRecord(bytes);
      if (!record.ok) throw new Error(record.error);
      expect(verifyLogRecord(record.frame, bench.keys.box.publicKey)).toBe(true);
      return record.frame;
    });
    expect(records.map((r) => r.event)).toEqual([
      LogEvent.UNLOCKED,
      LogEvent.LOCKED,
      LogEvent.COMMAND_REJECTED,
    ]);
    const end = decodeLogEnd(batch.end);
    expect(end.ok && end.frame.nextSeq).toBe(records.length + 1);
  });
});
