import { discoveryUrl } from './mapping';

/** What the page checks of a provider's discovery document before it saves the provider. */
export type DiscoveryCheck =
  | { ok: true }
  | { ok: false; problem: 'unreachable'; url: string }
  | { ok: false; problem: 'issuer'; reported: string };

/**
 * Reads `<issuer>/.well-known/openid-configuration` (OpenID Connect Discovery 1.0): it must answer
 * within five seconds with the endpoints a code flow needs, and name exactly this issuer — the ID
 * tokens it signs carry that name, and better-auth compares them with it.
 */
export async function checkDiscovery(issuer: string): Promise<DiscoveryCheck> {
  const url = discoveryUrl(issuer);
  let document: Record<string, unknown>;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000), redirect: 'error' });
    if (!response.ok) return { ok: false, problem: 'unreachable', url };
    document = (await response.json()) as Record<string, unknown>;
  } catch {
    return { ok: false, problem: 'unreachable', url };
  }
  const wanted = ['issuer', 'authorization_endpoint', 'token_endpoint', 'jwks_uri'];
  if (!wanted.every((key) => typeof document[key] === 'string'))
    return { ok: false, problem: 'unreachable', url };
  if (document.issuer !== issuer) return { ok: false, problem: 'issuer', reported: String(document.issuer) };
  return { ok: true };
}
