/**
 * The gateway's view of the boxes in radio range. Frames are opaque bytes here: the gateway only
 * carries them between a box and the server. Production uses node-ble (NodeBleBoxLink); tests run
 * the same node-ble code against the BlueZ double; a demo may put the simulator behind it.
 */
export interface BoxLink {
  /** Scans for a while and lists the boxes seen: the PMK1 service advertised, or a configured address. */
  discover(options?: { durationMs?: number }): Promise<BoxSighting[]>;
  /** Connects to one box. The connection comes back by itself after a drop, at its next operation. */
  connect(address: string): Promise<BoxConnection>;
  /** Disconnects every connection and ends the link's Bluetooth session. */
  close(): Promise<void>;
}

export interface BoxSighting {
  /** MAC address, upper case with colons. */
  address: string;
  name: string | undefined;
  rssi: number | undefined;
}

/**
 * One box, connected. Operations run one at a time in call order: notifications carry no request
 * id, so a response can only be matched to the one command in flight. A failed operation is never
 * repeated here (a command's nonce is spent); the caller decides, and the next call reconnects.
 */
export interface BoxConnection {
  readonly address: string;
  /** info characteristic: boxId[16], version u8, firmware. */
  readInfo(): Promise<Uint8Array>;
  /** challenge characteristic: a fresh nonce with counter and box time; every read makes a new nonce. */
  readChallenge(): Promise<Uint8Array>;
  /** Writes a command or revocation frame (with response) and returns the response frame notified back. */
  sendCommand(frame: Uint8Array): Promise<Uint8Array>;
  /** Asks for the records from `fromSeq` on (at most 32) and collects them up to the log-end frame. */
  fetchLog(fromSeq: number): Promise<LogBatch>;
  disconnect(): Promise<void>;
}

export interface LogBatch {
  /** Log record frames in the order the box sent them. */
  records: Uint8Array[];
  /** The log-end frame; its nextSeq says where the next batch starts. */
  end: Uint8Array;
}

export type BoxLinkErrorCode =
  /** No answer in time: the box is out of range, busy, or the link silently died. */
  | 'TIMEOUT'
  /** The link dropped while an operation was under way. */
  | 'LINK_DROPPED'
  /** The address is not in range (not found while scanning). */
  | 'NOT_FOUND'
  /** Connected, but the device offers no PMK1 service. */
  | 'NOT_A_BOX'
  /** The connection or link was closed by our side. */
  | 'CLOSED'
  /** BlueZ refused an operation (its D-Bus error is the cause). */
  | 'BLUETOOTH';

export class BoxLinkError extends Error {
  constructor(
    readonly code: BoxLinkErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BoxLinkError';
  }
}
