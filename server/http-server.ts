/**
 * The production server process (`npm run serve`, systemd): one node process that owns the port,
 * the signals and the order of the shutdown, with Next.js as its request handler.
 *
 * On SIGTERM or SIGINT it stops accepting connections, lets the requests in flight finish (for at
 * most DRAIN_LIMIT_MS), then stops the workers and closes the database, and exits 0 after
 * „stopped cleanly“. A start that fails (configuration, database, migrations) exits 1 before the
 * port is opened, so a load balancer never sees an instance that answers 500 to everything.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import net from 'node:net';
import path from 'node:path';
import {
  CLIENT_ADDRESS_HEADER,
  CLIENT_ADDRESS_TRUSTED_ENV,
  resolveClientAddress,
  trustedProxyList,
} from './auth/client-address';
import { assertSharedSecrets, type Env, readEnv } from './env';
import { logger } from './logger';
import { beginStopping, bootOfThisProcess, OWN_SERVER_ENV, processState } from './process/state';

/** How long requests in flight may take to finish once a stop is asked for. */
const DRAIN_LIMIT_MS = 10_000;
/** The whole stop: drain, workers, database. Past it the process exits 1 rather than hang. */
const STOP_LIMIT_MS = 25_000;

/** How long after Next's prepare() instrumentation.ts may take to begin the boot. */
const BOOT_BEGIN_LIMIT_MS = 30_000;

const log = logger.child({ part: 'http' });

/** The address the app sees: never what the client wrote under our header name. */
export function setClientAddress(req: IncomingMessage, trusted: ReturnType<typeof trustedProxyList>) {
  delete req.headers[CLIENT_ADDRESS_HEADER];
  req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(
    req.socket.remoteAddress,
    [req.headers['x-forwarded-for'] ?? []].flat().join(','),
    trusted,
  );
}

async function main() {
  // Before Next loads: this process handles the signals (Next's own handlers stay off) and sets
  // the client-address header the app may then believe.
  // As `next start` does; Next's types make NODE_ENV read-only, the process's environment is not.
  Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? 'production' });
  process.env.NEXT_MANUAL_SIG_HANDLE = '1';
  process.env[OWN_SERVER_ENV] = '1';
  process.env[CLIENT_ADDRESS_TRUSTED_ENV] = '1';

  let config: Env;
  try {
    config = readEnv();
    assertSharedSecrets(config);
  } catch (error) {
    return fail('configuration refused', error);
  }
  const trusted = trustedProxyList(config.TRUSTED_PROXIES);

  const { default: next } = await import('next');
  const dir = path.resolve(import.meta.dirname, '..');
  const app = next({
    dev: false,
    dir,
    port: config.PORT,
    ...(config.HOST ? { hostname: config.HOST } : {}),
  });
  try {
    // Loads the build; Next then runs instrumentation.ts, which boots the process (database,
    // migrations, workers). The port opens only once that has succeeded.
    await app.prepare();
    await bootOfThisProcess(BOOT_BEGIN_LIMIT_MS);
  } catch (error) {
    return fail('start failed', error);
  }
  const handle = app.getRequestHandler();
  // Only now: what static-brotli.ts imports from next/server needs what Next's prepare() sets up.
  const { brotliStatic } = await import('./http/static-brotli');
  const brotli = await brotliStatic(path.join(dir, '.next', 'static'));
  log.info({ files: brotli.count }, 'static files with a Brotli twin');

  const inFlight = new Set<ServerResponse>();
  let draining = false;

  const server = createServer((req, res) => {
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
    // A request that arrives on a kept-alive connection while draining is still answered, and
    // the connection then closes, so the client goes elsewhere for the next one.
    if (draining) res.setHeader('connection', 'close');
    setClientAddress(req, trusted);
    brotli
      .handle(req, res)
      .then((answered) => (answered ? undefined : handle(req, res)))
      .catch((error: unknown) => {
        log.error({ err: error, url: req.url }, 'request failed');
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
  });

  const stop = async (signal: NodeJS.Signals) => {
    const started = Date.now();
    setTimeout(() => {
      log.error({ signal, inFlight: inFlight.size }, 'stop took too long, exiting');
      process.exit(1);
    }, STOP_LIMIT_MS).unref();
    log.info({ signal, inFlight: inFlight.size }, 'stopping: no new connections, finishing requests');
    draining = true;
    beginStopping();
    // Only the listener closes. server.close() would also destroy the connections that are
    // accepted but whose request has not been read yet (an event loop busy with PGlite leaves a
    // few of those); their requests count as in flight and are answered like the others.
    net.Server.prototype.close.call(server);
    const booted = await processState().booted;
    // The demo's gateways are workers, not requests: they stop while the requests finish.
    const background = booted?.stopBackground();
    await drain(inFlight, DRAIN_LIMIT_MS);
    const cut = inFlight.size;
    if (cut > 0) log.warn({ cut }, 'requests cut after the drain limit');
    server.closeAllConnections();
    await background;
    await booted?.stop();
    await app.close();
    log.info({ signal, ms: Date.now() - started, cut }, 'stopped cleanly');
    process.exit(0);
  };
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      // Ctrl+C reaches both npm (which passes it on) and us: the second one changes nothing.
      if (stopping) return;
      stopping = true;
      stop(signal).catch((error: unknown) => fail('stop failed', error));
    });

  server.on('error', (error) => fail('listen failed', error));
  server.listen(config.PORT, config.HOST, () => {
    log.info({ port: config.PORT, host: config.HOST ?? '*' }, 'listening');
  });
}

/** How long no request may be in flight before the drain counts as done. */
const QUIET_MS = 150;

/**
 * Waits until no request has been in flight for QUIET_MS (requests on connections accepted just
 * before the stop still arrive in that time), or `limit` ms have passed.
 */
async function drain(inFlight: ReadonlySet<unknown>, limit: number) {
  const deadline = Date.now() + limit;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if (inFlight.size > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= QUIET_MS) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function fail(what: string, error: unknown): never {
  log.fatal({ err: error }, what);
  process.exit(1);
}

await main();
