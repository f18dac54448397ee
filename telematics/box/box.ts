/**
 * The PMK1 box as a reference implementation: what a real box must do, runnable in tests, the
 * simulator and the demo. Time comes only from the injected clock, randomness from an injectable
 * source, persistent state from a BoxStore, so every run can be replayed exactly.
 */
import { randomBytes as cryptoRandomBytes } from 'node:crypto';
import { bytesEqual } from '../protocol/bytes';
import { encodeChallenge, encodeInfo } from '../protocol/characteristics';
import { type Command, NONCE_LENGTH } from '../protocol/command';
import {
  AUTO_LOCK_S,
  FrameType,
  LockState,
  LogEvent,
  Op,
  PROTOCOL_VERSION,
  SOC_UNKNOWN,
  Status,
  type StatusCode,
} from '../protocol/constants';
import { type Ed25519KeyPair, keyPairFromSeed } from '../protocol/ed25519';
import { decodeLogRequest } from '../protocol/log-paging';
import { encodeResponse, signResponse } from '../protocol/response';
import { decodeRevocation, verifyRevocation } from '../protocol/revocation';
import { frameDigest } from '../protocol/trust-anchor';
import { type CarState, parkedCar } from './car-state';
import { checkCommand, type NonceSlot } from './checks';
import type { Clock } from './clock';
import { appendRecord, logPage, newestSeq } from './log-book';
import type { BoxPeripheral } from './peripheral';
import type { BoxStore } from './store';
import { anchorKeys, applyTrustUpdate } from './trust';

export interface BoxOptions {
  store: BoxStore;
  clock: Clock;
  car?: CarState;
  firmware?: string;
  /** Source of nonces; tests pass a deterministic one. */
  randomBytes?: (length: number) => Uint8Array;
}

const REFERENCE_FIRMWARE = 'pmk1-reference 1.0.0';
const U32_MAX = 0xffff_ffff;

export class ReferenceBox implements BoxPeripheral {
  readonly #store: BoxStore;
  readonly #clock: Clock;
  readonly #car: CarState;
  readonly #firmware: string;
  readonly #random: (length: number) => Uint8Array;
  readonly #key: Ed25519KeyPair;
  #nonce: NonceSlot | null = null;
  /** Box time by which a door must have opened after an unlock, or null when none is pending. */
  #autoLockAt: number | null = null;

