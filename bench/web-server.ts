/**
 * The built app as production runs it (server/http-server.ts, NODE_ENV=production) on a fresh
 * embedded database that seeds the demo region on start, with a demo staff member signed in: what
 * the page benchmarks (bench/web-size.ts, bench/web-lcp.ts) load and measure.
 */
import { readRegion } from '@/db/region';
import { type RunningServer, scratchDataDir, send, signIn, startServer } from '@/server/process/harness';
import { REGION_FILE, WRITERS } from '@/server/process/load';

export interface SignedInServer {
  server: RunningServer;
  /** The demo staff member's session cookie, `name=value; …` as a browser sends it. */
  cookie: string;
  /** A signed-in GET of `path` that must answer 200. */
  get(path: string): Promise<string>;
  stop(): Promise<void>;
}

export async function signedInServer(port: number): Promise<SignedInServer> {
  const data = await scratchDataDir();
  const server = startServer({ port, env: { DATA_DIR: data.dir } });
  const stop = async () => {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await data.remove();
  };
  try {
    await server.healthy();
    const { demoPassword } = await readRegion(REGION_FILE);
    const cookie = await signIn(server.url, { email: WRITERS[0] ?? '', password: demoPassword });
    const get = async (path: string) => {
      const answer = await send(server.url, { method: 'GET', path, headers: { cookie } });
      if (answer.kind !== 'answer' || answer.status !== 200)
        throw new Error(`GET ${path}: ${answer.kind === 'answer' ? answer.status : answer.kind}`);
      return answer.body;
    };
    return { server, cookie, get, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
