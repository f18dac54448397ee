import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { damagePhotos, notifications } from '@/db/schema';
import { testDatabaseForFile } from '@/db/test-db';
import type { SessionUser } from '../auth/queries';
import { folderStore, type ObjectStore } from '../storage';
import { testContext } from '../test-context';
import { callerFor } from '../test-support';
import { serveDamagePhoto, uploadDamagePhoto } from './http';
import { MAX_PHOTO_BYTES } from './photos';
import { cameraJpeg, damageWorld, pastBooking } from './test-fixtures';

const database = testDatabaseForFile();
const origin = 'http://localhost:3000';
let folder: string;
let store: ObjectStore;
let world: Awaited<ReturnType<typeof damageWorld>>;
let bookingId: string;
let damageId: string;

const HOUR = 3_600_000;

const upload = (
  user: SessionUser | null,
  body: BodyInit,
  headers: Record<string, string> = {},
  id = damageId,
) =>
  uploadDamagePhoto(
    testContext(database.db, user),
    store,
    new Request(`${origin}/api/schaeden/fotos?meldung=${id}`, {
      method: 'POST',
      body,
      headers: { origin, ...headers },
      duplex: 'half',
    } as RequestInit),
    origin,
  );

async function stored() {
  const rows = await database.db.select().from(damagePhotos).where(eq(damagePhotos.damageId, damageId));
  const files = await readdir(path.join(folder, 'damage-photos', damageId)).catch(() => []);
  return { rows: rows.length, files: files.length };
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'damage-photos-'));
  store = folderStore(folder);
  world = await damageWorld(database.db);
  const now = Date.now();
  bookingId = await pastBooking(
    database.db,
    world.car.id,
    world.booker,
    new Date(now - 3 * HOUR),
    new Date(now - HOUR),
  );
  const report = await callerFor(database.db, world.booker).damage.report({
    bookingId,
    description: 'Kratzer an der Beifahrertür',
    drivable: true,
  });
  damageId = report.id;
});

afterAll(() => rm(folder, { recursive: true, force: true }));

describe('damage reports', () => {
  it('tells each fleet manager of the car’s municipality, and no one else', async () => {
    const queued = await database.db
      .select({ recipientId: notifications.recipientId, payload: notifications.payload })
      .from(notifications)
      .where(and(eq(notifications.bookingId, bookingId), eq(notifications.kind, 'damage_reported')));
    expect(queued).toEqual([
      {
        recipientId: world.manager.id,
        payload: { managerId: world.manager.id, description: 'Kratzer an der Beifahrertür', drivable: true },
      },
    ]);
  });

  it('answers another person’s booking as one that does not exist, and writes nothing', async () => {
    const input = { bookingId, description: 'Delle', drivable: false };
    const missing = { ...input, bookingId: randomUUID() };
    for (const user of [world.colleague, world.otherManager]) {
      await expect(callerFor(database.db, user).damage.report(input)).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: 'Diese Buchung gibt es nicht (mehr).',
      });
      await expect(callerFor(database.db, user).damage.ofBooking({ bookingId })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    await expect(callerFor(database.db, world.booker).damage.report(missing)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const list = await callerFor(database.db, world.manager).damage.ofBooking({ bookingId });
    expect(list.map((d) => d.id)).toEqual([damageId]);
  });

  it('refuses a description too short, at its field', async () => {
    await expect(
      callerFor(database.db, world.booker).damage.report({ bookingId, description: ' x ', drivable: true }),
    ).rejects.toSatisfy(
      (error: { code?: string; cause?: unknown }) =>
        error.code === 'BAD_REQUEST' &&
        (z.flattenError(error.cause as z.ZodError).fieldErrors as Record<string, string[]>)
          .description?.[0] === 'Bitte beschreiben Sie den Schaden in ein paar Worten.',
    );
  });
});

describe('damage photos', () => {
  it('refuses what is no image, whatever its name and Content-Type say, and writes nothing', async () => {
    const forged = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const answer = await upload(world.booker, forged, { 'content-type': 'image/jpeg' });
    expect(answer.status).toBe(415);
    expect((await answer.json()).error.data.appCode).toBe('PHOTO_TYPE_NOT_ALLOWED');
    // A JPEG's first bytes and then nothing decodable.
    const truncated = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
    expect((await upload(world.booker, truncated, { 'content-type': 'image/jpeg' })).status).toBe(415);
    expect(await stored()).toEqual({ rows: 0, files: 0 });
  });

  it('refuses more than 10 MB, stated or streamed, and writes nothing', async () => {
    const big = Buffer.concat([await cameraJpeg(), Buffer.alloc(MAX_PHOTO_BYTES)]);
    const stated = await upload(world.booker, big, { 'content-type': 'image/jpeg' });
    expect(stated.status).toBe(413);
    expect((await stated.json()).error.data.appCode).toBe('PHOTO_TOO_LARGE');
    // No Content-Length: a stream that goes on past the limit is cut off as it comes.
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1 << 20;
        controller.enqueue(new Uint8Array(1 << 20).fill(0xff));
      },
    });
    expect((await upload(world.booker, endless)).status).toBe(413);
    expect(sent).toBeLessThan(MAX_PHOTO_BYTES + 4 * (1 << 20));
    expect(await stored()).toEqual({ rows: 0, files: 0 });
  });

  it('refuses an upload from another origin', async () => {
    const answer = await upload(world.booker, await cameraJpeg(), { origin: 'https://evil.example' });
    expect(answer.status).toBe(403);
    expect(await stored()).toEqual({ rows: 0, files: 0 });
  });

  it('keeps a re-encoded JPEG without EXIF or GPS, turned upright', async () => {
    const original = await cameraJpeg();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    // Named and typed as a PNG: the bytes decide.
    const answer = await upload(world.booker, original, { 'content-type': 'image/png' });
    expect(answer.status).toBe(201);
    const photo = (await answer.json()) as { id: string; width: number; height: number };
    expect({ width: photo.width, height: photo.height }).toEqual({ width: 48, height: 64 });
    expect(await stored()).toEqual({ rows: 1, files: 1 });

    const served = await serveDamagePhoto(testContext(database.db, world.manager), store, photo.id);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    const body = Buffer.from(await served.arrayBuffer());
    const metadata = await sharp(body).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 48, height: 64 });
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect(body.includes('GPS-Phone')).toBe(false);
    expect(body.includes('TestCam')).toBe(false);
  });

  it('serves photos and takes uploads only for who may see the report', async () => {
    const [row] = await database.db
      .select({ id: damagePhotos.id })
      .from(damagePhotos)
      .where(eq(damagePhotos.damageId, damageId));
    if (!row) throw new Error('no photo');
    for (const user of [world.colleague, world.otherManager]) {
      const served = await serveDamagePhoto(testContext(database.db, user), store, row.id);
      expect(served.status).toBe(404);
      expect((await upload(user, await cameraJpeg())).status).toBe(404);
    }
    expect((await serveDamagePhoto(testContext(database.db, null), store, row.id)).status).toBe(401);
    expect((await serveDamagePhoto(testContext(database.db, world.booker), store, row.id)).status).toBe(200);
    expect(await stored()).toEqual({ rows: 1, files: 1 });
  });
});
