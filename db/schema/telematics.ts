import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { bookings } from './bookings';
import { createdAt, id, instant, tstzrange, updatedAt } from './columns';
import { stations, vehicles } from './fleet';

/**
 * Raw bytes, as a Buffer on the way in: pg sends a Buffer as bytea and PGlite takes any
 * Uint8Array. Read back as a plain Uint8Array whichever driver answered (pg gives a Buffer).
 */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});

/** u32 fields of PMK1 (seq, serial, odometer) do not fit an int4; bigint as a JS number is exact for them. */
const u32 = (name: string) => bigint(name, { mode: 'number' });
const U32_MAX = 4_294_967_295;

/** The PMK1 box in a vehicle. Its id is the box's own boxId, so frames and rows name it alike. */
export const boxes = pgTable(
  'boxes',
  {
    id: uuid('id').primaryKey(),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'restrict' }),
    bleAddress: text('ble_address').notNull(),
    publicKey: bytea('public_key').notNull(),
    firmware: text('firmware'),
    provisionedAt: instant('provisioned_at').notNull().defaultNow(),
    /** The newest certificate serial handed out for this box: serials are allocated by raising it. */
    lastSerial: u32('last_serial').notNull().default(0),
    /**
     * The box's current log epoch: raised when the box's signed records prove its log restarted
     * (a wiped box, a simulated one after a crash), so its new seqs do not collide with the old.
     */
    epoch: integer('epoch').notNull().default(0),
    /** The seq after the newest gap-free record stored in the current epoch: what gateways ask for next. */
    nextSeq: u32('next_seq').notNull().default(1),
    /** Set when another box took this one's place in the car: its records and history stay. */
    replacedAt: instant('replaced_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One box in service per car and per radio address; replaced boxes stay for their history.
    uniqueIndex('boxes_vehicle_key').on(t.vehicleId).where(sql`${t.replacedAt} is null`),
    uniqueIndex('boxes_ble_address_key').on(t.bleAddress).where(sql`${t.replacedAt} is null`),
    check('boxes_ble_address_format', sql`${t.bleAddress} ~ '^[0-9A-F]{2}(:[0-9A-F]{2}){5}$'`),
    check('boxes_public_key_length', sql`octet_length(${t.publicKey}) = 32`),
    check('boxes_last_serial_range', sql`${t.lastSerial} between 0 and ${sql.raw(String(U32_MAX))}`),
    check('boxes_next_seq_range', sql`${t.nextSeq} between 1 and ${sql.raw(String(U32_MAX + 1))}`),
    check('boxes_epoch_non_negative', sql`${t.epoch} >= 0`),
  ],
);

