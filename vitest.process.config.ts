import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The process tests (`npm run test:process`): the built app (`next build` first) started as
 * production starts it, stopped, killed and run as several instances. They need DATABASE_URL
 * naming a PostgreSQL server where they may create (and drop) databases of their own.
 */
export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // Tests run outside React's server condition; the marker's server build is an empty module.
      'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    include: ['server/process/**/*.process.test.ts'],
    // One file at a time: each starts servers on the same few ports.
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 120_000,
    allowOnly: !process.env.CI,
  },
});
