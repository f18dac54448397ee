import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Ed25519KeyPair, keyPairFromSeed } from '@/telematics/protocol';
import { type Env, env } from '../env';
import { AppError } from '../errors';
import { processSingleton } from '../singleton';

/** The server's Ed25519 keys: the fleet CA generations the boxes trust, and the relay key it signs commands with. */
export interface FleetKeys {
  /** The first CA generation's key: what every box was provisioned with before any rotation. */
  ca: Ed25519KeyPair;
  relay: Ed25519KeyPair;
  /**
   * The key pair of a CA generation (1 is `ca`): configured (FLEET_CA_NEXT_SEEDS), else kept in
   * DATA_DIR like the first, made on the first ask (when a rotation starts).
   */
  caGeneration(generation: number): Promise<Ed25519KeyPair>;
}

/**
 * A configured seed, or for a machine without one (the embedded demo) a random one kept in the
 * data folder with mode 0600, so boxes provisioned yesterday still trust today's CA and no key is
 * ever committed. `wx` makes a parallel first start keep whichever file was written first.
 */
async function seedFrom(configured: Uint8Array | undefined, dataDir: string, name: string) {
  if (configured) return configured;
  const file = path.join(dataDir, name);
  const read = async () => new Uint8Array(Buffer.from((await readFile(file, 'utf8')).trim(), 'hex'));
  try {
    return await read();
  } catch {
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' }).catch(
      () => undefined,
    );
    return read();
  }
}

export async function loadFleetKeys(config: Env): Promise<FleetKeys> {
  const [caSeed, relaySeed] = await Promise.all([
    seedFrom(config.FLEET_CA_SEED, config.DATA_DIR, 'fleet-ca-seed'),
    seedFrom(config.RELAY_KEY_SEED, config.DATA_DIR, 'relay-key-seed'),
  ]);
  const ca = keyPairFromSeed(caSeed);
  const generations = new Map<number, Promise<Ed25519KeyPair>>([[1, Promise.resolve(ca)]]);
  const caGeneration = (generation: number) => {
    if (!Number.isInteger(generation) || generation < 1) throw new RangeError('CA generations count from 1');
    let pair = generations.get(generation);
    if (!pair) {
      const configured = config.FLEET_CA_NEXT_SEEDS[generation - 2];
      // Instances on one PostgreSQL must sign alike: a seed made in one machine's DATA_DIR would
      // leave the others unable to sign for the boxes that took the new key.
      if (!configured && config.DATABASE_URL) return Promise.reject(new AppError('CA_KEY_UNAVAILABLE'));
      pair = seedFrom(configured, config.DATA_DIR, `fleet-ca-seed-${generation}`).then(keyPairFromSeed);
      generations.set(generation, pair);
    }
    return pair;
  };
  return { ca, relay: keyPairFromSeed(relaySeed), caGeneration };
}

/** The process's keys, read once. */
export const fleetKeys = (): Promise<FleetKeys> => processSingleton('fleetKeys', () => loadFleetKeys(env()));
