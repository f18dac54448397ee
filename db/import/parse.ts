import { blockKind, powertrain, role, vehicleStatus } from '../schema';
import {
  decimal,
  instant,
  integer,
  localDate,
  oneOf,
  optionalDecimal,
  optionalInstant,
  optionalInteger,
  optionalLocalDate,
  optionalText,
  text,
} from './fields';
import { importedBookingStatuses } from './formats';
import type { Row } from './read';

/**
 * Each file's rows as records: every cell checked, and what one row alone can tell (order of
 * times, a negative distance). A record exists only for a row without problems.
 */

/** The record a row reader makes of a good row. */
export type Parsed<F extends (row: Row) => unknown> = NonNullable<ReturnType<F>>;

type Defined<T> = { [K in keyof T]: Exclude<T[K], undefined> };

/** Every reader returns undefined only after recording a problem, so a row without any has every value. */
const present = <T extends object>(row: Row, record: T): (Defined<T> & { line: number }) | undefined =>
  row.ok ? { ...(record as Defined<T>), line: row.line } : undefined;

export function vehicleRecord(row: Row) {
  const record = {
    plate: text(row, 'plate'),
    municipality: text(row, 'municipality'),
    station: text(row, 'station'),
    make: text(row, 'make'),
    model: text(row, 'model'),
    powertrain: oneOf(row, 'powertrain', powertrain.enumValues),
    seats: integer(row, 'seats', 1, 9),
    batteryKwh: optionalDecimal(row, 'battery_kwh', 1),
    rangeKm: optionalInteger(row, 'range_km', 1, 10_000),
    turnaroundBufferMinutes: row.cell('buffer_minutes') === '' ? 15 : integer(row, 'buffer_minutes', 0, 240),
    status: row.cell('status') === '' ? 'in_service' : oneOf(row, 'status', vehicleStatus.enumValues),
  };
  if (record.powertrain && record.powertrain !== 'ice' && (!record.batteryKwh || !record.rangeKm))
    row.fail('battery_kwh', 'Ein Elektro- oder Hybridfahrzeug braucht battery_kwh und range_km.');
  return present(row, record);
}

export function costRecord(row: Row) {
  const money = (column: string) => decimal(row, column, 4);
  const record = {
    plate: text(row, 'plate'),
    validFrom: localDate(row, 'valid_from'),
    commissionedOn: localDate(row, 'commissioned_on'),
    retiredOn: optionalLocalDate(row, 'retired_on'),
    leasingMonthly: money('leasing_monthly'),
    insuranceMonthly: money('insurance_monthly'),
    taxMonthly: money('tax_monthly'),
    boxFeeMonthly: money('box_fee_monthly'),
    otherMonthly: money('other_monthly'),
    perKm: money('per_km'),
    perKwh: money('per_kwh'),
    perLitre: money('per_litre'),
  };
  if (record.commissionedOn && record.retiredOn && record.retiredOn <= record.commissionedOn)
    row.fail('retired_on', 'Die Ausmusterung liegt nicht nach der Inbetriebnahme.');
  return present(row, record);
}

export function tariffRecord(row: Row) {
  const record = {
    municipality: text(row, 'municipality'),
    validFrom: localDate(row, 'valid_from'),
    perHour: decimal(row, 'per_hour', 4),
    perKm: decimal(row, 'per_km', 4),
  };
  return present(row, record);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function personRecord(row: Row) {
  const email = text(row, 'email');
  if (email && !EMAIL.test(email)) row.fail('email', `„${email}“ ist keine E-Mail-Adresse.`);
  const record = {
    email: email?.toLowerCase(),
    name: text(row, 'name'),
    municipality: optionalText(row, 'municipality'),
    role: oneOf(row, 'role', role.enumValues),
  };
  if (record.role && (record.role === 'operator') !== (record.municipality === null))
    row.fail(
      'municipality',
      'Betreiber gehören zu keiner Kommune; alle anderen brauchen eine (Kürzel der Kommune).',
    );
  return present(row, record);
}

function period(row: Row, from: string, to: string) {
  const startsAt = instant(row, from);
  const endsAt = instant(row, to);
  if (startsAt && endsAt && endsAt <= startsAt) row.fail(to, `${to} liegt nicht nach ${from}.`);
  return { startsAt, endsAt };
}

export function blockRecord(row: Row) {
  const record = {
    key: text(row, 'key'),
    plate: text(row, 'plate'),
    ...period(row, 'starts_at', 'ends_at'),
    kind: oneOf(row, 'kind', blockKind.enumValues),
    reason: text(row, 'reason'),
  };
  return present(row, record);
}

export function bookingRecord(row: Row) {
  const record = {
    key: text(row, 'key'),
    plate: text(row, 'plate'),
    email: text(row, 'email')?.toLowerCase(),
    ...period(row, 'starts_at', 'ends_at'),
    status: oneOf(row, 'status', importedBookingStatuses),
    cancelledAt: optionalInstant(row, 'cancelled_at'),
    purpose: optionalText(row, 'purpose'),
  };
  if (record.status && (record.status === 'cancelled') !== (record.cancelledAt !== null))
    row.fail('cancelled_at', 'cancelled_at gehört genau zu den stornierten Buchungen (status cancelled).');
  return present(row, record);
}

/** Odometer readings in km with one decimal, kept in tenths of a km as the boxes report them. */
const tenths = (km: number | undefined) => (km === undefined ? undefined : Math.round(km * 10));

export function tripRecord(row: Row) {
  const { startsAt, endsAt } = period(row, 'started_at', 'ended_at');
  const record = {
    booking: text(row, 'booking'),
    startedAt: startsAt,
    endedAt: endsAt,
    odometerStart: tenths(decimal(row, 'odometer_start_km', 1)),
    odometerEnd: tenths(decimal(row, 'odometer_end_km', 1)),
    socStart: optionalInteger(row, 'soc_start', 0, 100),
    socEnd: optionalInteger(row, 'soc_end', 0, 100),
    chargedKwh: optionalDecimal(row, 'charged_kwh', 2),
    fuelLitres: optionalDecimal(row, 'fuel_litres', 2),
  };
  if (
    record.odometerStart !== undefined &&
    record.odometerEnd !== undefined &&
    record.odometerEnd < record.odometerStart
  )
    row.fail(
      'odometer_end_km',
      `Der Kilometerstand am Ende liegt unter dem am Anfang: ${(record.odometerEnd - record.odometerStart) / 10} km.`,
    );
  if ((record.socStart === null) !== (record.socEnd === null))
    row.fail('soc_end', 'soc_start und soc_end stehen beide oder keiner.');
  return present(row, record);
}

export function ignitionRecord(row: Row) {
  const { startsAt, endsAt } = period(row, 'on_at', 'off_at');
  const record = { booking: text(row, 'booking'), onAt: startsAt, offAt: endsAt };
  return present(row, record);
}

/** The second row with a key already used in the file is a problem at that row. */
export function unique<T extends { line: number }>(
  rows: readonly { row: Row; record: T | undefined }[],
  keyOf: (record: T) => string,
  column: string,
  label: string,
): T[] {
  const seen = new Map<string, number>();
  const kept: T[] = [];
  for (const { row, record } of rows) {
    if (!record) continue;
    const key = keyOf(record);
    const first = seen.get(key);
    if (first !== undefined) row.fail(column, `${label} steht schon in Zeile ${first}.`);
    else {
      seen.set(key, record.line);
      kept.push(record);
    }
  }
  return kept;
}
