/**
 * For the process tests (`npm run test:process`, after `next build`): the built server started as
 * production starts it, in its own process, and spoken to over HTTP as a browser or a gateway
 * would. Nothing here reaches into the server process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import superjson from 'superjson';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** Ports the process tests may take (PROCESS_TEST_PORTS, comma-separated). */
export const testPorts = (process.env.PROCESS_TEST_PORTS ?? '3227,3228,3229')
  .split(',')
  .map((port) => Number(port.trim()));

export function portAt(index: number): number {
  const port = testPorts[index];
  if (port === undefined) throw new Error(`PROCESS_TEST_PORTS names fewer than ${index + 1} ports`);
  return port;
}

/** The same secrets for every instance of one test, as a fleet's configuration would hold them. */
export function sharedSecrets() {
  return {
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    FLEET_CA_SEED: randomBytes(32).toString('hex'),
    RELAY_KEY_SEED: randomBytes(32).toString('hex'),
  };
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningServer {
  port: number;
  url: string;
  child: ChildProcess;
  output(): string;
  exited: Promise<Exit>;
  /** Resolves once /api/health says 200, rejects when the process ends first or `ms` pass. */
  healthy(ms?: number): Promise<void>;
}

/**
 * Starts the built server. `via: 'node'` is what systemd runs (node itself receives the signals);
 * `via: 'npm'` is `npm run serve` in a process group of its own, as in a terminal.
 */
export function startServer(options: {
  port: number;
  env: Record<string, string>;
  via?: 'node' | 'npm';
}): RunningServer {
  const url = `http://127.0.0.1:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // The test runner's own settings are not the server's.
    VITEST: '',
    DATABASE_URL: '',
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    LOG_LEVEL: 'info',
    PORT: String(options.port),
    HOST: '127.0.0.1',
    APP_URL: url,
    ...options.env,
  };
  const child =
    options.via === 'npm'
      ? spawn('npm', ['run', 'serve'], { cwd: repoRoot, env, detached: true })
      : spawn(process.execPath, ['--import', 'tsx', 'server/http-server.ts'], { cwd: repoRoot, env });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let ended = false;
  void exited.then(() => {
    ended = true;
  });
  return {
    port: options.port,
    url,
    child,
    output: () => output,
    exited,
    async healthy(ms = 120_000) {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        if (ended) throw new Error(`server on ${options.port} ended before it was healthy:\n${output}`);
        const answer = await send(url, { method: 'GET', path: '/api/health' });
        if (answer.kind === 'answer' && answer.status === 200) return;
        await sleep(250);
      }
      throw new Error(`server on ${options.port} not healthy within ${ms} ms:\n${output}`);
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What became of one request: an answer; refused (no connection: the server no longer listens);
 * or cut (a connection, but no answer: whether the server saw the request is unknown).
 */
export type Outcome =
  | { kind: 'answer'; status: number; body: string; headers: Record<string, string | string[] | undefined> }
  | { kind: 'refused' }
  | { kind: 'cut'; code: string };

/** One request on a connection of its own (no keep-alive pool whose idle sockets close under us). */
export function send(
  base: string,
  options: { method: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> },
): Promise<Outcome> {
  return new Promise((resolve) => {
    const target = new URL(options.path, base);
    const req = request(
      target,
      {
        method: options.method,
        agent: false,
        headers: {
          origin: base,
          ...(options.body !== undefined
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(options.body) }
            : {}),
          ...options.headers,
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () =>
          resolve({ kind: 'answer', status: res.statusCode ?? 0, body, headers: res.headers }),
        );
        res.on('error', (error: NodeJS.ErrnoException) =>
          resolve({ kind: 'cut', code: error.code ?? 'ERR' }),
        );
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve(
        error.code === 'ECONNREFUSED' ? { kind: 'refused' } : { kind: 'cut', code: error.code ?? 'ERR' },
      ),
    );
    req.setTimeout(60_000, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** A session cookie from the sign-in route, as the browser gets it. */
export async function signIn(base: string, person: { email: string; password: string }): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const answer = await send(base, {
      method: 'POST',
      path: '/api/auth/sign-in/email',
      body: JSON.stringify(person),
    });
    if (answer.kind === 'answer' && answer.status === 200) {
      const cookies = [answer.headers['set-cookie'] ?? []].flat();
      return cookies.map((cookie) => cookie.split(';')[0]).join('; ');
    }
    // The sign-in route allows three attempts in ten seconds from one address.
    if (answer.kind === 'answer' && answer.status === 429) await sleep(3_000);
    else throw new Error(`sign-in of ${person.email}: ${JSON.stringify(answer)}`);
  }
  throw new Error(`sign-in of ${person.email}: still rate-limited`);
}

export interface TrpcCall {
  outcome: Outcome;
  /** The procedure's result (superjson decoded) when it answered 200. */
  data?: unknown;
  /** The tRPC error code when it answered with an error. */
  error?: string;
}

/** A tRPC procedure over HTTP, as the app's client sends it (superjson, one call a request). */
export async function trpc(
  base: string,
  procedure: string,
  input: unknown,
  options: { cookie?: string; token?: string; query?: boolean } = {},
): Promise<TrpcCall> {
  const payload = JSON.stringify(superjson.serialize(input));
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const outcome = await send(
    base,
    options.query
      ? { method: 'GET', path: `/api/trpc/${procedure}?input=${encodeURIComponent(payload)}`, headers }
      : { method: 'POST', path: `/api/trpc/${procedure}`, body: payload, headers },
  );
  if (outcome.kind !== 'answer') return { outcome };
  try {
    const parsed = JSON.parse(outcome.body) as {
      result?: { data: Parameters<typeof superjson.deserialize>[0] };
      error?: { json?: { data?: { code?: string } } };
    };
    if (parsed.result) return { outcome, data: superjson.deserialize(parsed.result.data) };
    return { outcome, error: parsed.error?.json?.data?.code ?? 'UNKNOWN' };
  } catch {
    return { outcome, error: 'NOT_JSON' };
  }
}

/** A PostgreSQL database of its own for one test, on the server DATABASE_URL names; dropped after. */
export async function scratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = process.env.DATABASE_URL;
  if (!admin)
    throw new Error(
      'The process tests need DATABASE_URL: a PostgreSQL server where they may create databases',
    );
  const name = `pm_process_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A data folder of its own for an embedded-database server; removed after. */
export async function scratchDataDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pm-process-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Ends a server that a failed test left running. */
export async function ensureStopped(server: RunningServer | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGKILL');
  await server.exited;
}
