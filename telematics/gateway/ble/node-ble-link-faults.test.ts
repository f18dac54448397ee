import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeBleBoxConnection } from './node-ble-connection';
import { BOX_A, BOX_B, BOX_QUIET, boxAt, commandFrame, type Rig, startRig } from './test-rig';

/** The link dropping, the box leaving, BlueZ refusing: what a car park does to a gateway. */
describe('NodeBleBoxLink when the radio misbehaves', () => {
  let rig: Rig;

  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.stop();
  });

  async function connect(address: string): Promise<NodeBleBoxConnection> {
    // connect() returns the interface; the stats are on the node-ble implementation.
    return (await rig.link.connect(address)) as NodeBleBoxConnection;
  }

  it('fails a log fetch cut off mid-stream, then reconnects and fetches it whole', async () => {
    const conn = await connect(BOX_A);
    const box = boxAt(rig, BOX_A);
    rig.double.dropAfterNotifications(BOX_A, 5);
    await expect(conn.fetchLog(1)).rejects.toMatchObject({ code: 'LINK_DROPPED' });
    expect(rig.double.isConnected(BOX_A)).toBe(false);

    const batch = await conn.fetchLog(1);
    expect([...batch.records, batch.end]).toEqual(box.logs.at(-1)?.frames);
    expect(conn.stats).toEqual({ connects: 2, drops: 1 });
    await conn.disconnect();
  });

  it('reconnects by itself when the link dropped between two commands', async () => {
    const conn = await connect(BOX_A);
    const box = boxAt(rig, BOX_A);
    await conn.sendCommand(commandFrame(1));
    rig.double.drop(BOX_A);
    // Old characteristic objects are gone now; a write on them would fail (ble-testing.md, 6).
    for (let i = 0; i < 3; i++) {
      const response = await conn.sendCommand(commandFrame(2, i));
      // Exactly the answer to this command: no listener left over from the first link answers twice.
      expect(response).toEqual(box.commands.at(-1)?.response);
    }
    expect(conn.stats).toEqual({ connects: 2, drops: 1 });

    // node-ble adds a signal listener per connect() and startNotifications(); ours are released.
    // dbus-next never removed a match rule: the daemon's 512 per connection were reached in minutes.
    const listeners = rig.link.signalListeners();
    const rules = await rig.link.matchRules();
    for (let i = 0; i < 10; i++) {
      rig.double.drop(BOX_A);
      await conn.sendCommand(commandFrame(3, i));
    }
    expect(rig.link.signalListeners()).toBe(listeners);
    expect(await rig.link.matchRules()).toBe(rules);
    await conn.disconnect();
  });

  it('reports a drop while a command waits for its response, and does not resend it', async () => {
    const conn = await connect(BOX_B);
    const box = boxAt(rig, BOX_B);
    const before = box.commands.length;
    rig.double.dropAfterNotifications(BOX_B, 0);
    await expect(conn.sendCommand(commandFrame(1))).rejects.toMatchObject({ code: 'LINK_DROPPED' });
    // The box did act: the gateway must not replay the command, the server decides what next.
    expect(box.commands.length).toBe(before + 1);
    expect(await conn.readInfo()).toEqual(box.infos.at(-1));
    expect(box.commands.length).toBe(before + 1);
    await conn.disconnect();
  });

  it('retries a connect that BlueZ aborts', async () => {
    rig.double.failNextConnects(BOX_B, 2);
    const conn = await connect(BOX_B);
    expect(await conn.readInfo()).toEqual(boxAt(rig, BOX_B).infos.at(-1));
    await conn.disconnect();
  });

  it('gives up when BlueZ keeps aborting the connect', async () => {
    rig.double.failNextConnects(BOX_B, 10);
    await expect(rig.link.connect(BOX_B)).rejects.toMatchObject({ code: 'BLUETOOTH' });
    rig.double.failNextConnects(BOX_B, 0);
  });

  it('fails cleanly when a connected box drives away, and cannot find it again', async () => {
    const conn = await connect(BOX_QUIET);
    await conn.readChallenge();
    rig.double.removeDevice(BOX_QUIET);
    const started = performance.now();
    // Whether or not the gateway has seen the drop yet, it looks for the box again and gives up.
    await expect(conn.readChallenge()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(rig.link.connect(BOX_QUIET)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    console.log(`two lookups of a vanished box gave up after ${(performance.now() - started).toFixed(0)} ms`);
    expect((await rig.link.discover({ durationMs: 20 })).map((b) => b.address)).not.toContain(BOX_QUIET);
    // And the scan it needed for the lookups is over again.
    expect(rig.double.discovering).toBe(false);
  });

  it('finds a box that comes into range while it scans for it', async () => {
    const address = 'C0:FF:EE:00:00:09';
    const pending = rig.link.connect(address);
    setTimeout(
      () => rig.double.addDevice({ address, name: 'late box', peripheral: boxAt(rig, BOX_A).inner }),
      100,
    );
    const conn = await pending;
    expect(await conn.readInfo()).toHaveLength(boxAt(rig, BOX_A).inner.readInfo().length);
    await conn.disconnect();
  });

  it('refuses operations on a connection closed by the gateway', async () => {
    const conn = await connect(BOX_A);
    await conn.disconnect();
    expect(rig.double.isConnected(BOX_A)).toBe(false);
    await expect(conn.readInfo()).rejects.toMatchObject({ code: 'CLOSED' });
  });
});
