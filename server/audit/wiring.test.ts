/**
 * Every administrative change of bookings, blocks, rules and sign-in writes exactly one audit entry
 * (who, what, which object, before and after) in its own transaction; a refused change writes none.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { signInAccountFailures } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import type { SessionUser } from '../auth/queries';
import { defaultPolicy } from '../bookings/policy';
import { callerFor, hoursFromNow, makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { entriesBy, onlyEntryOf } from './test-kit';

const database = testDatabaseForFile();
let a: Awaited<ReturnType<typeof makeMunicipality>>;
let b: Awaited<ReturnType<typeof makeMunicipality>>;
let car: Awaited<ReturnType<typeof makeVehicle>>;
let staffA: SessionUser;
let managerB: SessionUser;

beforeAll(async () => {
  a = await makeMunicipality(database.db);
  b = await makeMunicipality(database.db);
  car = await makeVehicle(database.db, a);
  staffA = await makeUser(database.db, a);
  managerB = await makeUser(database.db, b, 'fleet_manager');
});

/** A manager of their own, so that the entries they write are the test's alone. */
const freshManager = (m = a) => makeUser(database.db, m, 'fleet_manager');
const nothingBy = async (user: SessionUser) => expect(await entriesBy(database.db, user.id)).toEqual([]);

