import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { municipalities, stations, users, vehicles } from '@/db/schema';
import type { SessionUser } from './auth/queries';
import { createCaller } from './root';
import { testContext } from './test-context';

/**
 * Factories for integration tests. Every call makes its own rows with unique names, so tests
 * sharing one PostgreSQL database never see each other's data.
 */
export async function makeMunicipality(db: Db) {
  const slug = `test-${randomUUID().slice(0, 8)}`;
  const [row] = await db
    .insert(municipalities)
    .values({
      slug,
      name: `Testgemeinde ${slug}`,
      nameGenitive: `der Testgemeinde ${slug}`,
      nameDative: `der Testgemeinde ${slug}`,
      costCentre: 'KST-TEST',
    })
    .returning();
  if (!row) throw new Error('no municipality');
  const [station] = await db
    .insert(stations)
    .values({
      municipalityId: row.id,
      name: `Rathaus ${slug}`,
      latitude: 51.3,
      longitude: 12.6,
      chargePoints: 2,
    })
    .returning();
  if (!station) throw new Error('no station');
  return { ...row, station };
}

type Municipality = Awaited<ReturnType<typeof makeMunicipality>>;

export async function makeVehicle(
  db: Db,
  municipality: Municipality,
  overrides: Partial<typeof vehicles.$inferInsert> = {},
) {
  const [row] = await db
    .insert(vehicles)
    .values({
      ownerMunicipalityId: municipality.id,
      homeStationId: municipality.station.id,
      plate: `T-${randomUUID().slice(0, 8)}`,
      make: 'VW',
      model: 'ID.3',
      powertrain: 'ev',
      seats: 5,
      batteryKwh: 58,
      rangeKm: 420,
      turnaroundBufferMinutes: 15,
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('no vehicle');
  return row;
}

export async function makeUser(
  db: Db,
  municipality: Municipality | null,
  role: SessionUser['role'] = 'staff',
): Promise<SessionUser> {
  const [row] = await db
    .insert(users)
    .values({
      name: 'Test Person',
      email: `${randomUUID()}@test.example`,
      role,
      municipalityId: municipality?.id ?? null,
      licenceCheckValidUntil: '2099-01-01',
    })
    .returning();
  if (!row) throw new Error('no user');
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    municipalityId: row.municipalityId,
    licenceCheckValidUntil: row.licenceCheckValidUntil,
    language: row.language,
  };
}

export const callerFor = (db: Db, user: SessionUser | null) => createCaller(testContext(db, user));

/** A window starting `startHours` from now, `hours` long, whole minutes. */
export function hoursFromNow(startHours: number, hours: number, now = new Date()) {
  const base = Math.ceil(now.getTime() / 60_000) * 60_000;
  const from = new Date(base + startHours * 3_600_000);
  return { from, to: new Date(from.getTime() + hours * 3_600_000) };
}

/** PostgreSQL: whether another connection waits for a lock that backend `pid` holds (not just any test's wait). */
export async function isWaitedFor(db: Db, pid: number) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sql`pg_stat_activity`)
    .where(sql`${pid}::int = any (pg_blocking_pids(pid))`);
  return (row?.n ?? 0) > 0;
}
