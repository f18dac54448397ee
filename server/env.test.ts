import { describe, expect, it } from 'vitest';
import { assertSharedSecrets, missingSharedSecrets, readEnv } from './env';

const seed = 'ab'.repeat(32);
const secret = 'x'.repeat(32);
const settings = (values: Record<string, string>) => readEnv({ NODE_ENV: 'test', ...values });

describe('the secrets every instance on PostgreSQL must share', () => {
  it('are all required with DATABASE_URL, each named', () => {
    const config = settings({ DATABASE_URL: 'postgres://db/app', FLEET_CA_SEED: seed });
    expect(missingSharedSecrets(config)).toEqual(['AUTH_SECRET', 'RELAY_KEY_SEED']);
    expect(() => assertSharedSecrets(config)).toThrow(/AUTH_SECRET, RELAY_KEY_SEED/);
  });

  it('count an empty value as missing', () => {
    const config = settings({
      DATABASE_URL: 'postgres://db/app',
      AUTH_SECRET: '',
      FLEET_CA_SEED: seed,
      RELAY_KEY_SEED: seed,
    });
    expect(missingSharedSecrets(config)).toEqual(['AUTH_SECRET']);
  });

  it('are complete when set', () => {
    const config = settings({
      DATABASE_URL: 'postgres://db/app',
      AUTH_SECRET: secret,
      FLEET_CA_SEED: seed,
      RELAY_KEY_SEED: seed,
    });
    expect(() => assertSharedSecrets(config)).not.toThrow();
  });

  it('are made by the embedded demo itself (no DATABASE_URL)', () => {
    expect(missingSharedSecrets(settings({}))).toEqual([]);
  });
});
