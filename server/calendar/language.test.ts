import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { callerFor, makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { at, hours, makeBooking } from './booking-test-support';
import { serveBookingFile } from './download-service';
import { serveFeed } from './feed-service';
import { feedLimiter } from './rate-limit';
import { calendarOptions, parseIcs } from './test-support';

const database = testDatabaseForFile();
const { now: _now, language: _language, ...calendar } = calendarOptions;

async function personWithBooking(language: 'de' | 'en') {
  const { db } = database;
  const home = await makeMunicipality(db);
  const car = await makeVehicle(db, home);
  const made = await makeUser(db, home);
  await db.update(users).set({ language }).where(eq(users.id, made.id));
  const person = { ...made, language };
  const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + hours(24));
  const booking = await makeBooking(db, {
    vehicleId: car.id,
    userId: person.id,
    startsAt: start,
    endsAt: at(start, hours(2)),
  });
  return { person, booking };
}

async function feedOf(language: 'de' | 'en') {
  const { person } = await personWithBooking(language);
  const { url } = await callerFor(database.db, person).calendar.createFeed();
  const token = url.split('/').at(-1) ?? '';
  const response = await serveFeed(database.db, new Request(url), token, {
    limiter: feedLimiter(),
    client: '192.0.2.7',
    calendar,
  });
  return { response, ics: parseIcs(await response.text()) };
}

describe('calendar files in their reader’s language', () => {
  it('writes a subscription feed in the language of the person whose bookings it holds', async () => {
    const english = await feedOf('en');
    expect(english.ics.name).toBe('ParthelandMobil – My bookings');
    expect(english.ics.events[0]?.summary).toMatch(/^Pool car /);
    expect(english.ics.events[0]?.description).toMatch(/^Car: .+, plate /);
    expect(english.response.headers.get('content-disposition')).toContain('bookings.ics');

    const german = await feedOf('de');
    expect(german.ics.name).toBe('ParthelandMobil – Meine Buchungen');
    expect(german.ics.events[0]?.summary).toMatch(/^Dienstwagen /);
    expect(german.response.headers.get('content-disposition')).toContain('buchungen.ics');
  });

  it('gives the booking page’s download in the signed-in person’s language', async () => {
    const { person, booking } = await personWithBooking('en');
    const response = await serveBookingFile(database.db, person, `${booking.id}.ics`, calendar);
    expect(response.headers.get('content-disposition')).toContain('booking.ics');
    const [event] = parseIcs(await response.text()).events;
    expect(event?.description).toContain('Pick-up and return: ');
    expect(event?.description).toContain('View or change the booking: ');
  });
});
