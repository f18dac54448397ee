import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Ed25519KeyPair, keyPairFromSeed } from '@/telematics/protocol';
import { type Env, env } from '../env';
import { processSingleton } from '../singleton';

/** The server's two Ed25519 keys: the fleet CA every box trusts, and the relay key it signs commands with. */
export interface FleetKeys {
  ca: Ed25519KeyPair;
  relay: Ed25519KeyPair;
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
  return { ca: keyPairFromSeed(caSeed), relay: keyPairFromSeed(relaySeed) };
}

/** The process's keys, read once. */
export const fleetKeys = (): Promise<FleetKeys> => processSingleton('fleetKeys', () => loadFleetKeys(env()));
