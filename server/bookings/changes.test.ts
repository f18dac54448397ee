/**
 * Every change of a booking is held to what a new booking is held to (admitBooking): the others'
 * hours and exclusion, the licence check, approval, the shortest booking, and — for a move by a
 * block — the powertrain the booker chose and the owner whose policy the booking was made under.
 */
import { TZDate } from '@date-fns/tz';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookingEvents, bookings, notifications, users } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { env } from '../env';
import { callerFor, hoursFromNow, makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { defaultPolicy } from './policy';
import { savePolicy } from './policy-queries';
import { applyTransition } from './transitions';

const database = testDatabaseForFile();

/** Tomorrow at `hour` o'clock (fractions for minutes) in the region's time. */
function tomorrowAt(hour: number) {
  const today = new TZDate(Date.now(), env().TIME_ZONE);
  return new TZDate(
    today.getFullYear(),
    today.getMonth(),
    today.getDate() + 1,
    Math.floor(hour),
    Math.round((hour % 1) * 60),
    env().TIME_ZONE,
  );
}

async function town(policy: Partial<typeof defaultPolicy> = {}) {
  const { db } = database;
  const home = await makeMunicipality(db);
  const manager = await makeUser(db, home, 'fleet_manager');
  await savePolicy(db, home.id, { ...defaultPolicy, ...policy }, manager.id);
  const car = await makeVehicle(db, home);
  const staff = await makeUser(db, home);
  const guest = await makeUser(db, await makeMunicipality(db));
  return { db, home, manager, car, staff, guest };
}

const noticesOf = (bookingId: string) =>
  database.db.select().from(notifications).where(eq(notifications.bookingId, bookingId));
const rowOf = async (bookingId: string) =>
  (await database.db.select().from(bookings).where(eq(bookings.id, bookingId)))[0];

describe('changing the end of a booking', () => {
  it("does not extend past the hours other municipalities' staff may use the car", async () => {
    const { db, home, car, guest } = await town({ othersFrom: '07:00', othersUntil: '18:00' });
    const api = callerFor(db, guest);
    const booking = await api.bookings.create({
      vehicleId: car.id,
      from: tomorrowAt(10),
      to: tomorrowAt(12),
    });
    await api.bookings.changeEnd({ id: booking.id, endsAt: tomorrowAt(18) });
    await expect(api.bookings.changeEnd({ id: booking.id, endsAt: tomorrowAt(19) })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `Für Mitarbeitende anderer Kommunen sind Fahrzeuge ${home.nameGenitive} nur zwischen 07:00 und 18:00 Uhr buchbar.`,
    });
    expect((await rowOf(booking.id))?.endsAt).toEqual(tomorrowAt(18));
  });

  it('does not extend for other municipalities once the owner keeps its cars to itself', async () => {
    const { db, home, manager, car, guest } = await town();
    const api = callerFor(db, guest);
    const booking = await api.bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) });
    await savePolicy(db, home.id, { ...defaultPolicy, othersMayBook: false }, manager.id);
    await expect(
      api.bookings.changeEnd({ id: booking.id, endsAt: hoursFromNow(24, 3).to }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('nur von eigenen'),
    });
  });

  it('does not extend for a person whose licence check has run out, but lets them give time back', async () => {
    const { db, car, staff } = await town();
    const booking = await callerFor(db, staff).bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 4) });
    await db.update(users).set({ licenceCheckValidUntil: '2026-01-31' }).where(eq(users.id, staff.id));
    const api = callerFor(db, { ...staff, licenceCheckValidUntil: '2026-01-31' });
    await expect(
      api.bookings.changeEnd({ id: booking.id, endsAt: hoursFromNow(24, 5).to }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Führerscheinkontrolle abgelaufen am 31.01.2026 – bitte beim Fuhrpark melden',
    });
    await api.bookings.changeEnd({ id: booking.id, endsAt: hoursFromNow(24, 2).to });
    expect((await rowOf(booking.id))?.endsAt).toEqual(hoursFromNow(24, 2).to);
  });

  it('does not shorten below the shortest booking, nor to an end in the past', async () => {
    const { db, car, staff } = await town();
    const api = callerFor(db, staff);
    const slot = hoursFromNow(24, 2);
    const booking = await api.bookings.create({ vehicleId: car.id, ...slot });
    const error = await api.bookings
      .changeEnd({ id: booking.id, endsAt: new Date(slot.from.getTime() + 1) })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Eine Buchung dauert mindestens 15 Minuten.',
      cause: { fieldErrors: { endsAt: ['Eine Buchung dauert mindestens 15 Minuten.'] } },
    });
    await api.bookings.changeEnd({ id: booking.id, endsAt: new Date(slot.from.getTime() + 15 * 60_000) });

    const running = await api.bookings.create({ vehicleId: car.id, ...hoursFromNow(0, 2) });
    await applyTransition(db, running.id, { type: 'unlock' }, { id: null, role: 'system' }, new Date());
    await expect(
      api.bookings.changeEnd({ id: running.id, endsAt: new Date(Date.now() - 60_000) }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Das neue Ende liegt in der Vergangenheit.',
      cause: { fieldErrors: { endsAt: ['Das neue Ende liegt in der Vergangenheit.'] } },
    });
    expect((await rowOf(running.id))?.endsAt).toEqual(hoursFromNow(0, 2).to);
  });
});

