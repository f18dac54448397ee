import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bookings } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { callerFor, makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { SECTION_PAGE_SIZE, SOON_MS, sectionOf } from './sections';

const database = testDatabaseForFile();
const HOUR = 3_600_000;

type Status = (typeof bookings.$inferInsert)['status'];

async function setting() {
  const { db } = database;
  const home = await makeMunicipality(db);
  const car = await makeVehicle(db, home);
  const person = await makeUser(db, home);
  const api = callerFor(db, person);
  /** A booking written as it stands, `startHours` from now, one hour long. */
  const booking = async (status: Status, startHours: number) => {
    const startsAt = new Date(Date.now() + startHours * HOUR);
    const [row] = await db
      .insert(bookings)
      .values({
        vehicleId: car.id,
        userId: person.id,
        status,
        startsAt,
        endsAt: new Date(+startsAt + HOUR),
        cancelledAt: status === 'cancelled' ? new Date() : null,
      })
      .returning({ id: bookings.id });
    if (!row) throw new Error('no booking');
    return row.id;
  };
  return { db, home, car, api, booking };
}

const idsOf = (answer: { items: { id: string }[] }) => answer.items.map((b) => b.id);

describe('sectionOf', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  const at = (status: Status & string, startHours: number, hours = 1) => {
    const startsAt = new Date(+now + startHours * HOUR);
    return sectionOf({ status, startsAt, endsAt: new Date(+startsAt + hours * HOUR) }, now);
  };
  it('places every status', () => {
    expect(at('active', -3)).toBe('now'); // late, still running
    expect(at('reserved', SOON_MS / HOUR)).toBe('now');
    expect(at('reserved', -0.5)).toBe('now');
    expect(at('pending', 3)).toBe('upcoming');
    expect(at('reserved', -2)).toBe('past');
    expect(at('completed', -5)).toBe('past');
    expect(at('cancelled', 5)).toBe('closed');
    expect(at('no_show', -5)).toBe('closed');
  });
});

describe('bookings.mineSection', () => {
  it('puts each booking in one section, the same as sectionOf', async () => {
    const { api, booking } = await setting();
    const running = await booking('active', -0.5);
    const soon = await booking('reserved', 1);
    const later = await booking('pending', 30);
    const done = await booking('completed', -30);
    const overdueReservation = await booking('reserved', -10);
    const cancelled = await booking('cancelled', 50);
    const missed = await booking('no_show', -50);
    const sections = {
      now: idsOf(await api.bookings.mineSection({ section: 'now', page: 0 })),
      upcoming: idsOf(await api.bookings.mineSection({ section: 'upcoming', page: 0 })),
      past: idsOf(await api.bookings.mineSection({ section: 'past', page: 0 })),
      closed: idsOf(await api.bookings.mineSection({ section: 'closed', page: 0 })),
    };
    expect(sections).toEqual({
      now: [running, soon],
      upcoming: [later],
      past: [overdueReservation, done],
      closed: [cancelled, missed],
    });
  });

  it('pages on the server: the latest past bookings first, with the total', async () => {
    const { api, booking } = await setting();
    const past: string[] = [];
    for (let i = 1; i <= SECTION_PAGE_SIZE + 3; i++) past.push(await booking('completed', -2 * i));
    const first = await api.bookings.mineSection({ section: 'past', page: 0 });
    const second = await api.bookings.mineSection({ section: 'past', page: 1 });
    expect(first).toMatchObject({ page: 0, total: SECTION_PAGE_SIZE + 3, pageCount: 2 });
    expect(idsOf(first)).toEqual(past.slice(0, SECTION_PAGE_SIZE));
    expect(idsOf(second)).toEqual(past.slice(SECTION_PAGE_SIZE));
    const beyond = await api.bookings.mineSection({ section: 'past', page: 5 });
    expect(beyond).toMatchObject({ items: [], total: SECTION_PAGE_SIZE + 3, pageCount: 2 });
  });

  it("shows nobody else's bookings, and answers another person's booking id as a random one", async () => {
    const { db, home, api, booking } = await setting();
    const mine = await booking('completed', -3);
    const other = callerFor(db, await makeUser(db, home));
    expect(await other.bookings.mineSection({ section: 'past', page: 0 })).toMatchObject({
      items: [],
      total: 0,
    });
    const foreign = await other.bookings.byId({ id: mine }).catch((error: unknown) => error);
    const random = await other.bookings.byId({ id: randomUUID() }).catch((error: unknown) => error);
    expect(foreign).toMatchObject({ code: 'NOT_FOUND' });
    expect(JSON.stringify(foreign)).toBe(JSON.stringify(random));
    expect((foreign as Error).message).toBe((random as Error).message);
    expect(await api.bookings.byId({ id: mine })).toMatchObject({
      id: mine,
      station: { latitude: expect.any(Number), longitude: expect.any(Number) },
    });
  });

  it('refuses a bad section or page with BAD_REQUEST', async () => {
    const { api } = await setting();
    // @ts-expect-error: not a section
    await expect(api.bookings.mineSection({ section: 'soon', page: 0 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(api.bookings.mineSection({ section: 'past', page: -1 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
