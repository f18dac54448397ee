import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { bookings, stations, users, vehicles } from '@/db/schema';
import { findCalendarBooking } from '../calendar/queries';
import type { CalendarBooking, Person } from '../calendar/types';
import type { Language } from '../messages/language';
import { invitationMail, passwordResetMail } from './account-mails';
import { approvalDeclined, approvalGranted, approvalPending, approvalRequested } from './approval-mails';
import {
  type Alternative,
  type BookingChange,
  bookingCancelled,
  bookingChanged,
  bookingConfirmation,
  bookingNoShow,
  bookingReminder,
  lateReturnWarning,
} from './booking-mails';
import { damageReported } from './damage-mails';
import { licenceExpiring } from './licence-mails';
import type { MailContext, MailMessage, MailSettings } from './message';
import { signInLocked } from './sign-in-mails';

/** A notice that can never be sent as it stands (unknown kind, bad payload, booking gone): no retry. */
export class UndeliverableNotice extends Error {
  override name = 'UndeliverableNotice';
}

/** One outbox row as the worker claimed it. */
export type OutboxRow = {
  id: string;
  recipientId: string;
  bookingId: string | null;
  kind: string;
  payload: unknown;
  /** The booking as the change left it (notify); null in rows queued before snapshots were kept. */
  snapshot: unknown;
};

// The shape findCalendarBooking gives, after a round trip through jsonb (dates as ISO strings).
const snapshotSchema = z.object({
  id: z.uuid(),
  sequence: z.number().int().nonnegative(),
  status: z.enum(['pending', 'reserved', 'active', 'completed', 'cancelled', 'no_show']),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
  purpose: z.string().nullable(),
  updatedAt: z.coerce.date(),
  vehicle: z.object({ plate: z.string(), make: z.string(), model: z.string() }),
  station: z.object({ name: z.string(), address: z.string(), latitude: z.number(), longitude: z.number() }),
  booker: z.object({ name: z.string(), email: z.string() }),
}) satisfies z.ZodType<CalendarBooking, unknown>;

const actor = z.object({ name: z.string(), reason: z.string().nullish() });
const changeRecord = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(['extended', 'shortened', 'rescheduled']),
    previous: z.object({ startsAt: z.coerce.date(), endsAt: z.coerce.date() }),
  }),
  z.object({ kind: z.literal('vehicle'), previousVehicleId: z.uuid() }),
]);
const cancellation = z.discriminatedUnion('by', [
  z.object({ by: z.literal('booker') }),
  z.object({ by: z.literal('fleet_manager'), name: z.string(), reason: z.string().nullable() }),
]);

// The payload is what notify() stored beside the kind: the Notice without kind and bookingId.
const payloads = {
  confirmation: z.object({}),
  changed: z.object({ change: changeRecord, actor: actor.optional() }),
  cancelled: z.object({ cancellation }),
  reminder: z.object({}),
  no_show: z.object({ graceMinutes: z.number().int().nonnegative() }),
  late_return: z.object({ alternativeVehicleId: z.uuid().nullable() }),
  approval_requested: z.object({ managerId: z.uuid() }),
  approval_pending: z.object({}),
  approval_granted: z.object({}),
  approval_declined: z.object({ name: z.string(), reason: z.string().nullable() }),
  damage_reported: z.object({ managerId: z.uuid(), description: z.string(), drivable: z.boolean() }),
  sign_in_locked: z.object({ failures: z.number().int().positive(), lockedUntil: z.coerce.date() }),
  licence_expiring: z.object({
    person: z.object({ id: z.uuid(), name: z.string(), email: z.string() }),
    validUntil: z.iso.date(),
  }),
  invitation: z.object({
    link: z.url(),
    invitedBy: z.string(),
    municipality: z.object({ name: z.string(), genitive: z.string() }),
    expiresAt: z.coerce.date(),
  }),
  password_reset: z.object({ link: z.url(), expiresAt: z.coerce.date() }),
};

function parsePayload<K extends keyof typeof payloads>(
  kind: K,
  payload: unknown,
): z.infer<(typeof payloads)[K]> {
  const parsed = payloads[kind].safeParse(payload);
  if (!parsed.success) throw new UndeliverableNotice(`payload of ${kind}: ${z.prettifyError(parsed.error)}`);
  return parsed.data as z.infer<(typeof payloads)[K]>;
}

const isKind = (kind: string): kind is keyof typeof payloads => Object.hasOwn(payloads, kind);

async function personOf(db: Db, userId: string): Promise<Person & { language: Language }> {
  const [row] = await db
    .select({ name: users.name, email: users.email, language: users.language })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) throw new UndeliverableNotice(`recipient ${userId} does not exist`);
  return row;
}

/** A car and its home station, as the templates show them. */
async function vehicleAt(db: Db, vehicleId: string) {
  const [row] = await db
    .select({
      vehicle: { plate: vehicles.plate, make: vehicles.make, model: vehicles.model },
      station: {
        name: stations.name,
        address: stations.address,
        latitude: stations.latitude,
        longitude: stations.longitude,
      },
    })
    .from(vehicles)
    .innerJoin(stations, eq(stations.id, vehicles.homeStationId))
    .where(eq(vehicles.id, vehicleId));
  if (!row) throw new UndeliverableNotice(`vehicle ${vehicleId} does not exist`);
  return { vehicle: row.vehicle, station: { ...row.station, address: row.station.address ?? '' } };
}

