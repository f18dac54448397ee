import { PROTOCOL_VERSION } from './constants';

/**
 * Why a payload did not decode. LENGTH, VERSION and TYPE are the three kinds of MALFORMED the spec
 * names; INPUT is "not bytes at all", ENCODING is firmware text that is not UTF-8.
 */
export type DecodeError = 'INPUT' | 'LENGTH' | 'VERSION' | 'TYPE' | 'ENCODING';

export type Decoded<T> = { ok: true; frame: T } | { ok: false; error: DecodeError };

export const decodeFailure = (error: DecodeError): { ok: false; error: DecodeError } => ({
  ok: false,
  error,
});

/**
 * Checks version, then type, then length. Version first so that a longer frame of a future version
 * reads as VERSION, which tells a peer more than LENGTH would.
 */
function headerError(bytes: unknown, type: number, length: number): DecodeError | null {
  if (!(bytes instanceof Uint8Array)) return 'INPUT';
  if (bytes.length >= 1 && bytes[0] !== PROTOCOL_VERSION) return 'VERSION';
  if (bytes.length >= 2 && bytes[1] !== type) return 'TYPE';
  if (bytes.length !== length) return 'LENGTH';
  return null;
}

/**
 * Runs a decoder body so that nothing escapes the boundary: the bodies are written not to throw,
 * and this is the backstop should one ever do so on some input no test thought of.
 */
export function decodeSafely<T>(
  bytes: unknown,
  type: number,
  length: number,
  body: (bytes: Uint8Array) => Decoded<T>,
): Decoded<T> {
  const error = headerError(bytes, type, length);
  if (error !== null) return decodeFailure(error);
  try {
    return body(bytes as Uint8Array);
  } catch {
    return decodeFailure('LENGTH');
  }
}
