import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import type { SessionUser } from '../auth/queries';
import { cameraJpeg } from '../damage/test-fixtures';
import { folderStore, type ObjectStore } from '../storage';
import { testContext } from '../test-context';
import { makeMunicipality, makeUser } from '../test-support';
import { serveVehiclePhoto, uploadVehiclePhoto } from './admin-photo';
import { carInput, fleetOf } from './admin-test-kit';

const database = testDatabaseForFile();
const origin = 'http://localhost:3000';
let folder: string;
let store: ObjectStore;

const upload = (
  user: SessionUser | null,
  vehicleId: string,
  body: BodyInit,
  headers: Record<string, string> = {},
) =>
  uploadVehiclePhoto(
    testContext(database.db, user),
    store,
    new Request(`${origin}/api/fahrzeuge/foto?fahrzeug=${vehicleId}`, {
      method: 'POST',
      body,
      headers: { origin, ...headers },
      duplex: 'half',
    } as RequestInit),
    origin,
  );
const files = (vehicleId: string) => readdir(path.join(folder, 'vehicle-photos', vehicleId)).catch(() => []);

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'vehicle-photos-'));
  store = folderStore(folder);
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('a car’s photo', () => {
  it('is kept re-encoded, without EXIF or GPS, audited, and shown to anyone signed in', async () => {
    const { db } = database;
    const { home, manager, managerUser } = await fleetOf(db);
    const car = await manager.vehicles.create(carInput(home));
    const answer = await upload(managerUser, car.id, await cameraJpeg(), { 'content-type': 'image/png' });
    expect(answer.status).toBe(201);
    expect(await answer.json()).toEqual({ width: 48, height: 64 });
    expect(await files(car.id)).toHaveLength(1);
    expect((await manager.vehicles.managed()).find((v) => v.id === car.id)?.hasPhoto).toBe(true);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'vehicle.update'), eq(auditLog.objectId, car.id)));
    expect(entry).toMatchObject({ objectId: car.id, before: { photoKey: null } });

    const staff = await makeUser(db, await makeMunicipality(db));
    const served = await serveVehiclePhoto(testContext(db, staff), store, car.id);
    expect(served.status).toBe(200);
    const body = Buffer.from(await served.arrayBuffer());
    const metadata = await sharp(body).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 48, height: 64 });
    expect(metadata.exif).toBeUndefined();
    expect(body.includes('GPS-Phone')).toBe(false);
    expect((await serveVehiclePhoto(testContext(db, null), store, car.id)).status).toBe(401);
  });

  it('is set only by the car’s managers, and only from an image; a refusal stores nothing', async () => {
    const { db } = database;
    const { home, manager, managerUser } = await fleetOf(db);
    const car = await manager.vehicles.create(carInput(home));
    const stranger = await makeUser(db, await makeMunicipality(db), 'fleet_manager');
    expect((await upload(stranger, car.id, await cameraJpeg())).status).toBe(403);
    expect((await upload(await makeUser(db, home), car.id, await cameraJpeg())).status).toBe(403);
    expect((await upload(managerUser, car.id, Buffer.from('<svg/>'))).status).toBe(415);
    expect(
      (await upload(managerUser, car.id, await cameraJpeg(), { origin: 'https://evil.example' })).status,
    ).toBe(403);
    expect(await files(car.id)).toEqual([]);
    expect((await serveVehiclePhoto(testContext(db, managerUser), store, car.id)).status).toBe(404);
  });
});