describe('policies.update', () => {
  it('logs the rules before and after', async () => {
    const c = await makeMunicipality(database.db);
    const manager = await freshManager(c);
    await callerFor(database.db, manager).policies.update({
      ...defaultPolicy,
      municipalityId: c.id,
      horizonDays: 90,
    });
    const entry = await onlyEntryOf(database.db, c.id);
    expect(entry).toMatchObject({
      actorId: manager.id,
      actorName: manager.name,
      action: 'policy.update',
      objectType: 'policy',
      municipalityId: c.id,
      before: { horizonDays: defaultPolicy.horizonDays, approvalRequired: false },
      after: { horizonDays: 90, approvalRequired: false },
    });
  });

  it('logs nothing for another municipality or bad input', async () => {
    const manager = await freshManager(b);
    const api = callerFor(database.db, manager);
    await expect(api.policies.update({ ...defaultPolicy, municipalityId: a.id })).rejects.toMatchObject({
      cause: { code: 'OTHER_MUNICIPALITY' },
    });
    await expect(
      api.policies.update({ ...defaultPolicy, municipalityId: b.id, horizonDays: 0 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await nothingBy(manager);
  });
});

describe('blocks.create and blocks.cancel', () => {
  const window = () => hoursFromNow(24 * 30, 4);

  it('logs the block made and, when lifted, the lifting', async () => {
    const manager = await freshManager();
    const api = callerFor(database.db, manager);
    const { block } = await api.blocks.create({
      vehicleId: car.id,
      ...window(),
      kind: 'cleaning',
      reason: 'Innenreinigung',
    });
    expect(await onlyEntryOf(database.db, block.id)).toMatchObject({
      actorId: manager.id,
      action: 'block.create',
      objectType: 'block',
      municipalityId: a.id,
      before: null,
      after: { vehicleId: car.id, kind: 'cleaning', reason: 'Innenreinigung', cancelledAt: null },
    });
    await api.blocks.cancel({ id: block.id });
    await api.blocks.cancel({ id: block.id });
    const entries = await entriesBy(database.db, manager.id);
    expect(entries.map((e) => e.action)).toEqual(['block.create', 'block.cancel']);
    expect(entries[1]).toMatchObject({
      objectId: block.id,
      before: { cancelledAt: null, reason: 'Innenreinigung' },
      after: { cancelledAt: expect.any(String) },
    });
  });

  it('logs nothing for another municipality’s car, bad input or a block not confirmed', async () => {
    const stranger = await freshManager(b);
    await expect(
      callerFor(database.db, stranger).blocks.create({
        vehicleId: car.id,
        ...window(),
        kind: 'cleaning',
        reason: 'Fremd',
      }),
    ).rejects.toMatchObject({ cause: { code: 'OTHER_MUNICIPALITY' } });
    await nothingBy(stranger);
    const manager = await freshManager();
    const api = callerFor(database.db, manager);
    const { from, to } = window();
    await expect(
      api.blocks.create({ vehicleId: car.id, from: to, to: from, kind: 'cleaning', reason: 'Verkehrt' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const booked = hoursFromNow(24 * 40, 2);
    await callerFor(database.db, staffA).bookings.create({ vehicleId: car.id, ...booked });
    await expect(
      api.blocks.create({ vehicleId: car.id, ...booked, kind: 'maintenance', reason: 'Reifenwechsel' }),
    ).rejects.toMatchObject({ cause: { code: 'BLOCK_AFFECTS_BOOKINGS' } });
    await nothingBy(manager);
  });
});

describe('bookings.managerCancel, approve and decline', () => {
  let approving: Awaited<ReturnType<typeof makeMunicipality>>;
  let approvalCar: Awaited<ReturnType<typeof makeVehicle>>;
  let booker: SessionUser;
  let hour = 0;

  beforeAll(async () => {
    approving = await makeMunicipality(database.db);
    approvalCar = await makeVehicle(database.db, approving);
    booker = await makeUser(database.db, approving);
    await callerFor(database.db, await freshManager(approving)).policies.update({
      ...defaultPolicy,
      municipalityId: approving.id,
      approvalRequired: true,
    });
  });

  const pending = async () => {
    hour += 3;
    return callerFor(database.db, booker).bookings.create({
      vehicleId: approvalCar.id,
      ...hoursFromNow(48 + hour, 2),
    });
  };

  it('logs a cancellation by the fleet manager with its reason', async () => {
    const manager = await freshManager(approving);
    const booking = await pending();
    await callerFor(database.db, manager).bookings.managerCancel({
      id: booking.id,
      reason: 'Wagen wird gebraucht',
    });
    expect(await onlyEntryOf(database.db, booking.id)).toMatchObject({
      actorId: manager.id,
      action: 'booking.cancel',
      objectType: 'booking',
      municipalityId: approving.id,
      before: { status: 'pending' },
      after: { status: 'cancelled', reason: 'Wagen wird gebraucht' },
    });
  });

  it('logs an approval and a decline with its reason', async () => {
    const manager = await freshManager(approving);
    const api = callerFor(database.db, manager);
    const yes = await pending();
    const no = await pending();
    await api.bookings.approve({ id: yes.id });
    await api.bookings.decline({ id: no.id, reason: 'Bauhof braucht ihn' });
    expect(await onlyEntryOf(database.db, yes.id)).toMatchObject({
      action: 'booking.approve',
      before: { status: 'pending' },
      after: { status: 'reserved' },
    });
    expect(await onlyEntryOf(database.db, no.id)).toMatchObject({
      action: 'booking.decline',
      after: { status: 'cancelled', reason: 'Bauhof braucht ihn' },
    });
  });

  it('logs nothing for another municipality’s booking, a refused step or bad input', async () => {
    const stranger = await freshManager(b);
    const booking = await pending();
    const api = callerFor(database.db, stranger);
    await expect(api.bookings.managerCancel({ id: booking.id, reason: 'Fremd' })).rejects.toMatchObject({
      cause: { code: 'BOOKING_NOT_FOUND' },
    });
    await expect(api.bookings.approve({ id: booking.id })).rejects.toMatchObject({
      cause: { code: 'BOOKING_NOT_FOUND' },
    });
    await nothingBy(stranger);
    const manager = await freshManager(approving);
    const own = callerFor(database.db, manager);
    await expect(own.bookings.decline({ id: booking.id, reason: 'x' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await own.bookings.approve({ id: booking.id });
    await expect(own.bookings.approve({ id: booking.id })).rejects.toMatchObject({
      cause: { code: 'TRANSITION_REFUSED' },
    });
    expect((await entriesBy(database.db, manager.id)).map((e) => e.action)).toEqual(['booking.approve']);
  });
});

describe('auth.unlockSignIn', () => {
  it('logs the lock lifted', async () => {
    const person = await makeUser(database.db, a);
    await database.db.insert(signInAccountFailures).values({
      email: person.email,
      failures: 10,
      lastFailureAt: new Date(),
      lockedUntil: new Date(Date.now() + 3_600_000),
    });
    const manager = await freshManager();
    expect(await callerFor(database.db, manager).auth.unlockSignIn({ userId: person.id })).toEqual({
      wasLocked: true,
    });
    expect(await onlyEntryOf(database.db, person.id)).toMatchObject({
      actorId: manager.id,
      action: 'signin.unlock',
      objectType: 'user',
      municipalityId: a.id,
      before: { locked: true },
      after: { locked: false },
    });
  });

  it('logs nothing for a person of another municipality', async () => {
    await expect(
      callerFor(database.db, managerB).auth.unlockSignIn({ userId: staffA.id }),
    ).rejects.toMatchObject({ cause: { code: 'OTHER_MUNICIPALITY' } });
    await nothingBy(managerB);
  });
});
