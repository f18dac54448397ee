/** A stand-in origin: only what resolves against it and stays on it is a path of ours. */
const OWN_ORIGIN = 'https://app.invalid';

/** Control characters (browsers drop tabs and newlines from URLs) and the backslash (read as "/"). */
function hasTrickCharacters(text: string): boolean {
  for (const character of text) {
    const code = character.charCodeAt(0);
    if (code <= 0x1f || code === 0x7f || character === '\\') return true;
  }
  return false;
}

/**
 * Where to go after signing in, from the `weiter` parameter: a path on this site, or "/".
 * "//host", "/\host", "/\t/host" all lead a browser to another host; "https:" and "javascript:"
 * are not paths at all. What passes is rebuilt from the parsed URL, so what is checked is what is
 * followed.
 */
export function pathAfterSignIn(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || hasTrickCharacters(next)) return '/';
  let url: URL;
  try {
    url = new URL(next, OWN_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== OWN_ORIGIN) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
