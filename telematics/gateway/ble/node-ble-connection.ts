import type NodeBle from 'node-ble';
import { encodeLogRequest } from '../../protocol/log-paging';
import { delay, SerialQueue, withTimeout } from './async-util';
import { type BoxConnection, BoxLinkError, type LogBatch } from './box-link';
import { Inbox } from './inbox';
import { dbusErrorName, release } from './node-ble-loose';
import { isLogEnd, PMK1_CHARACTERISTICS, PMK1_SERVICE, type Pmk1Characteristic } from './pmk1-gatt';

export interface ConnectionSettings {
  connectTimeoutMs: number;
  operationTimeoutMs: number;
  /** Further connect attempts after the first fails (BlueZ often aborts a first LE connect). */
  reconnectAttempts: number;
  reconnectBackoffMs: number;
}

/** Where a connection gets its node-ble Device: the link looks it up, scanning if BlueZ does not know it. */
export type DeviceSource = (address: string) => Promise<NodeBle.Device>;

interface Session {
  device: NodeBle.Device;
  chars: Record<Pmk1Characteristic, NodeBle.GattCharacteristic>;
  state: { dropped: boolean; ending: boolean };
}

export class NodeBleBoxConnection implements BoxConnection {
  /** Links set up and links lost, for the gateway's health report and for tests. */
  readonly stats = { connects: 0, drops: 0 };
  private session: Session | undefined;
  private closed = false;
  private readonly queue = new SerialQueue();
  private readonly responses = new Inbox();
  private readonly logFrames = new Inbox();

  constructor(
    readonly address: string,
    private readonly findDevice: DeviceSource,
    private readonly settings: ConnectionSettings,
    private readonly onClosed: (connection: NodeBleBoxConnection) => void = () => {},
  ) {}

  /** Sets up the link now rather than at the first operation, so a box out of range shows at once. */
  open(): Promise<void> {
    return this.queue.run(async () => {
      await this.ensureSession();
    });
  }

  readInfo(): Promise<Uint8Array> {
    return this.operation('read info', (s) => this.read(s.chars.info, 'read info'));
  }

  readChallenge(): Promise<Uint8Array> {
    return this.operation('read challenge', (s) => this.read(s.chars.challenge, 'read challenge'));
  }

  sendCommand(frame: Uint8Array): Promise<Uint8Array> {
    return this.operation('command', async (s) => {
      const frames = await this.writeAndCollect(
        s.chars.command,
        this.responses,
        frame,
        () => true,
        'command',
      );
      const [response] = frames;
      if (!response) throw new BoxLinkError('TIMEOUT', 'command: no response');
      return response;
    });
  }

  fetchLog(fromSeq: number): Promise<LogBatch> {
    const request = encodeLogRequest({ fromSeq });
    return this.operation('log', async (s) => {
      const frames = await this.writeAndCollect(s.chars.logControl, this.logFrames, request, isLogEnd, 'log');
      const end = frames.pop();
      if (!end) throw new BoxLinkError('TIMEOUT', 'log: no log-end frame');
      return { records: frames, end };
    });
  }

  disconnect(): Promise<void> {
    return this.queue.run(async () => {
      this.closed = true;
      if (this.session) await this.endSession(this.session, { disconnect: true });
      this.onClosed(this);
    });
  }

