import { describe, expect, it } from 'vitest';
import { testDatabaseForFile } from '@/db/test-db';
import { makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { at, hours, makeBooking } from './booking-test-support';
import { serveBookingFile } from './download-service';
import { calendarOptions, parseIcs } from './test-support';

const database = testDatabaseForFile();

async function setting() {
  const { db } = database;
  const home = await makeMunicipality(db);
  const car = await makeVehicle(db, home);
  const me = await makeUser(db, home);
  const other = await makeUser(db, home);
  const start = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + hours(24));
  const booking = await makeBooking(db, {
    vehicleId: car.id,
    userId: me.id,
    startsAt: start,
    endsAt: at(start, hours(2)),
    sequence: 2,
  });
  return { db, me, other, booking };
}

describe('GET /api/buchungen/<id>.ics', () => {
  it('gives the signed-in booker their booking as a calendar file', async () => {
    const { db, me, booking } = await setting();
    const response = await serveBookingFile(db, me, `${booking.id}.ics`, calendarOptions);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain('buchung.ics');
    const calendar = parseIcs(await response.text());
    expect(calendar.timezones).toEqual(['Europe/Berlin']);
    expect(calendar.events[0]).toMatchObject({ uid: expect.stringContaining(booking.id), sequence: 2 });
  });

  it('answers 404 for someone else’s booking or a malformed id, and 401 without a session', async () => {
    const { db, other, booking } = await setting();
    expect((await serveBookingFile(db, other, `${booking.id}.ics`, calendarOptions)).status).toBe(404);
    expect((await serveBookingFile(db, other, 'nicht-da.ics', calendarOptions)).status).toBe(404);
    expect((await serveBookingFile(db, null, `${booking.id}.ics`, calendarOptions)).status).toBe(401);
  });
});
