/**
 * Retention on a month long past (May 2001, so no other test's bookings are old enough to be
 * touched on a shared database): after it, the month's figures in every grouping and its
 * settlement are what they were, and nothing in the bookings says who drove any more.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bookingEvents,
  bookings,
  boxes,
  gatewayJobs,
  keyCertificates,
  municipalityTariffs,
  notifications,
  retentionRuns,
  tripAccessLog,
  trips,
  vehicleCostRates,
} from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import type { SessionUser } from '../auth/queries';
import { groupings } from '../reports/queries';
import { randomMac } from '../telematics/test-fixtures';
import { callerFor, makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { removePersonalDetail, runRetention } from './retention';

const database = testDatabaseForFile();
const at = (iso: string) => new Date(iso);
const month = { from: '2001-05-01', to: '2001-06-01' };
/** Local midnight of 1 July 2001 (CEST): bookings that ended before it lose their person. */
const cutoff = at('2001-06-30T22:00:00Z');
const runAt = at('2003-07-01T08:00:00Z');

let a: Awaited<ReturnType<typeof makeMunicipality>>;
let b: Awaited<ReturnType<typeof makeMunicipality>>;
let operator: SessionUser;
let fleetA: SessionUser;
let staffA: SessionUser;
let staffB: SessionUser;
const old: string[] = [];
let kept: string;
let boxId: string;

async function book(
  vehicleId: string,
  user: SessionUser,
  startsAt: string,
  endsAt: string,
  status: 'completed' | 'no_show' | 'cancelled' = 'completed',
) {
  const [row] = await database.db
    .insert(bookings)
    .values({
      vehicleId,
      userId: user.id,
      startsAt: at(startsAt),
      endsAt: at(endsAt),
      status,
      purpose: 'Termin beim Landratsamt',
      cancelledAt: status === 'cancelled' ? at(startsAt) : null,
    })
    .returning({ id: bookings.id });
  if (!row) throw new Error('no booking');
  return row.id;
}

async function trip(bookingId: string, startedAt: string, km: number) {
  await database.db.insert(trips).values({
    bookingId,
    boxId,
    startedAt: at(startedAt),
    endedAt: at(startedAt),
    odometerStart: 100_000,
    odometerEnd: 100_000 + km * 10,
    ignitionSeconds: 1800,
    energyKwh: km / 5,
  });
}

beforeAll(async () => {
  const db = database.db;
  [a, b] = [await makeMunicipality(db), await makeMunicipality(db)];
  operator = await makeUser(db, null, 'operator');
  fleetA = await makeUser(db, a, 'fleet_manager');
  [staffA, staffB] = [await makeUser(db, a), await makeUser(db, b)];
  const carA = await makeVehicle(db, a, { batteryKwh: 50 });
  const carB = await makeVehicle(db, b);
  boxId = randomUUID();
  await db.insert(boxes).values({
    id: boxId,
    vehicleId: carA.id,
    bleAddress: randomMac().toUpperCase(),
    publicKey: randomBytes(32),
  });
  for (const car of [carA, carB])
    await db.insert(vehicleCostRates).values({
      vehicleId: car.id,
      validFrom: '2001-01-01',
      commissionedOn: '2001-01-01',
      retiredOn: null,
      leasingMonthly: 310,
      insuranceMonthly: 0,
      taxMonthly: 0,
      boxFeeMonthly: 0,
      otherMonthly: 0,
      perKm: 0.1,
      perKwh: 0.3,
      perLitre: 0,
    });
  for (const m of [a, b])
    await db
      .insert(municipalityTariffs)
      .values({ municipalityId: m.id, validFrom: '2001-01-01', perHour: 4, perKm: 0.25 });

  // B's staff on A's car (settled), A's no-show on B's car (hours only), a cancellation, one into June.
  const crossing = await book(carA.id, staffB, '2001-05-10T06:00:00Z', '2001-05-10T09:00:00Z');
  await trip(crossing, '2001-05-10T06:10:00Z', 42);
  const noShow = await book(carB.id, staffA, '2001-05-11T06:00:00Z', '2001-05-11T08:00:00Z', 'no_show');
  const cancelled = await book(carA.id, staffA, '2001-05-12T06:00:00Z', '2001-05-12T08:00:00Z', 'cancelled');
  const intoJune = await book(carA.id, staffA, '2001-05-31T18:00:00Z', '2001-06-01T06:00:00Z');
  await trip(intoJune, '2001-05-31T18:30:00Z', 17);
  old.push(crossing, noShow, cancelled, intoJune);
  kept = await book(carA.id, staffB, '2001-07-02T06:00:00Z', '2001-07-02T08:00:00Z');

  await db.insert(bookingEvents).values({
    bookingId: cancelled,
    type: 'cancelled',
    fromStatus: 'reserved',
    toStatus: 'cancelled',
    actorId: staffA.id,
    reason: 'Termin abgesagt',
    at: at('2001-05-01T08:00:00Z'),
  });
  await db.insert(keyCertificates).values({
    boxId,
    serial: 1,
    bookingId: crossing,
    holder: 'phone',
    holderPublicKey: randomBytes(32),
    rights: 15,
    issuedAt: at('2001-05-10T05:50:00Z'),
    notBefore: at('2001-05-10T05:50:00Z'),
    notAfter: at('2001-05-10T09:15:00Z'),
    frame: randomBytes(147),
  });
  await db.insert(gatewayJobs).values({
    stationId: a.station.id,
    boxId,
    bookingId: crossing,
    requestedBy: staffB.id,
    kind: 'command',
    op: 1,
    expiresAt: at('2099-01-01T00:00:00Z'),
  });
  await db.insert(notifications).values({ recipientId: staffB.id, bookingId: crossing, kind: 'reminder' });
  await db.insert(tripAccessLog).values({
    viewerId: fleetA.id,
    subjectId: staffA.id,
    purpose: 'damage',
    reason: 'Kratzer an der Fahrertür gemeldet',
    periodFrom: '2001-05-01',
    periodTo: '2001-06-01',
    at: at('2001-06-02T08:00:00Z'),
  });
});

