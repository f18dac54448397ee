import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A person the test provider knows: their login name on its login page, and the claims it gives. */
export interface TestIdentity {
  email: string;
  emailVerified?: boolean;
  name?: string;
  groups?: string[];
  municipality?: string;
}

export interface TestProviderOptions {
  clientId: string;
  clientSecret: string;
  /**
   * The app's callbacks, `<app>/api/auth/callback/`: any provider row's id after it is taken, as
   * the test makes its rows (and so their ids) only once this provider answers discovery.
   */
  callbackPrefix: string;
  port?: number;
}

export interface OidcTestProvider {
  issuer: string;
  /** Adds (or replaces) a person; they log in on the provider's page with their e-mail as login. */
  addIdentity(identity: TestIdentity): void;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider on 127.0.0.1 (panva's oidc-provider with its development login
 * and consent pages: any password is taken for a login name it knows), for the SSO tests. Codes
 * with PKCE, signed ID tokens carrying the mapped claims (`groups`, `municipality`), discovery.
 */
export async function startOidcTestProvider(options: TestProviderOptions): Promise<OidcTestProvider> {
  const identities = new Map<string, TestIdentity>();
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [`${options.callbackPrefix}00000000-0000-4000-8000-000000000000`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      groups: ['groups', 'municipality'],
    },
    scopes: ['openid', 'email', 'profile', 'groups', 'offline_access'],
    // The claims in the ID token itself, as the app reads them there.
    conformIdTokenClaims: false,
    cookies: { keys: [randomBytes(16).toString('hex')] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, sub) {
      const identity = identities.get(sub.toLowerCase());
      if (!identity) return undefined;
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            email: identity.email,
            email_verified: identity.emailVerified ?? true,
            name: identity.name ?? identity.email,
            ...(identity.groups ? { groups: identity.groups } : {}),
            ...(identity.municipality ? { municipality: identity.municipality } : {}),
          };
        },
      };
    },
  });
  const callback = new RegExp(`^${escapeRegExp(options.callbackPrefix)}[0-9a-f-]{36}$`);
  provider.Client.prototype.redirectUriAllowed = (uri: string) => callback.test(uri);
  server.on('request', provider.callback());

  return {
    issuer,
    addIdentity: (identity) => identities.set(identity.email.toLowerCase(), identity),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
