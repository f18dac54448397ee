import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = { '@': fileURLToPath(new URL('./', import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    // Each worker may open its own embedded database (≈ 700 MB); two fit the 2-core machines.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    allowOnly: !process.env.CI,
    projects: [
      {
        resolve: { alias },
        test: { name: 'telematics', include: ['telematics/**/*.test.ts'] },
      },
      {
        resolve: { alias },
        test: {
          name: 'server',
          include: ['server/**/*.test.ts', 'db/**/*.test.ts'],
          globalSetup: ['db/test-global-setup.ts'],
        },
      },
    ],
  },
});
