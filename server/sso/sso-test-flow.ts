/** Drives a sign-in through the test provider's real login and consent pages over HTTP, for tests without a browser. */

/** Cookies per host, as a browser keeps them (paths and expiry beyond deletion left out: one short flow). */
export class CookieJar {
  private readonly hosts = new Map<string, Map<string, string>>();

  store(url: string, response: Response): void {
    const host = new URL(url).host;
    const jar = this.hosts.get(host) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const gone = value === '' || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (gone) jar.delete(name);
      else jar.set(name, value);
    }
    this.hosts.set(host, jar);
  }

  header(url: string): string {
    const jar = this.hosts.get(new URL(url).host);
    return jar ? [...jar].map(([name, value]) => `${name}=${value}`).join('; ') : '';
  }
}

type Handler = (request: Request) => Promise<Response>;

/**
 * From the app's start (POST /sign-in/social) through the provider's pages to the app's callback;
 * answers the callback's response. `appHandler` is better-auth's handler; the provider is reached
 * with fetch. The login page takes any password for a login the provider knows.
 */
export async function signInThroughProvider(
  appHandler: Handler,
  appOrigin: string,
  providerId: string,
  login: string,
  jar = new CookieJar(),
): Promise<{ response: Response; jar: CookieJar }> {
  const start = `${appOrigin}/api/auth/sign-in/social`;
  const started = await appHandler(
    new Request(start, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: appOrigin },
      body: JSON.stringify({ provider: providerId, callbackURL: '/', errorCallbackURL: '/anmelden' }),
    }),
  );
  if (started.status !== 200)
    throw new Error(`sign-in start answered ${started.status}: ${await started.text()}`);
  jar.store(start, started);
  let url = ((await started.json()) as { url: string }).url;
  let form: URLSearchParams | null = null;
  for (let step = 0; step < 12; step++) {
    if (url.startsWith(appOrigin)) {
      const response = await appHandler(new Request(url, { headers: { cookie: jar.header(url) } }));
      jar.store(url, response);
      return { response, jar };
    }
    const response: Response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: jar.header(url),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ?? undefined,
    });
    jar.store(url, response);
    form = null;
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    const page: string = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (!action) throw new Error(`the provider's page at ${url} has no form (${response.status})`);
    form = page.includes('name="login"')
      ? new URLSearchParams({ prompt: 'login', login, password: 'beliebig' })
      : new URLSearchParams({ prompt: 'consent' });
    url = new URL(action, url).href;
  }
  throw new Error('the sign-in did not come back to the app');
}