/** Where the search page opens with the offered car and the booking's window filled in. */
function alternativeBookUrl(appUrl: string, vehicleId: string, booking: CalendarBooking): string {
  const query = new URLSearchParams({
    fahrzeug: vehicleId,
    von: booking.startsAt.toISOString(),
    bis: booking.endsAt.toISOString(),
  });
  return `${appUrl.replace(/\/+$/, '')}/?${query}`;
}

async function changeOf(db: Db, record: z.infer<typeof changeRecord>): Promise<BookingChange> {
  if (record.kind === 'vehicle')
    return { kind: 'vehicle', previous: await vehicleAt(db, record.previousVehicleId) };
  return record;
}

async function alternativeOf(
  db: Db,
  vehicleId: string | null,
  booking: CalendarBooking,
  context: MailContext,
): Promise<Alternative | null> {
  if (!vehicleId) return null;
  return {
    ...(await vehicleAt(db, vehicleId)),
    bookUrl: alternativeBookUrl(context.appUrl, vehicleId, booking),
  };
}

/** Whether the booker works for the municipality that owns the car (a refusal then reads differently). */
async function bookerIsOwner(db: Db, bookingId: string): Promise<boolean> {
  const [row] = await db
    .select({ booker: users.municipalityId, owner: vehicles.ownerMunicipalityId })
    .from(bookings)
    .innerJoin(users, eq(users.id, bookings.userId))
    .innerJoin(vehicles, eq(vehicles.id, bookings.vehicleId))
    .where(eq(bookings.id, bookingId));
  return row !== undefined && row.booker === row.owner;
}

/** The booking a row's mail shows: as its change left it, or (older rows) as it now is. */
async function bookingOf(db: Db, row: OutboxRow & { bookingId: string }): Promise<CalendarBooking> {
  if (row.snapshot !== null && row.snapshot !== undefined) {
    const parsed = snapshotSchema.safeParse(row.snapshot);
    if (!parsed.success)
      throw new UndeliverableNotice(`snapshot of ${row.kind}: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  }
  const found = await findCalendarBooking(db, row.bookingId);
  if (!found) throw new UndeliverableNotice(`booking ${row.bookingId} does not exist`);
  return found;
}

/**
 * The mail of an outbox row, from the booking as the change left it (its times, status, car and
 * SEQUENCE then): a confirmation sent after a cancellation still confirms, with the lower SEQUENCE,
 * and each of two changes tells its own. The recipient comes from users as they now are.
 */
export async function renderNotice(db: Db, row: OutboxRow, settings: MailSettings): Promise<MailMessage> {
  const { kind } = row;
  if (!isKind(kind)) throw new UndeliverableNotice(`unknown notice kind ${kind}`);
  const { language, ...recipient } = await personOf(db, row.recipientId);
  // In the recipient's language as it is now: texts, dates and the calendar file alike.
  const context: MailContext = { ...settings, language };
  if (kind === 'sign_in_locked') return signInLocked(recipient, parsePayload(kind, row.payload), context);
  if (kind === 'invitation') return invitationMail(recipient, parsePayload(kind, row.payload), context);
  if (kind === 'password_reset')
    return passwordResetMail(recipient, parsePayload(kind, row.payload), context);
  if (kind === 'licence_expiring') {
    const { person, validUntil } = parsePayload(kind, row.payload);
    return licenceExpiring(recipient, person, row.recipientId === person.id, validUntil, context);
  }
  const { bookingId } = row;
  if (!bookingId) throw new UndeliverableNotice(`${kind} without a booking`);
  const found = await bookingOf(db, { ...row, bookingId });

  if (kind === 'approval_requested') {
    parsePayload(kind, row.payload);
    return approvalRequested(found, recipient, context);
  }
  if (kind === 'damage_reported')
    return damageReported(found, recipient, parsePayload(kind, row.payload), context);
  // The booker as they are now (a corrected name or address counts), greeted by that name.
  const booking: CalendarBooking = { ...found, booker: recipient };
  switch (kind) {
    case 'confirmation':
      return bookingConfirmation(booking, context);
    case 'changed': {
      const { change, actor } = parsePayload(kind, row.payload);
      const by = actor ? { name: actor.name, reason: actor.reason ?? null } : undefined;
      return bookingChanged(booking, await changeOf(db, change), context, by);
    }
    case 'cancelled':
      return bookingCancelled(booking, parsePayload(kind, row.payload).cancellation, context);
    case 'reminder':
      return bookingReminder(booking, context);
    case 'no_show':
      return bookingNoShow(booking, parsePayload(kind, row.payload).graceMinutes, context);
    case 'late_return': {
      const { alternativeVehicleId } = parsePayload(kind, row.payload);
      return lateReturnWarning(
        booking,
        context,
        await alternativeOf(db, alternativeVehicleId, booking, context),
      );
    }
    case 'approval_pending':
      return approvalPending(booking, context);
    case 'approval_granted':
      return approvalGranted(booking, context);
    case 'approval_declined':
      return approvalDeclined(
        booking,
        parsePayload(kind, row.payload),
        (await bookerIsOwner(db, bookingId)) ? 'own' : 'other',
        context,
      );
  }
}
