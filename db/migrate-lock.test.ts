import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migrationState, openDatabase } from './client';

const admin = process.env.DATABASE_URL;

async function run(statement: string) {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

// Several instances start at once on an empty PostgreSQL (PGlite is one process: nothing to race).
describe.runIf(admin)('migrating one empty PostgreSQL from several instances at once', () => {
  it('succeeds on every instance: one migrates, the others wait and find the schema current', async () => {
    const name = `pm_migrate_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    await run(`CREATE DATABASE ${name}`);
    const url = new URL(admin ?? '');
    url.pathname = `/${name}`;
    const instances = await Promise.all(
      Array.from({ length: 4 }, () => openDatabase({ databaseUrl: url.toString(), poolSize: 2 })),
    );
    try {
      const outcomes = await Promise.allSettled(instances.map((instance) => instance.migrate()));
      expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
      const [first] = instances;
      if (!first) throw new Error('no instance');
      expect(await migrationState(first.db)).toMatchObject({ current: true });
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
      await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });
});
