/**
 * The station gateway as a service: `npm run gateway`, configured by the environment (config.ts),
 * on the computer's Bluetooth adapter through BlueZ. Stops cleanly on SIGINT and SIGTERM.
 */
import { NodeBleBoxLink } from './ble/node-ble-link';
import { ConfigError, parseGatewayConfig } from './config';
import { createGateway } from './gateway';
import { createHttpServerLink } from './http-server-link';
import { describeError, jsonLineLogger as log } from './log';

async function main(): Promise<void> {
  const config = parseGatewayConfig(process.env);
  const link = await NodeBleBoxLink.create({
    adapter: config.adapter,
    onBusError: (error) => log({ level: 'error', event: 'bluez bus error', error: describeError(error) }),
  });
  const gateway = createGateway({
    server: createHttpServerLink({
      serverUrl: config.serverUrl,
      token: config.token,
      onUnknownJob: (job, problem) => log({ level: 'error', event: 'unknown job skipped', job, problem }),
    }),
    link,
    stationId: config.stationId,
    logSyncIntervalMs: config.logSyncIntervalMs,
    logger: log,
  });
  gateway.start();

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    // A second signal while stopping means: now.
    if (stopping) process.exit(1);
    stopping = true;
    log({ level: 'info', event: 'stopping', signal });
    await gateway.stop();
    await link.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  log({ level: 'error', event: 'gateway failed to start', error: describeError(error) });
  process.exit(1);
});
