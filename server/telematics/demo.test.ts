import { inArray } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { boxes } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import { fromHex, keyPairFromSeed, toHex } from '@/telematics/protocol';
import { makeMunicipality, makeVehicle } from '../test-support';
import { demoBoxIdentity, provisionDemo } from './demo';
import { fleetKeys } from './keys';
import { gatewayCaller } from './test-fixtures';

const database = testDatabaseForFile();

// Limited to its own municipality: tests share one PostgreSQL database.
it('provisions demo boxes and gateways idempotently, with seeds and tokens that work', async () => {
  const { db } = database;
  const home = await makeMunicipality(db);
  const cars = [await makeVehicle(db, home), await makeVehicle(db, home)];
  const keys = await fleetKeys();
  const first = await provisionDemo(db, keys, {
    secret: 'demo secret for tests',
    municipalityIds: [home.id],
  });
  const second = await provisionDemo(db, keys, {
    secret: 'demo secret for tests',
    municipalityIds: [home.id],
  });
  expect(second).toEqual(first);

  const mine = first.boxes.filter((b) => cars.some((c) => c.id === b.vehicleId));
  expect(mine).toHaveLength(2);
  const stored = await db
    .select()
    .from(boxes)
    .where(
      inArray(
        boxes.vehicleId,
        cars.map((c) => c.id),
      ),
    );
  for (const box of mine) {
    expect(box.boxId).toBe(demoBoxIdentity(box.plate).boxId);
    const row = stored.find((r) => r.id === box.boxId);
    expect(toHex(row?.publicKey ?? new Uint8Array())).toBe(
      toHex(keyPairFromSeed(fromHex(box.seed)).publicKey),
    );
  }
  const gateway = first.gateways.find((g) => g.stationId === home.station.id);
  if (!gateway) throw new Error('no demo gateway for the station');
  const listed = await gatewayCaller(db, gateway.token).gateway.boxes();
  expect(listed.boxes.map((b) => b.boxId).sort()).toEqual(mine.map((b) => b.boxId).sort());
});
