import type { Db } from '@/db/client';
import { authSecret } from '../auth/auth';
import { env } from '../env';
import { logger } from '../logger';
import { processSingleton } from '../singleton';
import { fleetKeys } from '../telematics/keys';
import { currentDemo, type DemoRuntime, setCurrentDemo } from './current';
import { startDemo } from './runtime';

const starting = () => processSingleton('demoStart', (): { start?: Promise<DemoRuntime | null> } => ({}));

/**
 * Starts the embedded demo's gateways and cars once per process. Never throws: without its demo
 * the app still books cars, so a failure is logged and the simulator stays away.
 */
export function launchDemo(db: Db): Promise<DemoRuntime | null> {
  const holder = starting();
  holder.start ??= (async () => {
    const started = Date.now();
    try {
      const config = env();
      const runtime = await startDemo(db, {
        keys: await fleetKeys(),
        secret: await authSecret(config),
        radio: config.DEMO_RADIO,
      });
      setCurrentDemo(runtime);
      logger.info(
        {
          stations: runtime.stations,
          cars: runtime.cars,
          radio: runtime.radio.kind,
          ms: Date.now() - started,
        },
        'demo gateways running',
      );
      return runtime;
    } catch (error) {
      logger.error({ err: error }, 'the demo gateways did not start');
      return null;
    }
  })();
  return holder.start;
}

/** Stops the demo's gateways (after a last upload of the boxes' logs), if it runs. */
export async function stopDemo(): Promise<void> {
  const holder = starting();
  const runtime = (await holder.start) ?? currentDemo();
  setCurrentDemo(null);
  holder.start = undefined;
  await runtime?.stop();
}
