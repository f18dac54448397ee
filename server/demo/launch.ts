import type { Db } from '@/db/client';
import { authSecret } from '../auth/auth';
import { env } from '../env';
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
      console.log(
        `ParthelandMobil: demo gateways running (${runtime.stations} stations, ${runtime.cars} simulated cars, radio: ${runtime.radio.kind}, ${Date.now() - started} ms).`,
      );
      return runtime;
    } catch (error) {
      console.error('ParthelandMobil: the demo gateways did not start:', error);
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