describe('an extension where bookings need approval', () => {
  it('asks the approvers again for the added time; a decline keeps what was approved', async () => {
    const { db, manager, car, staff } = await town({ approvalRequired: true });
    const api = callerFor(db, staff);
    const managerApi = callerFor(db, manager);
    const slot = hoursFromNow(24, 2);
    const booking = await api.bookings.create({ vehicleId: car.id, ...slot });
    await managerApi.bookings.approve({ id: booking.id });

    const longer = hoursFromNow(24, 3).to;
    expect(await api.bookings.changeEnd({ id: booking.id, endsAt: longer })).toMatchObject({
      status: 'pending',
      endsAt: longer,
    });
    expect((await managerApi.bookings.approvalQueue()).map((b) => b.id)).toEqual([booking.id]);
    const asked = (await noticesOf(booking.id)).filter((n) => n.kind === 'approval_requested');
    expect(asked.map((n) => n.recipientId)).toEqual([manager.id, manager.id]);
    // The added time is held meanwhile: nobody else can book it.
    const rival = callerFor(db, await makeUser(db, null, 'operator'));
    await expect(
      rival.bookings.create({ vehicleId: car.id, from: slot.to, to: longer }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    await managerApi.bookings.decline({ id: booking.id, reason: 'Fahrzeug wird danach gebraucht' });
    expect(await rowOf(booking.id)).toMatchObject({
      status: 'reserved',
      endsAt: slot.to,
      approvedEndsAt: null,
    });
    const [declined] = await db
      .select()
      .from(bookingEvents)
      .where(and(eq(bookingEvents.bookingId, booking.id), eq(bookingEvents.type, 'decline')));
    expect(declined).toMatchObject({ fromStatus: 'pending', toStatus: 'reserved' });

    await api.bookings.changeEnd({ id: booking.id, endsAt: longer });
    await managerApi.bookings.approve({ id: booking.id });
    expect(await rowOf(booking.id)).toMatchObject({
      status: 'reserved',
      endsAt: longer,
      approvedEndsAt: null,
    });
  });

  it("needs none for the owner's own fleet managers", async () => {
    const { db, manager, car } = await town({ approvalRequired: true });
    const api = callerFor(db, manager);
    const booking = await api.bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) });
    expect(await api.bookings.changeEnd({ id: booking.id, endsAt: hoursFromNow(24, 3).to })).toMatchObject({
      status: 'reserved',
    });
  });
});

describe('a move by a block', () => {
  const block = (vehicleId: string, from: Date, to: Date) => ({
    vehicleId,
    from,
    to,
    kind: 'damage' as const,
    reason: 'Unfallschaden',
    confirm: true,
  });

  it('keeps the powertrain: an electric booking is not moved to a hybrid, but cancelled and the booker told', async () => {
    const { db, home, manager, car, staff } = await town();
    const hybrid = await makeVehicle(db, home, { powertrain: 'phev', seats: 5 });
    const slot = hoursFromNow(24, 2);
    const booking = await callerFor(db, staff).bookings.create({ vehicleId: car.id, ...slot });
    const managerApi = callerFor(db, manager);
    const request = block(car.id, hoursFromNow(23, 1).from, hoursFromNow(27, 1).from);
    const [preview] = await managerApi.blocks.preview(request);
    expect(preview).toMatchObject({ id: booking.id, replacementVehicleId: null });
    expect(preview?.noStandInBecause).toContain('anderem Antrieb ist frei');
    expect(await managerApi.blocks.create(request)).toMatchObject({ moved: [], cancelled: [booking.id] });
    expect(await rowOf(booking.id)).toMatchObject({ vehicleId: car.id, status: 'cancelled' });
    const cancelled = (await noticesOf(booking.id)).find((n) => n.kind === 'cancelled');
    expect(cancelled?.payload).toMatchObject({
      cancellation: {
        reason: expect.stringContaining('anderem Antrieb ist frei und kann neu gebucht werden'),
      },
    });
    // The hybrid is still free for the booker to take, if it suits them.
    await callerFor(db, staff).bookings.create({ vehicleId: hybrid.id, ...slot });
  });

  it("moves to a car of the same class and owner, not to another municipality's car at the station", async () => {
    const { db, home, manager, car, staff } = await town();
    const neighbour = await makeMunicipality(db);
    await savePolicy(db, neighbour.id, { ...defaultPolicy, othersMayBook: false }, manager.id);
    const foreign = await makeVehicle(db, neighbour, { homeStationId: home.station.id });
    const managerApi = callerFor(db, manager);
    const first = await callerFor(db, staff).bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) });
    await managerApi.blocks.create(block(car.id, hoursFromNow(23, 1).from, hoursFromNow(40, 1).from));
    expect(await rowOf(first.id)).toMatchObject({ vehicleId: car.id, status: 'cancelled' });
    expect(foreign.powertrain).toBe(car.powertrain);

    const own = await makeVehicle(db, home);
    const other = await makeVehicle(db, home);
    const second = await callerFor(db, staff).bookings.create({
      vehicleId: other.id,
      ...hoursFromNow(30, 2),
    });
    expect(
      await managerApi.blocks.create(block(other.id, hoursFromNow(29, 1).from, hoursFromNow(33, 1).from)),
    ).toMatchObject({ moved: [second.id] });
    expect(await rowOf(second.id)).toMatchObject({ vehicleId: own.id, status: 'reserved' });
  });

  it('is refused for a booker the policy would refuse now, and the booking cancelled with the reason', async () => {
    const { db, manager, home, car, staff } = await town();
    await makeVehicle(db, home);
    const booking = await callerFor(db, staff).bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) });
    await db.update(users).set({ licenceCheckValidUntil: '2026-01-31' }).where(eq(users.id, staff.id));
    await callerFor(db, manager).blocks.create(
      block(car.id, hoursFromNow(23, 1).from, hoursFromNow(27, 1).from),
    );
    const cancelled = (await noticesOf(booking.id)).find((n) => n.kind === 'cancelled');
    expect(cancelled?.payload).toMatchObject({
      cancellation: { reason: expect.stringContaining('Führerscheinkontrolle abgelaufen am 31.01.2026') },
    });
  });
});