/** The month's figures of both municipalities in every grouping, and the settlement between them. */
function reportOfTheMonth() {
  return database.db.transaction(async (tx) => {
    const api = callerFor(tx, operator);
    const figures = [];
    for (const municipality of [a, b])
      for (const groupBy of groupings)
        figures.push(await api.reports.figures({ ...month, groupBy, municipalityId: municipality.id }));
    const ours = new Set([a.id, b.id]);
    const settlement = await api.reports.settlement({ month: month.from });
    return {
      figures,
      lines: settlement.lines.filter((line) => old.includes(line.bookingId)),
      matrix: settlement.matrix.filter(
        (cell) => ours.has(cell.driverMunicipalityId) && ours.has(cell.ownerMunicipalityId),
      ),
      net: settlement.net.filter((pair) => ours.has(pair.a) && ours.has(pair.b)),
    };
  });
}

describe('retention', () => {
  it('keeps the month’s report exactly and removes who booked, why, who acted and their keys', async () => {
    const before = await reportOfTheMonth();
    // The scenario is in the report: B owes A 3 h × 4 € + 42 km × 0.25 € = 22.50 €, A owes B 2 h × 4 € = 8 €.
    expect(before.matrix).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ driverMunicipalityId: b.id, ownerMunicipalityId: a.id, amount: 22.5 }),
        expect.objectContaining({ driverMunicipalityId: a.id, ownerMunicipalityId: b.id, amount: 8 }),
      ]),
    );
    expect(await callerFor(database.db, staffB).privacy.myTrips()).toHaveLength(1);

    const stripped = await removePersonalDetail(database.db, cutoff, runAt);
    expect(stripped).toBeGreaterThanOrEqual(old.length);
    expect(await reportOfTheMonth()).toEqual(before);

    const rows = await database.db
      .select()
      .from(bookings)
      .where(inArray(bookings.id, [...old, kept]));
    for (const row of rows.filter((r) => old.includes(r.id))) {
      expect(row).toMatchObject({ userId: null, purpose: null, personalDataRemovedAt: runAt });
      expect(row.driverMunicipalityId).not.toBeNull();
    }
    expect(rows.find((r) => r.id === kept)).toMatchObject({ userId: staffB.id, personalDataRemovedAt: null });
    const [event] = await database.db
      .select()
      .from(bookingEvents)
      .where(eq(bookingEvents.bookingId, old[2] ?? ''));
    expect(event).toMatchObject({ actorId: null, reason: null, type: 'cancelled', toStatus: 'cancelled' });
    const [certificate] = await database.db
      .select()
      .from(keyCertificates)
      .where(eq(keyCertificates.boxId, boxId));
    expect(Buffer.from(certificate?.holderPublicKey ?? []).equals(Buffer.alloc(32))).toBe(true);
    expect(certificate).toMatchObject({ serial: 1, rights: 15 });
    const [job] = await database.db.select().from(gatewayJobs).where(eq(gatewayJobs.boxId, boxId));
    expect(job?.requestedBy).toBeNull();
    expect(
      await database.db
        .select()
        .from(notifications)
        .where(eq(notifications.bookingId, old[0] ?? '')),
    ).toEqual([]);
    expect(
      await database.db.select().from(tripAccessLog).where(eq(tripAccessLog.subjectId, staffA.id)),
    ).toEqual([]);
    // The person's own list no longer holds the old trips: nothing links them to anyone.
    expect(await callerFor(database.db, staffB).privacy.myTrips()).toEqual([]);
    expect(await callerFor(database.db, staffA).privacy.myTrips()).toEqual([]);
  });

  it('runs once a local day, whichever instance asks first; a second start that day does nothing', async () => {
    const day = '2003-07-01';
    await database.db.delete(retentionRuns).where(eq(retentionRuns.day, day));
    const settings = { months: 24, timeZone: 'Europe/Berlin' };
    const [first, second] = await Promise.all([
      runRetention(database.db, runAt, settings),
      runRetention(database.db, runAt, settings),
    ]);
    expect([first, second].filter((count) => count === null)).toHaveLength(1);
    const [run] = await database.db.select().from(retentionRuns).where(eq(retentionRuns.day, day));
    expect(run?.bookings).toBe(first ?? second);
  });

  it('refuses a booking without a person unless retention removed it', async () => {
    await expect(
      database.db.execute(sql`update bookings set user_id = null where id = ${kept}::uuid`),
    ).rejects.toMatchObject({ cause: { code: '23514', constraint: 'bookings_person_until_retention' } });
  });
});
