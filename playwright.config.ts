import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;

/**
 * Drives the built app (`next build` first) in Debian's Chromium. Without DATABASE_URL the server
 * gets a fresh embedded database in a folder of its own, migrated and seeded on start.
 */
export default defineConfig({
  testDir: 'e2e',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-extensions',
        '--enable-unsafe-swiftshader',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'] } },
    { name: 'phone', use: { ...devices['Pixel 7'] } },
  ],
  webServer: {
    // The production server process (server/http-server.ts), as `npm run serve` and systemd start it.
    command: 'rm -rf .e2e-data && exec node --import tsx server/http-server.ts',
    url: `${baseURL}/anmelden`,
    timeout: 120_000,
    reuseExistingServer: !process.env.CI,
    // As Ctrl+C does: the server drains, then stops its demo (gateways, node-ble, the dbus-daemon) and its database.
    gracefulShutdown: { signal: 'SIGINT', timeout: 15_000 },
    env: {
      DATA_DIR: '.e2e-data',
      APP_URL: baseURL,
      PORT: String(port),
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      // The demo gateways reach their boxes through node-ble, a private dbus-daemon and the BlueZ
      // double, so the unlock test covers the production radio path (needs Debian's `dbus`).
      DEMO_RADIO: 'bluez',
      // The specs make and remove their own municipality, cars and people through POST /api/e2e.
      E2E_FACTORIES: 'on',
    },
  },
});
