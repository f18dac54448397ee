import { defineConfig } from 'drizzle-kit';

// Only `generate` is used: migrations run from code (db/migrate.ts), the same on both engines.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
