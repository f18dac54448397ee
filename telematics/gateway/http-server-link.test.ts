/** The HTTP ServerLink's reading of the server's answers and errors, against the in-test server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServerLink } from './http-server-link';
import { ServerLinkError } from './server-link';
import { type ContractServer, startContractServer, TEST_TOKEN } from './testing/contract-server';

describe('HTTP ServerLink', () => {
  let server: ContractServer;
  beforeAll(async () => {
    server = await startContractServer({ now: () => Date.now() / 1000 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('tells a refusal, a wrong token and an unreachable server apart', async () => {
    const link = createHttpServerLink({ serverUrl: server.url, token: TEST_TOKEN });
    const refused = link.challenge({
      jobId: '00000000-0000-4000-8000-000000000000',
      info: '00',
      challenge: '00',
    });
    await expect(refused).rejects.toMatchObject({ kind: 'REFUSED' });
    const badInput = link.uploadLog({ boxId: 'not-a-uuid', records: [] });
    await expect(badInput).rejects.toMatchObject({ kind: 'REFUSED' });

    const stranger = createHttpServerLink({ serverUrl: server.url, token: 'wrong' });
    await expect(stranger.boxes()).rejects.toMatchObject({ kind: 'UNAUTHORIZED' });

    const nowhere = createHttpServerLink({ serverUrl: 'http://127.0.0.1:9', token: TEST_TOKEN });
    const error = await nowhere.boxes().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerLinkError);
    expect(error).toMatchObject({ kind: 'UNAVAILABLE' });
  });

  it('ends a long-poll when the gateway stops', async () => {
    const link = createHttpServerLink({ serverUrl: server.url, token: TEST_TOKEN });
    const stop = new AbortController();
    const pulling = link.pull({ waitMs: 30_000 }, stop.signal);
    setTimeout(() => stop.abort(), 20);
    await expect(pulling).rejects.toMatchObject({ kind: 'UNAVAILABLE' });
  });
});
