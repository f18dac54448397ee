import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // Tests run outside React's server condition; the marker's server build is an empty module.
      'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    // Each worker may open its own embedded database (≈ 700 MB); two fit the 2-core machines.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    allowOnly: !process.env.CI,
    // Projects extend this file: the alias, timeouts and worker count above hold for both.
    projects: [
      {
        extends: true,
        test: { name: 'telematics', include: ['telematics/**/*.test.ts'] },
      },
      // Pure functions of the pages (no database, no browser).
      {
        extends: true,
        test: { name: 'app', include: ['app/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['server/**/*.test.ts', 'db/**/*.test.ts'],
          // They need the built app: `npm run test:process` (vitest.process.config.ts) after the build.
          exclude: ['**/*.process.test.ts'],
          globalSetup: ['db/test-global-setup.ts'],
        },
      },
    ],
  },
});
