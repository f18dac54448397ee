import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrationsFolder, openDatabase, openPglite } from './client';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tarball of a migrated, empty embedded database; each test file starts its own copy. */
    pgliteDump: string | null;
  }
}

/**
 * Migrates once per run: PostgreSQL in place (DATABASE_URL), or an embedded database dumped to a
 * file, cached by the migrations' content, that every test file loads in about a second.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const database = await openDatabase({ databaseUrl: url, poolSize: 1 });
    await database.migrate();
    await database.close();
    project.provide('pgliteDump', null);
    return;
  }
  const dump = path.join(tmpdir(), 'parthelandmobil-test', `pglite-${await migrationsHash()}.tar.gz`);
  if (!existsSync(dump)) {
    const database = await openPglite({});
    await database.migrate();
    const blob = await database.dump();
    await database.close();
    await mkdir(path.dirname(dump), { recursive: true });
    // Written aside and renamed, so a parallel run never loads half a file.
    const partial = `${dump}.${process.pid}`;
    await writeFile(partial, Buffer.from(await blob.arrayBuffer()));
    await rename(partial, dump);
  }
  project.provide('pgliteDump', dump);
}

async function migrationsHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const folder of [migrationsFolder, path.join(migrationsFolder, 'meta')]) {
    for (const name of (await readdir(folder)).sort()) {
      if (name.endsWith('.sql') || name.endsWith('.json'))
        hash.update(await readFile(path.join(folder, name)));
    }
  }
  return hash.digest('hex').slice(0, 16);
}
