/**
 * Boots the process (database migrated, workers running) when the server starts, not on the first
 * request. Next calls this once per server process; a failed boot rejects, and our HTTP server
 * (server/http-server.ts) then exits non-zero instead of answering 500.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { bootProcess } = await import('./server/boot');
  await bootProcess();
}
