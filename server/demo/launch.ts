import type { Db } from '@/db/client';
import { authSecret } from '../auth/auth';
import { env } from '../env';
import { logger } from '../logger';
import { fleetKeys } from '../telematics/keys';
import { currentDemo, type DemoRuntime, setCurrentDemo } from './current';
import { startDemo } from './runtime';

const holder = globalThis as typeof globalThis & { parthelandDemoStart?: Promise<DemoRuntime | null> };

/**
 * Starts the embedded demo's gateways and cars once per process. Never throws: without its demo
 * the app still books cars, so a failure is logged and the simulator stays away.
 */
export function launchDemo(db: Db): Promise<DemoRuntime | null> {
  holder.parthelandDemoStart ??= (async () => {
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
  return holder.parthelandDemoStart;
}

/** Stops the demo's gateways (after a last upload of the boxes' logs), if it runs. */
export async function stopDemo(): Promise<void> {
  const runtime = (await holder.parthelandDemoStart) ?? currentDemo();
  setCurrentDemo(null);
  holder.parthelandDemoStart = undefined;
  await runtime?.stop();
}
