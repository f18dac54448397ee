import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { inferRouterOutputs } from '@trpc/server';
import { instantOf } from '../app/lib/time';
import { type ParsedCalendar, parseIcs } from '../server/calendar/test-support';
import { leaves, parseMime } from '../server/notifications/mime-test-support';
import type { AppRouter } from '../server/root';
import { expectAccessible } from './accessibility';
import { dayAhead, expect, test } from './fixtures';
import { mutate, query } from './trpc';

type Out = inferRouterOutputs<AppRouter>;
type Car = Out['vehicles']['managed'][number];

/*
 * Calendar files are read by calendar programs, not browsers: the first test talks HTTP only, as
 * the worker's own member of staff and fleet manager (e2e/fixtures.ts), each signed in once.
 */

const ZONE = 'Europe/Berlin';
const ymd = (instant: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(instant);

/** The Saturday before the next switch to summer time (last Sunday of March), at least a week ahead. */
function saturdayBeforeSpringForward(from: Date): string {
  for (let year = from.getUTCFullYear(); ; year++) {
    const lastOfMarch = new Date(Date.UTC(year, 2, 31));
    const sunday = new Date(Date.UTC(year, 2, 31 - lastOfMarch.getUTCDay()));
    const saturday = new Date(sunday.getTime() - 86_400_000);
    if (saturday.getTime() > from.getTime() + 7 * 86_400_000) return ymd(saturday);
  }
}

/** The same booking in a calendar file: its VTIMEZONE, and DTSTART/DTEND as zoned wall times. */
function expectZonedAcrossTheChange(calendar: ParsedCalendar, raw: string, bookingId: string, day: string) {
  expect(calendar.timezones).toEqual(['Europe/Berlin']);
  const event = calendar.events.find((e) => e.uid.startsWith(bookingId));
  if (!event) throw new Error(`booking ${bookingId} is not in the file`);
  expect(event.startTzid).toBe('Europe/Berlin');
  const compact = day.replaceAll('-', '');
  const next = ymd(new Date(instantOf(day, '12:00', ZONE).getTime() + 86_400_000)).replaceAll('-', '');
  expect(raw).toContain(`DTSTART;TZID=Europe/Berlin:${compact}T100000`);
  expect(raw).toContain(`DTEND;TZID=Europe/Berlin:${next}T100000`);
  // Read through the file's own VTIMEZONE: 10:00 CET on Saturday, 10:00 CEST on Sunday, 23 hours apart.
  expect(event.start.toISOString()).toBe(instantOf(day, '10:00', ZONE).toISOString());
  expect(event.start.toISOString()).toMatch(/T09:00:00\.000Z$/);
  expect(event.end.toISOString()).toMatch(/T08:00:00\.000Z$/);
  expect(event.end.getTime() - event.start.getTime()).toBe(23 * 3_600_000);
  return event;
}

// axe runs on every state the tests visit: more time than the default 30 s on a busy machine.
test.describe.configure({ timeout: 120_000 });

/** The text/calendar part of the first .eml in the e2e server's mail folder that mentions the booking. */
async function mailedInvitation(bookingId: string): Promise<string | null> {
  const folder = path.join('.e2e-data', 'mail');
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith('.eml') && n.includes('buchung-bestaetigt'))) {
    const parts = leaves(parseMime(await readFile(path.join(folder, name), 'utf8')));
    const calendar = parts.find((part) => /^text\/calendar/i.test(part.headers.get('content-type') ?? ''));
    if (calendar?.body.includes(bookingId)) return calendar.body;
  }
  return null;
}

test('the built app writes calendar files with the Berlin VTIMEZONE, across the switch to summer time', async ({
  staffPage,
  managerPage,
  request: anonymous,
}) => {
  const staff = staffPage.request;
  const manager = managerPage.request;
  const me = await query<Out['auth']['me']>(manager, 'auth.me');
  const municipalityId = me?.municipalityId;
  if (!municipalityId) throw new Error('the fleet manager has no municipality');
  const before = await query<Out['policies']['get']>(manager, 'policies.get', { municipalityId });
  const cars = (await query<Car[]>(manager, 'vehicles.managed')).filter((c) => c.status === 'in_service');
  // The last car, away from the cars the other specs book first.
  const car = cars.at(-1);
  if (!car) throw new Error('the fleet manager has no car in service');
  const day = saturdayBeforeSpringForward(new Date());
  const sunday = ymd(new Date(instantOf(day, '12:00', ZONE).getTime() + 86_400_000));
  let bookingId: string | null = null;

  try {
    // The next switch may lie beyond the default horizon of 60 days.
    await mutate(manager, 'policies.update', { municipalityId, ...before, horizonDays: 400 });
    const booking = await mutate<Out['bookings']['create']>(staff, 'bookings.create', {
      vehicleId: car.id,
      from: instantOf(day, '10:00', ZONE),
      to: instantOf(sunday, '10:00', ZONE),
      purpose: `Zeitumstellung ${Date.now().toString(36)}`,
    });
    bookingId = booking.id;
    expect(booking.status).toBe('reserved');

    // The booking's own file, as the booking page offers it.
    const download = await staff.get(`/api/buchungen/${booking.id}.ics`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toMatch(/^text\/calendar/);
    const file = await download.text();
    const own = expectZonedAcrossTheChange(parseIcs(file), file, booking.id, day);
    expect(own.status).toBe('CONFIRMED');
    // Someone else's booking is not there to fetch, and nobody's without a session.
    expect((await manager.get(`/api/buchungen/${booking.id}.ics`)).status()).toBe(404);
    expect((await anonymous.get(`/api/buchungen/${booking.id}.ics`)).status()).toBe(401);

    // The subscription feed.
    const feed = await mutate<Out['calendar']['createFeed']>(staff, 'calendar.createFeed');
    const feedResponse = await staff.get(new URL(feed.url).pathname);
    expect(feedResponse.status()).toBe(200);
    const feedText = await feedResponse.text();
    expectZonedAcrossTheChange(parseIcs(feedText), feedText, booking.id, day);

    // The invitation the confirmation mail carried, written by the app's outbox worker.
    await expect.poll(() => mailedInvitation(booking.id), { timeout: 30_000 }).not.toBeNull();
    const mailed = (await mailedInvitation(booking.id)) ?? '';
    const invitation = parseIcs(mailed);
    expect(invitation.method).toBe('REQUEST');
    expectZonedAcrossTheChange(invitation, mailed, booking.id, day);
  } finally {
    if (bookingId) await mutate(staff, 'bookings.cancel', { id: bookingId });
    await mutate(manager, 'policies.update', { municipalityId, ...before });
  }
});

/** The „Anfrage prüfen“ address in the approval request mail to the fleet manager about a booking. */
async function approvalLink(purpose: string): Promise<string | null> {
  const folder = path.join('.e2e-data', 'mail');
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith('.eml') && n.includes('genehmigung-erbeten'))) {
    const parts = leaves(parseMime(await readFile(path.join(folder, name), 'utf8')));
    const text =
      parts.find((part) => /^text\/plain/i.test(part.headers.get('content-type') ?? ''))?.body ?? '';
    const link = /Anfrage prüfen: (\S+)/.exec(text)?.[1];
    if (text.includes(purpose) && link) return link;
  }
  return null;
}