/** A station's gateway. Only the SHA-256 of its bearer token is kept; the token is shown once. */
export const gateways = pgTable(
  'gateways',
  {
    id: id(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    tokenHash: bytea('token_hash').notNull(),
    revokedAt: instant('revoked_at'),
    lastSeenAt: instant('last_seen_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('gateways_token_hash_key').on(t.tokenHash),
    uniqueIndex('gateways_station_name_key').on(t.stationId, t.name),
    check('gateways_token_hash_length', sql`octet_length(${t.tokenHash}) = 32`),
    check('gateways_name_not_blank', sql`length(trim(${t.name})) > 0`),
  ],
);

/**
 * A signed record of a box's log, stored once per (box, epoch, seq) and once per frame, exactly as
 * it came off the radio. The decoded columns serve queries; the raw frame is the evidence.
 */
export const boxRecords = pgTable(
  'box_records',
  {
    id: id(),
    boxId: uuid('box_id')
      .notNull()
      .references(() => boxes.id, { onDelete: 'restrict' }),
    /** The box's log epoch the record belongs to (see boxes.epoch); seqs order records within one. */
    epoch: integer('epoch').notNull().default(0),
    seq: u32('seq').notNull(),
    at: instant('at').notNull(),
    event: smallint('event').notNull(),
    /** Null when the record names no booking, or one this server does not know (kept in raw). */
    bookingId: uuid('booking_id').references(() => bookings.id, { onDelete: 'set null' }),
    odometer: u32('odometer').notNull(),
    soc: smallint('soc').notNull(),
    raw: bytea('raw').notNull(),
    gatewayId: uuid('gateway_id').references(() => gateways.id, { onDelete: 'set null' }),
    receivedAt: instant('received_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('box_records_box_epoch_seq_key').on(t.boxId, t.epoch, t.seq),
    // A frame is signed once by one box: the same bytes under another epoch would count twice.
    uniqueIndex('box_records_raw_key').on(t.raw),
    check('box_records_epoch_non_negative', sql`${t.epoch} >= 0`),
    index('box_records_booking_idx').on(t.bookingId),
    check('box_records_seq_range', sql`${t.seq} between 1 and ${sql.raw(String(U32_MAX))}`),
    check('box_records_event_range', sql`${t.event} between 0 and 255`),
    check('box_records_odometer_range', sql`${t.odometer} between 0 and ${sql.raw(String(U32_MAX))}`),
    check('box_records_soc_range', sql`${t.soc} between 0 and 255`),
    check('box_records_raw_length', sql`octet_length(${t.raw}) = 112`),
  ],
);

/**
 * A generation of the fleet CA key. `active` signs for every box that trusts it; `next` is being
 * carried to the boxes during a rotation (and signs for those that confirmed it); `retired` never
 * signs again. Only the public key is here: seeds live in the configuration or DATA_DIR.
 */
export const caKeyState = pgEnum('ca_key_state', ['active', 'next', 'retired']);

export const fleetCaKeys = pgTable(
  'fleet_ca_keys',
  {
    id: id(),
    generation: integer('generation').notNull(),
    publicKey: bytea('public_key').notNull(),
    state: caKeyState('state').notNull(),
    activatedAt: instant('activated_at'),
    retiredAt: instant('retired_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('fleet_ca_keys_generation_key').on(t.generation),
    uniqueIndex('fleet_ca_keys_public_key_key').on(t.publicKey),
    // At most one active and one next key at a time.
    uniqueIndex('fleet_ca_keys_one_per_live_state').on(t.state).where(sql`${t.state} <> 'retired'`),
    check('fleet_ca_keys_generation_positive', sql`${t.generation} >= 1`),
    check('fleet_ca_keys_public_key_length', sql`octet_length(${t.publicKey}) = 32`),
    check('fleet_ca_keys_retired_has_date', sql`(${t.state} = 'retired') = (${t.retiredAt} is not null)`),
  ],
);

export const keyHolder = pgEnum('key_holder', ['relay', 'phone']);

/** Every key certificate the fleet CA signed: what a revocation must name, and the audit of who could open what. */
export const keyCertificates = pgTable(
  'key_certificates',
  {
    id: id(),
    boxId: uuid('box_id')
      .notNull()
      .references(() => boxes.id, { onDelete: 'restrict' }),
    serial: u32('serial').notNull(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'restrict' }),
    holder: keyHolder('holder').notNull(),
    holderPublicKey: bytea('holder_public_key').notNull(),
    rights: smallint('rights').notNull(),
    issuedAt: instant('issued_at').notNull(),
    notBefore: instant('not_before').notNull(),
    notAfter: instant('not_after').notNull(),
    revokedAt: instant('revoked_at'),
    frame: bytea('frame').notNull(),
  },
  (t) => [
    uniqueIndex('key_certificates_box_serial_key').on(t.boxId, t.serial),
    index('key_certificates_booking_idx').on(t.bookingId),
    check('key_certificates_serial_range', sql`${t.serial} between 1 and ${sql.raw(String(U32_MAX))}`),
    check('key_certificates_rights_range', sql`${t.rights} between 1 and 15`),
    check('key_certificates_window', sql`${t.notBefore} < ${t.notAfter}`),
    check('key_certificates_holder_key_length', sql`octet_length(${t.holderPublicKey}) = 32`),
    check('key_certificates_frame_length', sql`octet_length(${t.frame}) = 147`),
  ],
);

export const gatewayJobKind = pgEnum('gateway_job_kind', ['command', 'revocation', 'trust']);
export const gatewayJobState = pgEnum('gateway_job_state', [
  'queued',
  'sent',
  'challenged',
  'done',
  'failed',
]);

/**
 * Work for the gateways of a station: a relay command a person asked for, or a revocation to
 * deliver. `done` means a box-signed response arrived (its status says whether the box obeyed);
 * `failed` means none did, and `failure` says why.
 */
export const gatewayJobs = pgTable(
  'gateway_jobs',
  {
    id: id(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id, { onDelete: 'restrict' }),
    boxId: uuid('box_id')
      .notNull()
      .references(() => boxes.id, { onDelete: 'restrict' }),
    bookingId: uuid('booking_id').references(() => bookings.id, { onDelete: 'restrict' }),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    /** The gateway that took the job, once one has. */
    gatewayId: uuid('gateway_id').references(() => gateways.id, { onDelete: 'set null' }),
    kind: gatewayJobKind('kind').notNull(),
    /** PMK1 op of a command; null for a revocation. */
    op: smallint('op'),
    /** The revocation or trust update frame to write; null for a command (made at the challenge). */
    frame: bytea('frame'),
    /** The fleet CA key a trust update adds to or retires from the box (fleet-ca.ts). */
    caKeyId: uuid('ca_key_id').references(() => fleetCaKeys.id, { onDelete: 'restrict' }),
    /** The certificate a command was signed under, or the one a revocation revokes. */
    certificateId: uuid('certificate_id').references(() => keyCertificates.id, { onDelete: 'restrict' }),
    /** The challenge nonce the command was signed over: the response must echo it. */
    nonce: bytea('nonce'),
    state: gatewayJobState('state').notNull().default('queued'),
    stage: text('stage'),
    failure: text('failure'),
    failureDetail: text('failure_detail'),
    status: smallint('status'),
    response: bytea('response'),
    lockState: smallint('lock_state'),
    odometer: u32('odometer'),
    soc: smallint('soc'),
    boxTime: instant('box_time'),
    availableAt: instant('available_at').notNull().defaultNow(),
    expiresAt: instant('expires_at').notNull(),
    sentAt: instant('sent_at'),
    finishedAt: instant('finished_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('gateway_jobs_station_state_idx').on(t.stationId, t.state, t.createdAt),
    index('gateway_jobs_booking_idx').on(t.bookingId),
    check('gateway_jobs_op_matches_kind', sql`(${t.kind} = 'command') = (${t.op} is not null)`),
    check('gateway_jobs_op_range', sql`${t.op} is null or ${t.op} between 1 and 3`),
    // ::text: a new enum value cannot be used in the transaction that adds it (the migration's).
    check(
      'gateway_jobs_frame_matches_kind',
      sql`case ${t.kind}::text when 'command' then true when 'revocation' then octet_length(${t.frame}) = 90 else octet_length(${t.frame}) = 119 end`,
    ),
    check('gateway_jobs_trust_has_ca_key', sql`(${t.kind}::text = 'trust') = (${t.caKeyId} is not null)`),
    // One trust update on its way per box and key: a pull's sweep and the operator's start may
    // both find it owed at once.
    uniqueIndex('gateway_jobs_one_open_trust_update')
      .on(t.boxId, t.caKeyId)
      // ca_key_id is set exactly on trust updates (check below); kind itself cannot be named here.
      .where(sql`${t.caKeyId} is not null and ${t.state} in ('queued', 'sent', 'challenged')`),
    check('gateway_jobs_failed_has_failure', sql`(${t.state} = 'failed') = (${t.failure} is not null)`),
    check('gateway_jobs_done_has_status', sql`${t.state} <> 'done' or ${t.status} is not null`),
    check('gateway_jobs_status_range', sql`${t.status} is null or ${t.status} between 0 and 255`),
    check('gateway_jobs_stage_known', sql`${t.stage} is null or ${t.stage} in ('connecting', 'connected')`),
    check('gateway_jobs_expiry_after_creation', sql`${t.expiresAt} > ${t.createdAt}`),
  ],
);

/**
 * What happened in a booking, derived from its box records (first unlock … booking ended) and
 * replaced whenever records arrive, so late or reordered records end in the same row.
 */
export const trips = pgTable(
  'trips',
  {
    id: id(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    /** Null for a trip imported from an earlier logbook: no box recorded it. */
    boxId: uuid('box_id').references(() => boxes.id, { onDelete: 'restrict' }),
    startedAt: instant('started_at').notNull(),
    /** Null while no booking-ended record has arrived. */
    endedAt: instant('ended_at'),
    odometerStart: u32('odometer_start').notNull(),
    odometerEnd: u32('odometer_end').notNull(),
    socStart: smallint('soc_start'),
    socEnd: smallint('soc_end'),
    /** Null when no record of the trip has arrived (both ends known only from the box's answers). */
    ignitionSeconds: integer('ignition_seconds'),
    energyKwh: numeric('energy_kwh', { precision: 8, scale: 2, mode: 'number' }),
    chargedKwh: numeric('charged_kwh', { precision: 8, scale: 2, mode: 'number' }),
    /** Fuel used, for a combustion car or a plug-in hybrid's engine; null when not known. */
    fuelLitres: numeric('fuel_litres', { precision: 8, scale: 2, mode: 'number' }),
    derivedAt: instant('derived_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('trips_booking_key').on(t.bookingId),
    index('trips_box_started_idx').on(t.boxId, t.startedAt),
    check('trips_ended_after_start', sql`${t.endedAt} is null or ${t.endedAt} >= ${t.startedAt}`),
    check('trips_odometer_forward', sql`${t.odometerEnd} >= ${t.odometerStart}`),
    check('trips_soc_start_range', sql`${t.socStart} is null or ${t.socStart} between 0 and 100`),
    check('trips_soc_end_range', sql`${t.socEnd} is null or ${t.socEnd} between 0 and 100`),
    check('trips_ignition_non_negative', sql`${t.ignitionSeconds} is null or ${t.ignitionSeconds} >= 0`),
    check('trips_energy_non_negative', sql`${t.energyKwh} is null or ${t.energyKwh} >= 0`),
    check('trips_charged_non_negative', sql`${t.chargedKwh} is null or ${t.chargedKwh} >= 0`),
    check('trips_fuel_non_negative', sql`${t.fuelLitres} is null or ${t.fuelLitres} >= 0`),
  ],
);

/**
 * The ignition-on intervals of a trip: from its box records (replaced with the trip) or from an
 * imported logbook. Driving utilisation clips these, so they are kept, not only their sum.
 */
export const tripIgnitions = pgTable(
  'trip_ignitions',
  {
    id: id(),
    tripId: uuid('trip_id')
      .notNull()
      .references(() => trips.id, { onDelete: 'cascade' }),
    onAt: instant('on_at').notNull(),
    offAt: instant('off_at').notNull(),
    period: tstzrange('period').notNull().generatedAlwaysAs(sql`tstzrange(on_at, off_at, '[)')`),
  },
  (t) => [
    index('trip_ignitions_trip_idx').on(t.tripId),
    check('trip_ignitions_ordered', sql`${t.onAt} <= ${t.offAt}`),
  ],
);