  constructor(options: BoxOptions) {
    this.#store = options.store;
    this.#clock = options.clock;
    this.#car = options.car ?? parkedCar();
    this.#firmware = options.firmware ?? REFERENCE_FIRMWARE;
    this.#random = options.randomBytes ?? ((n) => new Uint8Array(cryptoRandomBytes(n)));
    this.#key = keyPairFromSeed(this.#store.seed);
    if (anchorKeys(this.#store).length === 0)
      throw new RangeError('the CA public key is not a usable Ed25519 key');
  }

  get boxId(): Uint8Array {
    return new Uint8Array(this.#store.boxId);
  }

  get publicKey(): Uint8Array {
    return new Uint8Array(this.#key.publicKey);
  }

  get car(): Readonly<CarState> {
    return this.#car;
  }

  /** Box time: the clock floored to whole seconds, never below the newest accepted issuedAt. */
  now(): number {
    const reading = Math.floor(this.#clock());
    // A broken clock (NaN) must not poison the window checks; the floor still holds then.
    const clock = Number.isFinite(reading) ? reading : 0;
    return Math.min(U32_MAX, Math.max(0, clock, this.#store.newestIssuedAt));
  }

  readInfo(): Uint8Array {
    this.tick();
    return encodeInfo({ boxId: this.#store.boxId, version: PROTOCOL_VERSION, firmware: this.#firmware });
  }

  readChallenge(): Uint8Array {
    this.tick();
    const now = this.now();
    const nonce = this.#random(NONCE_LENGTH);
    if (nonce.length !== NONCE_LENGTH) throw new RangeError('randomBytes gave a nonce of the wrong length');
    this.#nonce = { value: new Uint8Array(nonce), madeAt: now, used: false };
    return encodeChallenge({ nonce, counter: this.#store.counter, boxTime: now });
  }

  writeCommand(frame: Uint8Array): Uint8Array {
    this.tick();
    const type = frame instanceof Uint8Array && frame[0] === PROTOCOL_VERSION ? frame[1] : undefined;
    if (type === FrameType.REVOCATION) return this.#revoke(frame);
    if (type === FrameType.TRUST_ANCHOR) return this.#updateTrust(frame);
    return this.#command(frame);
  }

  /** A malformed request gets no notification at all: there is no fromSeq to answer to. */
  requestLog(frame: Uint8Array): Uint8Array[] {
    this.tick();
    const request = decodeLogRequest(frame);
    return request.ok ? logPage(this.#store, request.frame.fromSeq) : [];
  }

  /**
   * Applies the auto-lock once its deadline has passed. Every entry point calls it first, so a
   * driver of the box only needs to call it when nothing else happens (a real box has a timer).
   * The record carries the deadline as its time: that is when a real box would have locked.
   */
  tick(): void {
    if (this.#autoLockAt === null || this.now() < this.#autoLockAt) return;
    const at = this.#autoLockAt;
    this.#autoLockAt = null;
    if (this.#car.locked) return;
    this.#car.locked = true;
    this.#log(LogEvent.LOCKED, this.#car.activeBookingId, at);
  }

  // Vehicle bus inputs, from the car (or the simulator).

  doorChanged(open: boolean): void {
    this.tick();
    this.#car.doorOpen = open;
    if (open && !this.#car.locked) this.#autoLockAt = null;
  }

  ignitionChanged(on: boolean): void {
    this.tick();
    if (this.#car.ignitionOn === on) return;
    this.#car.ignitionOn = on;
    if (on) this.#autoLockAt = null;
    this.#log(on ? LogEvent.IGNITION_ON : LogEvent.IGNITION_OFF, this.#car.activeBookingId);
  }

  chargingChanged(on: boolean): void {
    this.tick();
    if (this.#car.charging === on) return;
    this.#car.charging = on;
    this.#log(on ? LogEvent.CHARGING_STARTED : LogEvent.CHARGING_STOPPED, this.#car.activeBookingId);
  }

  readingsChanged(readings: { odometer?: number; soc?: number }): void {
    this.tick();
    const { odometer, soc } = readings;
    if (odometer !== undefined) {
      if (!Number.isInteger(odometer) || odometer < 0 || odometer > U32_MAX) throw new RangeError('odometer');
      this.#car.odometer = odometer;
    }
    if (soc !== undefined) {
      if (!Number.isInteger(soc) || soc < 0 || (soc > 100 && soc !== SOC_UNKNOWN))
        throw new RangeError('soc');
      this.#car.soc = soc;
    }
  }

  /** Every answer names the frame it answers by its digest (erratum 1), refusals too. */
  #revoke(frame: Uint8Array): Uint8Array {
    const echo = { op: Op.NONE, nonce: frameDigest(frame) };
    const decoded = decodeRevocation(frame);
    if (!decoded.ok) return this.#respond(Status.MALFORMED, echo);
    const revocation = decoded.frame;
    if (!anchorKeys(this.#store).some((key) => verifyRevocation(revocation, key)))
      return this.#respond(Status.BAD_CA_SIGNATURE, echo);
    if (!bytesEqual(revocation.boxId, this.#store.boxId)) return this.#respond(Status.WRONG_BOX, echo);
    this.#store.revokedSerials.add(revocation.serial);
    this.#store.newestIssuedAt = Math.max(this.#store.newestIssuedAt, revocation.issuedAt);
    return this.#respond(Status.OK, echo);
  }

  /** Answered like a revocation: op 0 and the frame's digest, whatever the status. */
  #updateTrust(frame: Uint8Array): Uint8Array {
    return this.#respond(applyTrustUpdate(this.#store, frame), { op: Op.NONE, nonce: frameDigest(frame) });
  }

  #command(frame: Uint8Array): Uint8Array {
    const check = checkCommand(frame, {
      boxId: this.#store.boxId,
      caKeys: anchorKeys(this.#store),
      now: this.now(),
      nonce: this.#nonce,
      isRevoked: (serial) => this.#store.revokedSerials.has(serial),
    });
    if (check.command === null) return this.#respond(Status.MALFORMED, null);
    const command = check.command;
    if (check.step >= 6 && this.#nonce !== null) this.#nonce.used = true;
    const status = check.status === Status.OK ? this.#act(command) : check.status;
    if (status !== Status.OK && check.step >= 5) {
      this.#log(LogEvent.COMMAND_REJECTED, command.certificate.bookingId);
    }
    return this.#respond(status, command);
  }

  /** Step 9. Returns OK, or VEHICLE_STATE when the car cannot do it now. */
  #act(command: Command): StatusCode {
    const { bookingId } = command.certificate;
    const now = this.now();
    switch (command.op) {
      case Op.UNLOCK:
        this.#car.locked = false;
        this.#car.activeBookingId = new Uint8Array(bookingId);
        this.#autoLockAt = this.#car.doorOpen || this.#car.ignitionOn ? null : now + AUTO_LOCK_S;
        this.#log(LogEvent.UNLOCKED, bookingId);
        break;
      case Op.LOCK:
        // A car does not lock with a door open, nor with the engine running (key-protocol.md, 0x0A).
        if (this.#car.doorOpen || this.#car.ignitionOn) return Status.VEHICLE_STATE;
        this.#car.locked = true;
        this.#autoLockAt = null;
        this.#log(LogEvent.LOCKED, bookingId);
        break;
      case Op.END_BOOKING:
        // Ending locks the car, so it is refused whenever a lock would be.
        if (this.#car.doorOpen || this.#car.ignitionOn) return Status.VEHICLE_STATE;
        this.#car.locked = true;
        this.#autoLockAt = null;
        this.#log(LogEvent.BOOKING_ENDED, bookingId);
        this.#car.activeBookingId = null;
        break;
      default:
        // checkCommand never passes another op (no right covers it); refusing keeps that true here too.
        return Status.NOT_PERMITTED;
    }
    this.#store.counter = (this.#store.counter + 1) >>> 0;
    this.#store.newestIssuedAt = Math.max(this.#store.newestIssuedAt, command.certificate.issuedAt);
    return Status.OK;
  }

  #log(event: number, bookingId: Uint8Array | null, at = this.now()): void {
    appendRecord(this.#store, this.#key, {
      at,
      event,
      bookingId,
      odometer: this.#car.odometer,
      soc: this.#car.soc,
    });
  }

  /**
   * Every answer is signed. Op and nonce echo a decodable command, or are a revocation's or trust
   * update's op 0 and digest; a malformed command echoes zeros.
   */
  #respond(status: StatusCode, echo: Pick<Command, 'op' | 'nonce'> | null): Uint8Array {
    const response = signResponse(
      {
        status,
        op: echo?.op ?? Op.NONE,
        nonce: echo?.nonce ?? new Uint8Array(NONCE_LENGTH),
        counter: this.#store.counter,
        boxTime: this.now(),
        lockState: this.#car.locked ? LockState.LOCKED : LockState.UNLOCKED,
        odometer: this.#car.odometer,
        soc: this.#car.soc,
        logSeq: newestSeq(this.#store),
      },
      this.#key,
    );
    return encodeResponse(response);
  }
}
