import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookingEvents, bookings, notifications, users } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { callerFor, hoursFromNow, makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { defaultPolicy } from './policy';

const database = testDatabaseForFile();

async function town(policy: Partial<typeof defaultPolicy> = {}) {
  const { db } = database;
  const home = await makeMunicipality(db);
  const manager = await makeUser(db, home, 'fleet_manager');
  await callerFor(db, manager).policies.update({ ...defaultPolicy, ...policy, municipalityId: home.id });
  const car = await makeVehicle(db, home);
  const staff = await makeUser(db, home);
  return { db, home, manager, car, staff, api: callerFor(db, staff), managerApi: callerFor(db, manager) };
}

const noticesOf = (bookingId: string) =>
  database.db.select().from(notifications).where(eq(notifications.bookingId, bookingId));

describe('policy per municipality', () => {
  it('refuses beyond the horizon, naming the rule in German, and writes nothing', async () => {
    const { car, api } = await town({ horizonDays: 60 });
    await expect(
      api.bookings.create({ vehicleId: car.id, ...hoursFromNow(61 * 24, 2) }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'Buchungen sind höchstens 60 Tage im Voraus möglich.',
    });
    expect(await api.bookings.mine()).toEqual([]);
  });

  it("keeps a municipality's cars for its own staff when it says so", async () => {
    const { db, car } = await town({ othersMayBook: false });
    const stranger = callerFor(db, await makeUser(db, await makeMunicipality(db)));
    await expect(
      stranger.bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('nur von eigenen Mitarbeitenden'),
    });
  });

  it('limits how many open bookings one person holds', async () => {
    const { car, api } = await town({ maxFutureBookingsPerPerson: 2 });
    await api.bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 1) });
    await api.bookings.create({ vehicleId: car.id, ...hoursFromNow(48, 1) });
    await expect(api.bookings.create({ vehicleId: car.id, ...hoursFromNow(72, 1) })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('mehr als 2 sind nicht möglich'),
    });
  });

  it('is edited by its own fleet managers and the operator only', async () => {
    const { db, home, staff } = await town();
    const otherManager = await makeUser(db, await makeMunicipality(db), 'fleet_manager');
    const change = { ...defaultPolicy, municipalityId: home.id, horizonDays: 30 };
    await expect(callerFor(db, otherManager).policies.update(change)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(callerFor(db, staff).policies.update(change)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const operator = await makeUser(db, null, 'operator');
    expect(await callerFor(db, operator).policies.update(change)).toMatchObject({ horizonDays: 30 });
    expect(await callerFor(db, staff).policies.get({ municipalityId: home.id })).toMatchObject({
      horizonDays: 30,
    });
  });

  it('refuses contradictory hours with a field error', async () => {
    const { home, managerApi } = await town();
    const error = await managerApi.policies
      .update({ ...defaultPolicy, municipalityId: home.id, othersFrom: '18:00', othersUntil: '07:00' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('licence gate', () => {
  it('refuses a person whose licence check is overdue, with the date', async () => {
    const { db, car, staff } = await town();
    await db.update(users).set({ licenceCheckValidUntil: '2026-11-03' }).where(eq(users.id, staff.id));
    const api = callerFor(db, { ...staff, licenceCheckValidUntil: '2026-11-03' });
    await expect(api.bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Führerscheinkontrolle abgelaufen am 03.11.2026 – bitte beim Fuhrpark melden',
    });
  });
});

describe('approval', () => {
  it('holds the slot while pending, queues it for the approver, and reserves on approval', async () => {
    const { db, car, api, managerApi, home } = await town({ approvalRequired: true });
    const slot = hoursFromNow(24, 2);
    const booking = await api.bookings.create({ vehicleId: car.id, ...slot });
    expect(booking.status).toBe('pending');
    const rival = callerFor(db, await makeUser(db, home));
    await expect(rival.bookings.create({ vehicleId: car.id, ...slot })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await managerApi.bookings.approvalQueue()).map((b) => b.id)).toEqual([booking.id]);
    expect(await managerApi.bookings.approve({ id: booking.id })).toMatchObject({ status: 'reserved' });
    expect(await managerApi.bookings.approvalQueue()).toEqual([]);
    const kinds = (await noticesOf(booking.id)).map((n) => n.kind).sort();
    expect(kinds).toEqual(['approval_granted', 'approval_pending', 'approval_requested']);
  });

  it('declines with a reason, freeing the slot, and only for the owner', async () => {
    const { db, car, api, managerApi } = await town({ approvalRequired: true });
    const booking = await api.bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) });
    const stranger = callerFor(db, await makeUser(db, await makeMunicipality(db), 'fleet_manager'));
    // Another municipality's manager hears what they would of a booking that does not exist.
    await expect(stranger.bookings.approve({ id: booking.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(managerApi.bookings.decline({ id: booking.id, reason: '' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await managerApi.bookings.decline({ id: booking.id, reason: 'Kein Dienstanlass' })).toMatchObject({
      status: 'cancelled',
    });
    await api.bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) }).catch(() => undefined);
    const [declined] = await db
      .select()
      .from(bookingEvents)
      .where(and(eq(bookingEvents.bookingId, booking.id), eq(bookingEvents.type, 'decline')));
    expect(declined).toMatchObject({ reason: 'Kein Dienstanlass', toStatus: 'cancelled' });
  });

  it("needs no approval for the owner's own fleet managers", async () => {
    const { car, managerApi } = await town({ approvalRequired: true });
    expect((await managerApi.bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) })).status).toBe(
      'reserved',
    );
  });
});

