import { TZDate } from '@date-fns/tz';
import { hashPassword } from 'better-auth/crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './client';
import type { Region } from './region';
import {
  accounts,
  bookings,
  municipalities,
  municipalityAccounting,
  stations,
  users,
  vehicles,
} from './schema';

type BookingRow = typeof bookings.$inferInsert;

/**
 * Fills the database from a region file. Idempotent: what exists (by slug, station name, plate,
 * e-mail) is kept, and demo bookings are made only while the demo people have none.
 */
export async function seedRegion(db: Db, region: Region, options: { now: Date; timeZone: string }) {
  const municipalityIds = new Map<string, string>();
  let newVehicles = 0;
  for (const m of region.municipalities) {
    const [row] = await db
      .insert(municipalities)
      .values({ slug: m.slug, name: m.name, costCentre: m.costCentre })
      .onConflictDoUpdate({ target: municipalities.slug, set: { name: m.name, costCentre: m.costCentre } })
      .returning({ id: municipalities.id });
    if (!row) throw new Error(`seed: municipality ${m.slug} not written`);
    municipalityIds.set(m.slug, row.id);
    if (m.accounting) {
      const values = { vatId: null, taxNumber: null, bic: null, ...m.accounting };
      await db
        .insert(municipalityAccounting)
        .values({ municipalityId: row.id, ...values })
        .onConflictDoUpdate({ target: municipalityAccounting.municipalityId, set: values });
    }
    for (const s of m.stations) {
      const [stationRow] = await db
        .insert(stations)
        .values({
          municipalityId: row.id,
          name: s.name,
          address: s.address,
          latitude: s.lat,
          longitude: s.lng,
          chargePoints: s.chargePoints,
        })
        .onConflictDoUpdate({
          target: [stations.municipalityId, stations.name],
          set: { address: s.address, latitude: s.lat, longitude: s.lng, chargePoints: s.chargePoints },
        })
        .returning({ id: stations.id });
      if (!stationRow) throw new Error(`seed: station ${s.name} not written`);
      for (const v of s.vehicles) {
        const model = region.models[v.model];
        if (!model) throw new Error(`seed: unknown model ${v.model}`);
        const [vehicleRow] = await db
          .insert(vehicles)
          .values({
            ownerMunicipalityId: row.id,
            homeStationId: stationRow.id,
            plate: v.plate,
            ...model,
          })
          .onConflictDoNothing({ target: vehicles.plate })
          .returning({ id: vehicles.id });
        if (vehicleRow) newVehicles++;
      }
    }
  }

  const userIds = await seedDemoUsers(db, region, municipalityIds, options.now);
  const haveBookings = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(bookings)
    .where(inArray(bookings.userId, userIds));
  if ((haveBookings[0]?.n ?? 0) === 0 && userIds.length > 0) {
    const plates = region.municipalities.flatMap((m) =>
      m.stations.flatMap((s) => s.vehicles.map((v) => v.plate)),
    );
    const regionVehicles = await db
      .select({ id: vehicles.id })
      .from(vehicles)
      .where(inArray(vehicles.plate, plates));
    const rows = demoBookings(
      regionVehicles.map((v) => v.id),
      userIds,
      options,
    );
    for (let i = 0; i < rows.length; i += 200) await db.insert(bookings).values(rows.slice(i, i + 200));
  }
  return { municipalities: municipalityIds.size, newVehicles, users: userIds.length };
}

async function seedDemoUsers(db: Db, region: Region, municipalityIds: Map<string, string>, now: Date) {
  const passwordHash = await hashPassword(region.demoPassword);
  const ids: string[] = [];
  for (const person of region.demoUsers) {
    const existing = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, person.email.toLowerCase()));
    if (existing[0]) {
      ids.push(existing[0].id);
      continue;
    }
    const validUntil = new Date(now.getTime() + person.licenceCheckValidForDays * 86_400_000);
    const [row] = await db
      .insert(users)
      .values({
        name: person.name,
        email: person.email.toLowerCase(),
        emailVerified: true,
        role: person.role,
        municipalityId: person.municipality ? municipalityIds.get(person.municipality) : null,
        licenceCheckValidUntil: validUntil.toISOString().slice(0, 10),
      })
      .returning({ id: users.id });
    if (!row) throw new Error(`seed: user ${person.email} not written`);
    // better-auth's e-mail/password accounts: provider "credential", account id = user id.
    await db
      .insert(accounts)
      .values({ userId: row.id, accountId: row.id, providerId: 'credential', password: passwordHash })
      .onConflictDoNothing();
    ids.push(row.id);
  }
  return ids;
}

const purposes = [
  'Außentermin Bauamt',
  'Ortsbegehung',
  'Schulung im Landratsamt',
  'Kita-Besuch',
  'Vor-Ort-Termin Bürgerservice',
  'Botenfahrt',
  'Sitzung Zweckverband',
];

/** Three weeks back and ahead, at most one booking a car a working day, so none can overlap. */
function demoBookings(
  vehicleIds: string[],
  userIds: string[],
  { now, timeZone }: { now: Date; timeZone: string },
): BookingRow[] {
  const random = mulberry32(20_261_126);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
  const today = new TZDate(now, timeZone);
  const rows: BookingRow[] = [];
  for (let offset = -21; offset <= 21; offset++) {
    const day = new TZDate(today.getFullYear(), today.getMonth(), today.getDate() + offset, timeZone);
    if (day.getDay() === 0 || day.getDay() === 6) continue;
    for (const vehicleId of vehicleIds) {
      if (random() > 0.35) continue;
      const startHour = 7 + Math.floor(random() * 9);
      const hours = 1 + Math.floor(random() * 4);
      const startsAt = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), startHour, 0, timeZone);
      const endsAt = new TZDate(
        day.getFullYear(),
        day.getMonth(),
        day.getDate(),
        startHour + hours,
        0,
        timeZone,
      );
      const roll = random();
      const status = demoStatus(startsAt, endsAt, now, roll);
      rows.push({
        vehicleId,
        userId: pick(userIds),
        startsAt: new Date(startsAt.getTime()),
        endsAt: new Date(endsAt.getTime()),
        status,
        purpose: pick(purposes),
        cancelledAt: status === 'cancelled' ? new Date(startsAt.getTime() - 86_400_000) : null,
      });
    }
  }
  return rows;
}

function demoStatus(startsAt: Date, endsAt: Date, now: Date, roll: number): BookingRow['status'] {
  if (roll < 0.05) return 'cancelled';
  if (endsAt <= now) return roll < 0.09 ? 'no_show' : 'completed';
  if (startsAt <= now) return 'active';
  return 'reserved';
}

// A small seeded generator: the demo data is the same on every machine.
function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
