import { BlockList, isIP } from 'node:net';

/**
 * The header our own HTTP server process (server/http-server.ts) sets on every request to the
 * client's address as it worked it out, after deleting whatever a client sent under that name.
 * The app reads the client address from here only, never from X-Forwarded-For directly.
 */
export const CLIENT_ADDRESS_HEADER = 'x-pm-client-address';

/** Set by our server process at start; without it (next dev, a bare next start) the header is not trusted. */
export const CLIENT_ADDRESS_TRUSTED_ENV = 'PM_CLIENT_ADDRESS_HEADER_SET';

/** Where a request's address is unknown: one shared bucket, so limits still hold. */
export const UNKNOWN_CLIENT = 'unknown';

/** TRUSTED_PROXIES entries: single addresses or CIDR ranges, IPv4 or IPv6. */
export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  const plain = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  const family = isIP(plain);
  if (family === 0) return false;
  return list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy; then the
 * right-most X-Forwarded-For entry that is not itself a trusted proxy (the left part of the header
 * is whatever the client wrote, so it is never believed).
 */
export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | null | undefined,
  trusted: BlockList,
): string {
  if (!peer) return UNKNOWN_CLIENT;
  if (!isTrusted(trusted, peer)) return peer;
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => isIP(hop) !== 0);
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = hops[index];
    if (hop !== undefined && !isTrusted(trusted, hop)) return hop;
  }
  return hops[0] ?? peer;
}

/** The client address of a request inside the app (route handlers, tRPC context). */
export function clientAddressOf(headers: Headers): string {
  if (process.env[CLIENT_ADDRESS_TRUSTED_ENV] !== '1') return UNKNOWN_CLIENT;
  return headers.get(CLIENT_ADDRESS_HEADER) ?? UNKNOWN_CLIENT;
}