test('the approval mail opens its request on the approvals page; the booker then reads the refusal’s reason', async ({
  staffPage: staff,
  managerPage: manager,
  staff: booker,
}) => {
  const me = await query<Out['auth']['me']>(manager.request, 'auth.me');
  const municipalityId = me?.municipalityId;
  if (!municipalityId) throw new Error('the fleet manager has no municipality');
  const before = await query<Out['policies']['get']>(manager.request, 'policies.get', { municipalityId });
  const cars = (await query<Car[]>(manager.request, 'vehicles.managed')).filter(
    (c) => c.status === 'in_service',
  );
  const car = cars.at(-1);
  if (!car) throw new Error('the fleet manager has no car in service');
  const day = dayAhead(57);
  const purpose = `Anfrage aus der Mail ${Date.now().toString(36)}`;
  try {
    await mutate(manager.request, 'policies.update', { municipalityId, ...before, approvalRequired: true });
    // Two requests, so the page has more than the one the mail is about.
    for (const [from, to, what] of [
      ['08:00', '09:00', `${purpose} (andere)`],
      ['13:00', '15:00', purpose],
    ] as const) {
      const booking = await mutate<Out['bookings']['create']>(staff.request, 'bookings.create', {
        vehicleId: car.id,
        from: instantOf(day, from, ZONE),
        to: instantOf(day, to, ZONE),
        purpose: what,
      });
      expect(booking.status).toBe('pending');
    }
    await expect.poll(() => approvalLink(purpose), { timeout: 30_000 }).not.toBeNull();
    const link = new URL((await approvalLink(purpose)) ?? '');
    const id = link.searchParams.get('anfrage') ?? '';
    expect(link.pathname).toBe('/fuhrpark/freigaben');
    expect(link.hash).toBe(`#anfrage-${id}`);

    await manager.goto(link.pathname + link.search + link.hash);
    const request = manager.locator(`#anfrage-${id}`);
    await expect(request).toHaveAttribute('aria-current', 'true');
    await expect(request).toContainText('Die Anfrage aus Ihrer E-Mail');
    await expect(request).toContainText(purpose);
    await expect(request).toBeInViewport();
    await expect(manager.locator('li[aria-current="true"]')).toHaveCount(1);
    await expectAccessible(manager, 'approvals: the request from the mail');

    await request.getByRole('button', { name: 'Ablehnen' }).click();
    await request.getByLabel('Grund der Ablehnung').fill('Das Fahrzeug ist an dem Tag in der Werkstatt');
    await request.getByRole('button', { name: 'Ablehnung senden' }).click();
    await expect(manager.getByRole('status')).toHaveText(`Buchung von ${booker.name} abgelehnt.`);
    await expectAccessible(manager, 'approvals: request declined');

    await staff.goto(`/buchungen/${id}`);
    await expect(staff.getByRole('heading', { name: 'Anfrage abgelehnt' })).toBeVisible();
    await expect(staff.getByRole('status')).toHaveText(
      'Die Fuhrparkverwaltung hat Ihre Anfrage abgelehnt. Begründung: Das Fahrzeug ist an dem Tag in der Werkstatt',
    );

    // The mail's link, opened again once decided, says so instead of showing nothing.
    await manager.reload();
    await expect(manager.getByRole('status')).toHaveText(
      'Die Anfrage aus Ihrer E-Mail wartet nicht mehr auf eine Entscheidung: Sie wurde bereits entschieden oder zurückgezogen.',
    );
  } finally {
    await mutate(manager.request, 'policies.update', { municipalityId, ...before });
    for (const booking of await query<Out['bookings']['mine']>(staff.request, 'bookings.mine'))
      if (booking.purpose?.startsWith(purpose) && booking.status === 'pending')
        await mutate(staff.request, 'bookings.cancel', { id: booking.id });
  }
});
