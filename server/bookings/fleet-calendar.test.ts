import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, bookings, notifications } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { callerFor, hoursFromNow, makeMunicipality, makeUser, makeVehicle } from '../test-support';

const database = testDatabaseForFile();
const HOUR = 3_600_000;
const reason = 'Fahrzeug wird für den Winterdienst gebraucht';

async function fleet() {
  const { db } = database;
  const home = await makeMunicipality(db);
  const other = await makeMunicipality(db);
  const car = await makeVehicle(db, home);
  const spare = await makeVehicle(db, home);
  const staff = await makeUser(db, home);
  const booking = await callerFor(db, staff).bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) });
  return {
    db,
    home,
    car,
    spare,
    staff,
    booking,
    manager: callerFor(db, await makeUser(db, home, 'fleet_manager')),
    foreign: callerFor(db, await makeUser(db, other, 'fleet_manager')),
  };
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const notice = (bookingId: string, kind: string) =>
  database.db
    .select({ recipientId: notifications.recipientId, payload: notifications.payload })
    .from(notifications)
    .where(and(eq(notifications.bookingId, bookingId), eq(notifications.kind, kind)));
const auditOf = (objectId: string) =>
  database.db.select().from(auditLog).where(eq(auditLog.objectId, objectId));

describe('the fleet calendar', () => {
  it('shows the week’s bookings of the manager’s cars with who booked them, laid out as the timeline', async () => {
    const w = await fleet();
    const view = await w.manager.fleetCalendar.view({
      municipalityId: w.home.id,
      from: day(new Date()),
      days: 7,
    });
    expect(view.bookings).toEqual([
      expect.objectContaining({
        id: w.booking.id,
        booker: w.staff.name,
        plate: w.car.plate,
        status: 'reserved',
      }),
    ]);
    const row = view.vehicles.find((v) => v.id === w.car.id);
    expect(row?.slots).toEqual([expect.objectContaining({ kind: 'booked', bookingId: w.booking.id })]);
    expect(view.days).toHaveLength(7);
    await expect(
      w.foreign.fleetCalendar.view({ municipalityId: w.home.id, from: day(new Date()), days: 1 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('changes a booking’s end on the booker’s rules; the booker is told who and why, the audit keeps it', async () => {
    const w = await fleet();
    const endsAt = new Date(+w.booking.endsAt + HOUR);
    await w.manager.fleetCalendar.changeEnd({ id: w.booking.id, endsAt, reason });
    const [row] = await w.db.select().from(bookings).where(eq(bookings.id, w.booking.id));
    expect(row?.endsAt).toEqual(endsAt);
    const [told] = await notice(w.booking.id, 'changed');
    expect(told).toMatchObject({ recipientId: w.staff.id, payload: { actor: { reason } } });
    expect(await auditOf(w.booking.id)).toEqual([expect.objectContaining({ action: 'booking.change.end' })]);
    // Past the owner's longest booking: refused at the field, nothing written.
    await expect(
      w.manager.fleetCalendar.changeEnd({ id: w.booking.id, endsAt: new Date(+endsAt + 400 * HOUR), reason }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('moves a booking to another of the manager’s cars, told and audited', async () => {
    const w = await fleet();
    await w.manager.fleetCalendar.move({ id: w.booking.id, vehicleId: w.spare.id, reason });
    const [row] = await w.db.select().from(bookings).where(eq(bookings.id, w.booking.id));
    expect(row?.vehicleId).toBe(w.spare.id);
    const [told] = await notice(w.booking.id, 'changed');
    expect(told).toMatchObject({ recipientId: w.staff.id, payload: { actor: { reason } } });
    expect(await auditOf(w.booking.id)).toEqual([
      expect.objectContaining({ action: 'booking.move', after: { vehicleId: w.spare.id, reason } }),
    ]);
  });

  it('cancels through bookings.managerCancel, which tells the booker the reason', async () => {
    const w = await fleet();
    await w.manager.bookings.managerCancel({ id: w.booking.id, reason });
    const [told] = await notice(w.booking.id, 'cancelled');
    expect(told).toMatchObject({ recipientId: w.staff.id, payload: { cancellation: { reason } } });
  });

  it('is, to another municipality’s manager, a booking that does not exist; nothing is written', async () => {
    const w = await fleet();
    const missing = (await w.foreign.fleetCalendar
      .changeEnd({ id: randomUUID(), endsAt: new Date(), reason })
      .catch((e: unknown) => e)) as Error;
    for (const call of [
      w.foreign.fleetCalendar.changeEnd({
        id: w.booking.id,
        endsAt: new Date(+w.booking.endsAt + HOUR),
        reason,
      }),
      w.foreign.fleetCalendar.move({ id: w.booking.id, vehicleId: w.spare.id, reason }),
    ])
      await expect(call).rejects.toMatchObject({ code: 'NOT_FOUND', message: missing.message });
    const [row] = await w.db.select().from(bookings).where(eq(bookings.id, w.booking.id));
    expect(row).toMatchObject({ vehicleId: w.car.id, endsAt: w.booking.endsAt });
    expect(await auditOf(w.booking.id)).toEqual([]);
  });
});
