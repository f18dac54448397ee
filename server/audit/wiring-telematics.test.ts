/**
 * Boxes and gateways, and every key issued (a phone's, the relay's for a command), write one audit
 * entry each, with no secret in it (no gateway token, no box seed, no private key); a refused
 * change writes none.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testDatabaseForFile } from '@/db/test-db';
import { benchKeys } from '@/telematics/box/testing';
import { toHex } from '@/telematics/protocol';
import { carryCommand, carWithBox, currentBooking, pullOne, randomMac } from '../telematics/test-fixtures';
import { stopWakeups } from '../telematics/wakeups';
import { callerFor, makeMunicipality, makeUser, makeVehicle } from '../test-support';
import { entriesBy, entriesOf, onlyEntryOf } from './test-kit';

const database = testDatabaseForFile(stopWakeups);

describe('telematics.provisionBox', () => {
  it('logs box, car, address, public key and firmware, never the seed', async () => {
    const s = await carWithBox(database.db);
    const entry = await onlyEntryOf(database.db, s.boxId);
    expect(entry).toMatchObject({
      actorId: s.manager.id,
      action: 'box.provision',
      objectType: 'box',
      municipalityId: s.home.id,
      before: null,
      after: { id: s.boxId, vehicleId: s.car.id, bleAddress: expect.any(String), firmware: null },
    });
    const after = entry.after as Record<string, string>;
    expect(after.publicKey).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(after)).not.toContain('seed');
    expect(JSON.stringify(entry)).not.toContain(toHex(s.store.seed));
  });

  it('logs nothing for another municipality’s car, a bad key or a car that has a box', async () => {
    const s = await carWithBox(database.db);
    const stranger = await makeUser(database.db, await makeMunicipality(database.db), 'fleet_manager');
    await expect(
      callerFor(database.db, stranger).telematics.provisionBox({ vehicleId: s.car.id, address: randomMac() }),
    ).rejects.toMatchObject({ cause: { code: 'OTHER_MUNICIPALITY' } });
    const manager = await makeUser(database.db, s.home, 'fleet_manager');
    const api = callerFor(database.db, manager);
    const other = await makeVehicle(database.db, s.home);
    await expect(
      api.telematics.provisionBox({ vehicleId: other.id, address: randomMac(), publicKey: '00'.repeat(31) }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      api.telematics.provisionBox({ vehicleId: s.car.id, address: randomMac() }),
    ).rejects.toMatchObject({
      cause: { code: 'BOX_ALREADY_PROVISIONED' },
    });
    expect(await entriesBy(database.db, stranger.id)).toEqual([]);
    expect(await entriesBy(database.db, manager.id)).toEqual([]);
  });
});

describe('telematics.registerGateway and revokeGateway', () => {
  it('logs id, station and name, never the token; a revocation once', async () => {
    const s = await carWithBox(database.db);
    const manager = await makeUser(database.db, s.home, 'fleet_manager');
    const api = callerFor(database.db, manager);
    const name = `GW ${randomUUID()}`;
    const made = await api.telematics.registerGateway({ stationId: s.home.station.id, name });
    await api.telematics.revokeGateway({ gatewayId: made.id });
    await api.telematics.revokeGateway({ gatewayId: made.id });
    const entries = await entriesOf(database.db, made.id);
    expect(entries).toMatchObject([
      {
        actorId: manager.id,
        action: 'gateway.register',
        objectType: 'gateway',
        municipalityId: s.home.id,
        after: { id: made.id, stationId: s.home.station.id, name },
      },
      {
        action: 'gateway.revoke',
        before: { revokedAt: null },
        after: { name, revokedAt: expect.any(String) },
      },
    ]);
    expect(JSON.stringify(entries)).not.toContain(made.token);
  });

  it('logs nothing for another municipality’s station or a name taken', async () => {
    const s = await carWithBox(database.db);
    const name = `GW ${randomUUID()}`;
    const made = await s.admin.telematics.registerGateway({ stationId: s.home.station.id, name });
    const stranger = await makeUser(database.db, await makeMunicipality(database.db), 'fleet_manager');
    const foreign = callerFor(database.db, stranger).telematics;
    await expect(
      foreign.registerGateway({ stationId: s.home.station.id, name: 'Fremd' }),
    ).rejects.toMatchObject({
      cause: { code: 'OTHER_MUNICIPALITY' },
    });
    await expect(foreign.revokeGateway({ gatewayId: made.id })).rejects.toMatchObject({
      cause: { code: 'OTHER_MUNICIPALITY' },
    });
    const manager = await makeUser(database.db, s.home, 'fleet_manager');
    await expect(
      callerFor(database.db, manager).telematics.registerGateway({ stationId: s.home.station.id, name }),
    ).rejects.toMatchObject({ cause: { code: 'GATEWAY_NAME_TAKEN' } });
    expect(await entriesBy(database.db, stranger.id)).toEqual([]);
    expect(await entriesBy(database.db, manager.id)).toEqual([]);
    expect((await entriesOf(database.db, made.id)).map((e) => e.action)).toEqual(['gateway.register']);
  });
});

describe('key.issue', () => {
  it('logs a phone key: the person, booking, car, window and serial', async () => {
    const s = await carWithBox(database.db);
    const booking = await currentBooking(s);
    const key = await s.api.telematics.phoneKey({
      bookingId: booking.id,
      holderPublicKey: toHex(benchKeys.holder.publicKey),
    });
    const [entry, ...more] = await entriesBy(database.db, s.driver.id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actorName: s.driver.name,
      action: 'key.issue',
      objectType: 'key',
      municipalityId: s.home.id,
      after: {
        bookingId: booking.id,
        bookerId: s.driver.id,
        vehicleId: s.car.id,
        boxId: s.boxId,
        serial: key.serial,
        holder: 'phone',
        notBefore: key.notBefore.toISOString(),
        notAfter: key.notAfter.toISOString(),
      },
    });
  });

  it('logs the relay key a command is signed with once, by the system', async () => {
    const s = await carWithBox(database.db);
    const booking = await currentBooking(s);
    for (const op of ['unlock', 'lock'] as const) {
      const { jobId } = await s.api.telematics.command({ bookingId: booking.id, op });
      expect((await pullOne(s)).id).toBe(jobId);
      await carryCommand(s, jobId);
    }
    const keys = (await entriesBy(database.db, s.driver.id)).filter((e) => e.action === 'key.issue');
    expect(keys).toEqual([]);
    const [unlock] = await database.db.query.keyCertificates.findMany({
      where: (c, { eq }) => eq(c.bookingId, booking.id),
    });
    const entries = await entriesOf(database.db, unlock?.id ?? '');
    expect(entries).toMatchObject([
      {
        actorId: null,
        actorName: 'System',
        action: 'key.issue',
        after: { holder: 'relay', bookingId: booking.id },
      },
    ]);
  });

  it('logs nothing for a key refused to someone else', async () => {
    const s = await carWithBox(database.db);
    const booking = await currentBooking(s);
    const other = await makeUser(database.db, s.home);
    await expect(
      callerFor(database.db, other).telematics.phoneKey({
        bookingId: booking.id,
        holderPublicKey: toHex(benchKeys.holder.publicKey),
      }),
    ).rejects.toMatchObject({ code: expect.any(String) });
    expect(await entriesBy(database.db, other.id)).toEqual([]);
  });
});
