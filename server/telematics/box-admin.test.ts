/** The boxes and gateways pages' procedures: what a car's box shows, replacing it, the rotation's guards. */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, boxes } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { toHex } from '@/telematics/protocol';
import { fieldErrorsOf } from '../fleet/admin-test-kit';
import { callerFor, makeUser } from '../test-support';
import { carryCommand, carWithBox, currentBooking, pullOne, randomMac } from './test-fixtures';
import { stopWakeups } from './wakeups';

const database = testDatabaseForFile(stopWakeups);
const key = (fill: number) => 'ab'.repeat(31) + fill.toString(16).padStart(2, '0');

describe('the boxes page', () => {
  it('shows the box, its last contact, the log position and what the box reported beyond it', async () => {
    const s = await carWithBox(database.db);
    const before = (await s.admin.telematics.boxes()).find((row) => row.vehicleId === s.car.id);
    expect(before?.box).toMatchObject({ boxId: s.boxId, lastContactAt: null, lastSeq: 0, unsynced: null });
    expect(before?.box?.fingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/);

    const booking = await currentBooking(s);
    const { jobId } = await s.api.telematics.command({ bookingId: booking.id, op: 'unlock' });
    expect((await pullOne(s)).id).toBe(jobId);
    await carryCommand(s, jobId);
    const after = (await s.admin.telematics.boxes()).find((row) => row.vehicleId === s.car.id);
    // The box answered with logSeq 1 (its unlock record); the server holds none of its log yet.
    expect(after?.box).toMatchObject({ lastSeq: 0, reportedSeq: 1, unsynced: 1 });
    expect(after?.box?.lastContactAt).toBeInstanceOf(Date);
  });

  it('replaces a box: the new one serves the car, the old one stays with its history', async () => {
    const s = await carWithBox(database.db);
    const boxId = crypto.randomUUID();
    await s.admin.telematics.provisionBox({
      vehicleId: s.car.id,
      boxId,
      publicKey: key(1),
      address: randomMac(),
      firmware: 'pmk1 2.0',
      replace: true,
    });
    const rows = await database.db.select().from(boxes).where(eq(boxes.vehicleId, s.car.id));
    expect(rows.map((row) => [row.id, row.replacedAt === null])).toEqual(
      expect.arrayContaining([
        [s.boxId, false],
        [boxId, true],
      ]),
    );
    expect(await s.gateway.gateway.boxes()).toMatchObject({ boxes: [{ boxId }] });
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, boxId), eq(auditLog.action, 'box.replace')));
    expect(entry?.before).toMatchObject({ id: s.boxId });
    // Without replace, a second box for the car is refused as before.
    await expect(
      s.admin.telematics.provisionBox({ vehicleId: s.car.id, publicKey: key(2), address: randomMac() }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('names each bad field in German and writes nothing', async () => {
    const s = await carWithBox(database.db);
    const fields = await fieldErrorsOf(
      s.admin.telematics.provisionBox({
        vehicleId: s.car.id,
        boxId: 'x',
        publicKey: 'zz',
        address: '1:2',
        replace: true,
      }),
    );
    expect(fields?.boxId?.[0]).toMatch(/^Eine Box-ID als UUID/);
    expect(fields?.publicKey).toEqual(['32 Bytes als 64 Hexadezimalziffern.']);
    expect(fields?.address).toEqual(['Eine Bluetooth-Adresse wie AA:BB:CC:DD:EE:FF.']);
    const rows = await database.db.select().from(boxes).where(eq(boxes.vehicleId, s.car.id));
    expect(rows).toHaveLength(1);
    expect(toHex(rows[0]?.publicKey ?? new Uint8Array()).length).toBe(64);
  });

  it('lists only the manager’s own gateways; the rotation is the operator’s, against a stale page refused', async () => {
    const s = await carWithBox(database.db);
    const other = await carWithBox(database.db);
    const mine = await s.admin.telematics.gateways();
    expect(mine.every((g) => g.stationId === s.home.station.id)).toBe(true);
    expect(mine.some((g) => g.stationId === other.home.station.id)).toBe(false);
    await expect(s.admin.telematics.caRotation()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const operator = callerFor(database.db, await makeUser(database.db, s.home, 'operator'));
    const overview = await operator.telematics.caRotation();
    expect(overview.phase).toBe('idle');
    // A second tab that saw another generation: refused, nothing started.
    await expect(
      operator.telematics.startCaRotation({ activeGeneration: (overview.activeGeneration ?? 0) + 5 }),
    ).rejects.toMatchObject({ message: expect.stringContaining('anderen Fenster') });
    expect((await operator.telematics.caRotation()).nextGeneration).toBeNull();
  });
});