  private operation<T>(what: string, run: (session: Session) => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      for (let attempt = 0; ; attempt++) {
        if (this.closed) throw new BoxLinkError('CLOSED', `${what}: connection to ${this.address} closed`);
        const session = await this.ensureSession();
        try {
          return await run(session);
        } catch (error) {
          const failure = session.state.dropped
            ? new BoxLinkError('LINK_DROPPED', `${what}: link to ${this.address} dropped`, { cause: error })
            : asLinkError(error, what);
          // After a failure nobody knows what state the link is in: the next operation starts afresh.
          await this.endSession(session, { disconnect: !session.state.dropped });
          // A drop we had not heard of yet: BlueZ refused the call, so nothing reached the box and
          // running it once more on a new link cannot act twice.
          if (attempt === 0 && neverSent(error)) continue;
          throw failure;
        }
      }
    });
  }

  private async read(characteristic: NodeBle.GattCharacteristic, what: string): Promise<Uint8Array> {
    const value = await withTimeout(characteristic.readValue(), this.settings.operationTimeoutMs, what);
    return new Uint8Array(value);
  }

  private async writeAndCollect(
    characteristic: NodeBle.GattCharacteristic,
    inbox: Inbox,
    frame: Uint8Array,
    isLast: (frame: Uint8Array) => boolean,
    what: string,
  ): Promise<Uint8Array[]> {
    const timeout = this.settings.operationTimeoutMs;
    // Armed before writing: the box may notify before BlueZ has passed us the write's reply.
    const collection = inbox.collect(isLast, timeout, what);
    try {
      // With response, never node-ble's default `reliable` write (ble-testing.md, pitfall 4).
      await withTimeout(characteristic.writeValueWithResponse(Buffer.from(frame)), timeout, `${what}: write`);
    } catch (error) {
      collection.cancel();
      throw error;
    }
    return collection.frames;
  }

  private async ensureSession(): Promise<Session> {
    if (this.session && !this.session.state.dropped) return this.session;
    if (this.session) await this.endSession(this.session, { disconnect: false });
    let lastError: unknown;
    for (let attempt = 0; attempt <= this.settings.reconnectAttempts; attempt++) {
      if (attempt > 0) await delay(this.settings.reconnectBackoffMs * attempt);
      try {
        this.session = await this.openSession();
        return this.session;
      } catch (error) {
        lastError = error;
        // Retrying cannot help a box that is not there or is no box.
        if (error instanceof BoxLinkError && (error.code === 'NOT_FOUND' || error.code === 'NOT_A_BOX'))
          break;
      }
    }
    throw asLinkError(lastError, `connect to ${this.address}`);
  }

  private async openSession(): Promise<Session> {
    const { connectTimeoutMs, operationTimeoutMs } = this.settings;
    // A fresh Device object each time: node-ble's connect() adds a listener per call on the old one.
    const device = await this.findDevice(this.address);
    const state = { dropped: false, ending: false };
    const partial: Partial<Session['chars']> = {};
    device.on('disconnect', () => this.onDrop(state));
    try {
      await withTimeout(device.connect(), connectTimeoutMs, 'connect');
      // gatt() waits for ServicesResolved and has no timeout of its own.
      const gatt = await withTimeout(device.gatt(), connectTimeoutMs, 'resolve services');
      const service = await gatt.getPrimaryService(PMK1_SERVICE).catch((cause: unknown) => {
        throw new BoxLinkError('NOT_A_BOX', `${this.address} offers no PMK1 service`, { cause });
      });
      for (const [key, uuid] of Object.entries(PMK1_CHARACTERISTICS) as [Pmk1Characteristic, string][]) {
        partial[key] = await service.getCharacteristic(uuid).catch(() => undefined);
      }
      const chars = complete(partial, this.address);
      chars.response.on('valuechanged', (value: Buffer) => this.responses.push(new Uint8Array(value)));
      chars.logData.on('valuechanged', (value: Buffer) => this.logFrames.push(new Uint8Array(value)));
      await withTimeout(chars.response.startNotifications(), operationTimeoutMs, 'subscribe to responses');
      await withTimeout(chars.logData.startNotifications(), operationTimeoutMs, 'subscribe to log data');
      if (state.dropped)
        throw new BoxLinkError('LINK_DROPPED', `link to ${this.address} dropped while connecting`);
      this.stats.connects += 1;
      return { device, chars, state };
    } catch (error) {
      state.ending = true;
      await this.disconnectQuietly(device, state);
      release(device);
      for (const characteristic of Object.values(partial)) release(characteristic);
      throw error;
    }
  }

  private onDrop(state: Session['state']): void {
    if (state.dropped || state.ending) return;
    state.dropped = true;
    this.stats.drops += 1;
    const error = new BoxLinkError('LINK_DROPPED', `link to ${this.address} dropped`);
    this.responses.fail(error);
    this.logFrames.fail(error);
  }

  private async endSession(session: Session, options: { disconnect: boolean }): Promise<void> {
    session.state.ending = true;
    if (this.session === session) this.session = undefined;
    if (options.disconnect) await this.disconnectQuietly(session.device, session.state);
    release(session.device);
    for (const characteristic of Object.values(session.chars)) release(characteristic);
  }

  private async disconnectQuietly(device: NodeBle.Device, state: Session['state']): Promise<void> {
    if (state.dropped) return;
    // Best effort: the box may be gone already, which is what we want anyway.
    await withTimeout(device.disconnect(), this.settings.operationTimeoutMs, 'disconnect').catch(
      () => undefined,
    );
  }
}

function complete(
  partial: Partial<Session['chars']>,
  address: string,
): Record<Pmk1Characteristic, NodeBle.GattCharacteristic> {
  const { info, challenge, command, response, logControl, logData } = partial;
  if (!info || !challenge || !command || !response || !logControl || !logData) {
    throw new BoxLinkError('NOT_A_BOX', `${address} lacks a PMK1 characteristic`);
  }
  return { info, challenge, command, response, logControl, logData };
}

function asLinkError(error: unknown, what: string): BoxLinkError {
  if (error instanceof BoxLinkError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new BoxLinkError('BLUETOOTH', `${what}: ${message}`, { cause: error });
}

/** BlueZ's answers to a call on a link already gone: the object was removed, or it was not connected. */
const GONE = new Set([
  'org.freedesktop.DBus.Error.UnknownObject',
  // dbus-next (the double) answers a removed object this way.
  'org.freedesktop.DBus.Error.UnknownMethod',
  'org.bluez.Error.NotConnected',
]);

function neverSent(error: unknown): boolean {
  const name = dbusErrorName(error);
  return name !== undefined && GONE.has(name);
}
