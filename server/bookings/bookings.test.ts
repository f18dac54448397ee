import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { callerFor, hoursFromNow, makeMunicipality, makeUser, makeVehicle } from '../test-support';

const database = testDatabaseForFile();

const countBookings = async (vehicleId: string) =>
  (await database.db.select().from(bookings).where(eq(bookings.vehicleId, vehicleId))).length;

async function setting() {
  const { db } = database;
  const home = await makeMunicipality(db);
  const car = await makeVehicle(db, home);
  const api = callerFor(db, await makeUser(db, home));
  return { db, home, car, api };
}

describe('bookings.create', () => {
  it('books a free car and lists it in bookings.mine', async () => {
    const { car, api } = await setting();
    const booking = await api.bookings.create({
      vehicleId: car.id,
      ...hoursFromNow(24, 2),
      purpose: 'Bauamt',
    });
    expect(booking).toMatchObject({ status: 'reserved', purpose: 'Bauamt', vehicle: { id: car.id } });
    const mine = await api.bookings.mine();
    expect(mine.map((b) => b.id)).toEqual([booking.id]);
  });

  it('refuses an overlapping booking with CONFLICT and a German message', async () => {
    const { car, api } = await setting();
    await api.bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) });
    await expect(api.bookings.create({ vehicleId: car.id, ...hoursFromNow(25, 2) })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('bereits gebucht'),
    });
    expect(await countBookings(car.id)).toBe(1);
  });

  it('keeps the turnaround buffer after a booking, in the database', async () => {
    const { car, api } = await setting(); // buffer 15 min
    const first = hoursFromNow(24, 2);
    await api.bookings.create({ vehicleId: car.id, ...first });
    const touching = { from: first.to, to: new Date(first.to.getTime() + 3_600_000) };
    await expect(api.bookings.create({ vehicleId: car.id, ...touching })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const afterBuffer = new Date(first.to.getTime() + 15 * 60_000);
    await api.bookings.create({
      vehicleId: car.id,
      from: afterBuffer,
      to: new Date(afterBuffer.getTime() + 3_600_000),
    });
    expect(await countBookings(car.id)).toBe(2);
  });

  it('lets touching bookings through on a car without a buffer', async () => {
    const { db, home, api } = await setting();
    const car = await makeVehicle(db, home, { turnaroundBufferMinutes: 0 });
    const first = hoursFromNow(24, 2);
    await api.bookings.create({ vehicleId: car.id, ...first });
    await api.bookings.create({
      vehicleId: car.id,
      from: first.to,
      to: new Date(first.to.getTime() + 3_600_000),
    });
    expect(await countBookings(car.id)).toBe(2);
  });

  it('enforces the buffer even for rows written past the code', async () => {
    const { db, car, api } = await setting();
    const first = hoursFromNow(24, 2);
    const booking = await api.bookings.create({ vehicleId: car.id, ...first });
    const [row] = await db.select().from(bookings).where(eq(bookings.id, booking.id));
    // A writer that omits or fakes the buffer still gets the car's own (trigger), and the constraint holds.
    await expect(
      db.insert(bookings).values({
        vehicleId: car.id,
        userId: row?.userId ?? '',
        startsAt: first.to,
        endsAt: new Date(first.to.getTime() + 3_600_000),
        bufferMinutes: 0,
      }),
    ).rejects.toThrow();
    expect(await countBookings(car.id)).toBe(1);
  });

  it('refuses invalid input with BAD_REQUEST and field errors, writing nothing', async () => {
    const { car, api } = await setting();
    const { from, to } = hoursFromNow(24, 2);
    const cases = [
      [{ vehicleId: car.id, from: to, to: from }, 'to'],
      [{ vehicleId: car.id, from, to: from }, 'to'],
      [{ vehicleId: car.id, ...hoursFromNow(-3, 2) }, 'from'],
      [{ vehicleId: car.id, from, to: new Date(from.getTime() + 400 * 86_400_000) }, 'to'],
      [{ vehicleId: '00000000-0000-4000-8000-000000000000', from, to }, 'vehicleId'],
      [{ vehicleId: 'not-a-uuid', from, to }, 'vehicleId'],
      [{ vehicleId: car.id, from: new Date(Number.NaN), to }, 'from'],
    ] as const;
    for (const [input, field] of cases) {
      const error = await api.bookings.create(input).catch((e: unknown) => e);
      expect(error, `${field}: ${JSON.stringify(input)}`).toMatchObject({ code: 'BAD_REQUEST' });
      expect(fieldErrorsOf(error)).toHaveProperty(field);
    }
    expect(await countBookings(car.id)).toBe(0);
  });

  it('refuses a car that is out of service', async () => {
    const { db, home, api } = await setting();
    const car = await makeVehicle(db, home, { status: 'out_of_service' });
    await expect(api.bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
  });
});

describe('bookings.cancel', () => {
  it('cancels the own future booking and frees the slot', async () => {
    const { car, api } = await setting();
    const slot = hoursFromNow(24, 2);
    const booking = await api.bookings.create({ vehicleId: car.id, ...slot });
    expect(await api.bookings.cancel({ id: booking.id })).toMatchObject({ status: 'cancelled' });
    await api.bookings.create({ vehicleId: car.id, ...slot });
  });

  it("does not touch someone else's booking", async () => {
    const { db, home, car, api } = await setting();
    const booking = await api.bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) });
    const other = callerFor(db, await makeUser(db, home));
    await expect(other.bookings.cancel({ id: booking.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await api.bookings.byId({ id: booking.id })).status).toBe('reserved');
  });

  it('refuses to cancel twice', async () => {
    const { car, api } = await setting();
    const booking = await api.bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) });
    await api.bookings.cancel({ id: booking.id });
    await expect(api.bookings.cancel({ id: booking.id })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
  });
});

describe('procedures by role', () => {
  it('refuses anonymous callers with UNAUTHORIZED', async () => {
    const { car } = await setting();
    const anonymous = callerFor(database.db, null);
    await expect(anonymous.bookings.mine()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(
      anonymous.bookings.create({ vehicleId: car.id, ...hoursFromNow(24, 2) }),
    ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await countBookings(car.id)).toBe(0);
  });
});

function fieldErrorsOf(error: unknown): Record<string, string[]> | undefined {
  const cause = (error as { cause?: { fieldErrors?: Record<string, string[]>; issues?: unknown } }).cause;
  if (cause?.fieldErrors) return cause.fieldErrors;
  // zod errors: the formatter flattens them for clients; here the raw issues carry the path.
  const issues = (cause?.issues ?? []) as { path: (string | number)[] }[];
  return Object.fromEntries(issues.map((issue) => [String(issue.path[0]), ['']]));
}
