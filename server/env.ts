import { isIP } from 'node:net';
import { z } from 'zod';

// An empty variable counts as unset, so `FOO=` in a .env file falls back to the default.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/** An Ed25519 seed: 32 bytes as 64 hex digits or as base64 (either alphabet). */
const seed32 = z
  .string()
  .trim()
  .refine((text) => /^[0-9a-fA-F]{64}$/.test(text) || /^[A-Za-z0-9+/_-]{43}=?$/.test(text), {
    message: 'must be 32 bytes as 64 hex digits or base64',
  })
  .transform(
    (text) =>
      new Uint8Array(/^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64')),
  );

const envSchema = z.object({
  DATABASE_URL: optional(z.url({ protocol: /^postgres(ql)?$/ })),
  DATA_DIR: optional(z.string()).transform((value) => value ?? './data'),
  AUTH_SECRET: optional(z.string().min(32, 'must be at least 32 characters')),
  APP_URL: optional(z.url()).transform((value) => value ?? 'http://localhost:3000'),
  /** Where the app's own HTTP server (server/http-server.ts) listens. */
  PORT: optional(z.coerce.number().int().min(1).max(65_535)).transform((value) => value ?? 3000),
  /** The address it binds to; unset → all interfaces. */
  HOST: optional(z.string().trim()),
  /** The zone of the region's wall clocks: booking times, report periods, calendar files. */
  TIME_ZONE: optional(z.string().refine(isTimeZone, 'must be an IANA time zone')).transform(
    (value) => value ?? 'Europe/Berlin',
  ),
  /**
   * Proxies whose X-Forwarded-For is believed (addresses or CIDR ranges, comma-separated);
   * unset → none: the client address is the socket's peer, whatever a client writes in headers.
   */
  TRUSTED_PROXIES: optional(z.string())
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .refine(
      (entries) => entries.every(isAddressOrRange),
      'must be IP addresses or CIDR ranges, comma-separated',
    ),
  REGION_FILE: optional(z.string()).transform((value) => value ?? 'db/regions/partheland.json'),
  /**
   * Seeds of the fleet CA and relay keys; unset → made once and kept in DATA_DIR (the embedded
   * demo only: with DATABASE_URL the start refuses without them, see missingSharedSecrets).
   */
  FLEET_CA_SEED: optional(seed32),
  RELAY_KEY_SEED: optional(seed32),
  /**
   * Seeds of the later fleet CA generations (2, 3, …), comma-separated in that order, for a CA
   * rotation (telematics/PROTOCOL.md); a generation without one is made once and kept in DATA_DIR.
   * With DATABASE_URL every instance needs the same list before a rotation starts.
   */
  FLEET_CA_NEXT_SEEDS: optional(z.string())
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(seed32)),
  /** Outgoing mail server, e.g. smtp://user:pass@mail.example:587; unset → .eml files in MAIL_DIR. */
  SMTP_URL: optional(z.url({ protocol: /^smtps?$/ })),
  MAIL_FROM: optional(z.string().trim().min(3)).transform(
    (value) => value ?? 'ParthelandMobil <noreply@localhost>',
  ),
  /** Days before a licence check runs out that the person and their fleet managers are told. */
  LICENCE_NOTICE_DAYS: optional(z.coerce.number().int().min(1).max(365)).transform((value) => value ?? 14),
  /**
   * Months a finished booking keeps its person (who booked, the purpose, who acted on it) before
   * the daily retention job removes them; the reports' figures stay (server/privacy/retention.ts).
   */
  RETENTION_MONTHS: optional(z.coerce.number().int().min(1).max(120)).transform((value) => value ?? 24),
  /** Where the demo transport writes its .eml files; unset → DATA_DIR/mail. */
  MAIL_DIR: optional(z.string()),
  /**
   * What carries the embedded demo's gateway traffic to its simulated boxes: straight in-process,
   * or node-ble over a BlueZ stand-in on a private dbus-daemon (the production radio code path).
   */
  DEMO_RADIO: optional(z.enum(['simulator', 'bluez'])).transform((value) => value ?? 'simulator'),
  /** An S3 bucket for uploaded photos; unset → files under DATA_DIR/objects (server/storage). */
  S3_BUCKET: optional(z.string().trim().min(3)),
  S3_ENDPOINT: optional(z.url()),
  S3_REGION: optional(z.string().trim()).transform((value) => value ?? 'eu-central-1'),
  S3_ACCESS_KEY_ID: optional(z.string()),
  S3_SECRET_ACCESS_KEY: optional(z.string()),
  S3_FORCE_PATH_STYLE: optional(z.enum(['true', 'false'])).transform((value) => value === 'true'),
  /** `on` only for the end-to-end tests (playwright.config.ts): POST /api/e2e makes and removes their data. */
  E2E_FACTORIES: optional(z.enum(['on'])),
  /** A public Mapbox token (pk.…): the search page's map draws with mapbox-gl; unset → maplibre-gl. */
  MAPBOX_TOKEN: optional(
    z
      .string()
      .trim()
      .regex(/^pk\.[A-Za-z0-9._-]+$/, 'must be a public token (pk.…)'),
  ),
  /** The map style (style.json URL); unset → Mapbox's streets with a token, else a self-contained style. */
  MAP_STYLE_URL: optional(z.url({ protocol: /^https?$/ })),
});

export type Env = z.infer<typeof envSchema>;

/** Reads the configuration once; a malformed setting stops the start with its name. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
}

let cached: Env | undefined;
export const env = (): Env => {
  cached ??= readEnv();
  return cached;
};

/**
 * What every instance on a shared PostgreSQL must hold alike: keys made per machine would give
 * each instance its own CA (boxes refuse the others' commands) and its own session secret. Only
 * the embedded demo, one process on one machine, may make them itself. Returns the missing names.
 */
export function missingSharedSecrets(config: Env): string[] {
  if (!config.DATABASE_URL) return [];
  const missing: string[] = [];
  if (!config.AUTH_SECRET) missing.push('AUTH_SECRET');
  if (!config.FLEET_CA_SEED) missing.push('FLEET_CA_SEED');
  if (!config.RELAY_KEY_SEED) missing.push('RELAY_KEY_SEED');
  return missing;
}

/** Stops a start on PostgreSQL without the shared secrets, naming each missing variable. */
export function assertSharedSecrets(config: Env): void {
  const missing = missingSharedSecrets(config);
  if (missing.length === 0) return;
  throw new Error(
    `Invalid configuration: with DATABASE_URL every instance needs the same keys; set ${missing.join(', ')} (see README, Production).`,
  );
}
