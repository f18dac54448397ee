/**
 * The standalone gateway's settings, from the environment, checked once at start. A missing or
 * malformed setting fails with its name; an empty string counts as unset (conventions.md, 7).
 */
import { z } from 'zod';

export interface GatewayConfig {
  serverUrl: string;
  token: string;
  stationId: string;
  logSyncIntervalMs: number;
  adapter: string | undefined;
}

const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);

const schema = z.object({
  GATEWAY_SERVER_URL: z.preprocess(
    blankIsUnset,
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  ),
  GATEWAY_TOKEN: z.preprocess(blankIsUnset, z.string({ error: 'is required' }).min(16, 'is too short')),
  GATEWAY_STATION_ID: z.preprocess(blankIsUnset, z.string({ error: 'is required' }).trim().min(1)),
  GATEWAY_LOG_SYNC_SECONDS: z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ error: 'must be a number' })
      .int('must be whole seconds')
      .min(10)
      .max(86_400)
      .default(300),
  ),
  GATEWAY_ADAPTER: z.preprocess(
    blankIsUnset,
    z
      .string()
      .regex(/^hci\d+$/, 'must look like hci0')
      .optional(),
  ),
});

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function parseGatewayConfig(env: Record<string, string | undefined>): GatewayConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const message =
        issue.code === 'invalid_type' && (env[name] ?? '') === '' ? 'is required' : issue.message;
      return `${name} ${message}`;
    });
    throw new ConfigError(`gateway configuration: ${problems.join('; ')}`);
  }
  const c = parsed.data;
  return {
    serverUrl: c.GATEWAY_SERVER_URL,
    token: c.GATEWAY_TOKEN,
    stationId: c.GATEWAY_STATION_ID,
    logSyncIntervalMs: c.GATEWAY_LOG_SYNC_SECONDS * 1000,
    adapter: c.GATEWAY_ADAPTER,
  };
}
