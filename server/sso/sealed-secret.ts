import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { authSecret } from '../auth/auth';
import { env } from '../env';
import { processSingleton } from '../singleton';

/**
 * A provider's client secret as the database keeps it: AES-256-GCM under a key derived from the
 * app's AUTH_SECRET, so a dump or a backup of the database alone does not hand over the
 * municipalities' directory credentials. `v1.<iv>.<ciphertext>.<tag>`, each base64url.
 */
const VERSION = 'v1';

/** The sealing key: AUTH_SECRET (shared by every instance) through HKDF, apart from its use for sessions. */
export function sealingKey(): Promise<Buffer> {
  return processSingleton('sso-sealing-key', async () =>
    Buffer.from(hkdfSync('sha256', await authSecret(env()), '', 'sso client secret', 32)),
  );
}

export function sealSecret(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv, sealed, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** The secret, or null when it was sealed under another key (AUTH_SECRET changed) or altered. */
export function openSecret(stored: string, key: Buffer): string | null {
  const [version, iv, sealed, tag] = stored.split('.');
  if (version !== VERSION || !iv || !sealed || !tag) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return null;
  }
}
