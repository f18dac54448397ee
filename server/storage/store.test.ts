/**
 * Both places a deployment keeps uploads, held to one contract: the folder under DATA_DIR, and an
 * S3 bucket over the S3 protocol (s3rver, an S3-compatible server, in this process: no fake client).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderStore, type ObjectStore, objectStoreOf } from '.';

let folder: string;
let server: S3rver;
let endpoint: string;
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'pm-store-'));
  server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: path.join(folder, 's3'),
    configureBuckets: [{ name: 'fotos' }],
  });
  endpoint = `http://127.0.0.1:${(await server.run()).port}`;
});
afterAll(async () => {
  await server.close();
  await rm(folder, { recursive: true, force: true });
});

const bucketStore = () =>
  objectStoreOf({
    DATA_DIR: folder,
    S3_BUCKET: 'fotos',
    S3_ENDPOINT: endpoint,
    S3_REGION: 'eu-central-1',
    S3_ACCESS_KEY_ID: credentials.accessKeyId,
    S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    S3_FORCE_PATH_STYLE: true,
  });

describe.each([
  ['a folder under DATA_DIR', () => folderStore(path.join(folder, 'objects'))],
  ['an S3 bucket', bucketStore],
] as [string, () => ObjectStore][])('uploads kept in %s', (_, storeOf) => {
  it('gives back the bytes put under a key, and null for a key never put', async () => {
    const store = storeOf();
    const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);
    await store.put('schaeden/2026/foto-1.jpg', photo, 'image/jpeg');
    expect(await store.get('schaeden/2026/foto-1.jpg')).toEqual(photo);
    expect(await store.get('schaeden/2026/foto-2.jpg')).toBeNull();
  });

  it('refuses a key that could leave its place, writing nothing', async () => {
    const store = storeOf();
    for (const key of ['../ausserhalb.jpg', '/absolut.jpg', 'a/../../b.jpg', 'Gross.JPG'])
      await expect(store.put(key, Buffer.from('x'), 'image/jpeg')).rejects.toThrow('object key not allowed');
  });
});

it('stores an object in the bucket with its content type', async () => {
  await bucketStore().put('schaeden/typ.jpg', Buffer.from('jpeg'), 'image/jpeg');
  const client = new S3Client({ region: 'eu-central-1', endpoint, forcePathStyle: true, credentials });
  const head = await client.send(new HeadObjectCommand({ Bucket: 'fotos', Key: 'schaeden/typ.jpg' }));
  expect(head).toMatchObject({ ContentType: 'image/jpeg', ContentLength: 4 });
});