describe('lifecycle through the API', () => {
  it('extends only into free time, with the same guarantee as create', async () => {
    const { db, home, car, api } = await town();
    const mine = await api.bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) });
    await callerFor(db, await makeUser(db, home)).bookings.create({
      vehicleId: car.id,
      ...hoursFromNow(28, 2),
    });
    await api.bookings.changeEnd({ id: mine.id, endsAt: hoursFromNow(24, 3).to });
    await expect(
      api.bookings.changeEnd({ id: mine.id, endsAt: hoursFromNow(24, 4).to }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await api.bookings.byId({ id: mine.id })).endsAt).toEqual(hoursFromNow(24, 3).to);
    expect((await noticesOf(mine.id)).map((n) => n.kind)).toContain('changed');
  });

  it('shortening frees the rest at once', async () => {
    const { db, home, car, api } = await town();
    const mine = await api.bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 4) });
    await api.bookings.changeEnd({ id: mine.id, endsAt: hoursFromNow(24, 1).to });
    const other = callerFor(db, await makeUser(db, home));
    await other.bookings.create({
      vehicleId: car.id,
      from: hoursFromNow(25.5, 1).from,
      to: hoursFromNow(27, 1).to,
    });
  });

  it('lets a fleet manager cancel with a reason the booker is told', async () => {
    const { car, api, managerApi } = await town();
    const booking = await api.bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) });
    await managerApi.bookings.managerCancel({ id: booking.id, reason: 'Fahrzeug muss in die Werkstatt' });
    const cancelled = (await noticesOf(booking.id)).find((n) => n.kind === 'cancelled');
    expect(cancelled?.payload).toMatchObject({
      cancellation: { by: 'fleet_manager', reason: 'Fahrzeug muss in die Werkstatt' },
    });
  });

  it('records every step with who and when', async () => {
    const { db, car, api, staff } = await town();
    const booking = await api.bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) });
    await api.bookings.cancel({ id: booking.id });
    const steps = await db.select().from(bookingEvents).where(eq(bookingEvents.bookingId, booking.id));
    expect(steps.map((s) => [s.type, s.fromStatus, s.toStatus, s.actorId])).toEqual([
      ['create', null, 'reserved', staff.id],
      ['cancel', 'reserved', 'cancelled', staff.id],
    ]);
    const [row] = await db.select().from(bookings).where(eq(bookings.id, booking.id));
    expect(row?.sequence).toBe(1);
  });

  it('refuses illegal steps with the reason and changes nothing', async () => {
    const { car, api } = await town();
    const booking = await api.bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) });
    await expect(api.bookings.end({ id: booking.id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'Diese Buchung ist reserviert und kann nicht beendet werden.',
    });
    expect((await api.bookings.byId({ id: booking.id })).status).toBe('reserved');
  });
});
