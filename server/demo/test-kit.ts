/** What the demo's end-to-end tests share: booking as a driver and pressing buttons as the web does. */
import type { Db } from '@/db/client';
import type { GatewayLogger } from '@/telematics/gateway/log';
import { fleetKeys } from '../telematics/keys';
import { callerFor, type makeMunicipality, makeUser, type makeVehicle } from '../test-support';
import { type DemoRuntime, setCurrentDemo } from './current';
import { startDemo } from './runtime';

type Api = ReturnType<typeof callerFor>;

/** The demo gateways' last log lines: quiet while tests pass, printed when one times out. */
const journal: string[] = [];
const recordingLogger: GatewayLogger = (entry) => {
  journal.push(`${new Date().toISOString()} ${JSON.stringify(entry)}`);
  if (journal.length > 40) journal.shift();
};

export async function until<T>(
  what: string | (() => string),
  probe: () => Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${typeof what === 'string' ? what : what()}; the demo gateways' last lines:\n${journal.join('\n')}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A new driver of `home` with a booking of `car` from a minute from now (the key already works). */
export async function driverWithBooking(
  db: Db,
  home: Awaited<ReturnType<typeof makeMunicipality>>,
  car: Awaited<ReturnType<typeof makeVehicle>> | undefined,
  minutes = 60,
) {
  if (!car) throw new Error('no such car');
  const driver = await makeUser(db, home);
  const api = callerFor(db, driver);
  const from = new Date(Date.now() + 60_000);
  const booking = await api.bookings.create({
    vehicleId: car.id,
    from,
    to: new Date(from.getTime() + minutes * 60_000),
  });
  return { car, driver, api, booking };
}

/** Presses a button and waits, as the web does, until the job is finished. */
export async function press(api: Api, bookingId: string, op: 'unlock' | 'lock' | 'end') {
  const { jobId } = await api.telematics.command({ bookingId, op });
  let state = 'unread';
  return until(
    () => `the job (${op}, last seen ${state})`,
    async () => {
      const job = await api.telematics.job({ jobId });
      state = job.state;
      return job.state === 'done' || job.state === 'failed' ? job : undefined;
    },
  );
}

export const endedTrip = (api: Api, bookingId: string) =>
  until('the trip', async () => (await api.telematics.trips({ bookingId })).find((t) => t.endedAt));

/** Starts the demo for one test municipality (tests share one PostgreSQL database) and makes it current. */
export async function startTestDemo(db: Db, municipalityId: string, radio?: 'simulator' | 'bluez') {
  const demo = await startDemo(db, {
    keys: await fleetKeys(),
    secret: 'demo secret for tests',
    municipalityIds: [municipalityId],
    logger: recordingLogger,
    pullWaitMs: 5_000,
    ...(radio ? { radio } : {}),
  });
  setCurrentDemo(demo);
  return demo;
}

export async function stopTestDemo(demo: DemoRuntime | null) {
  setCurrentDemo(null);
  await demo?.stop();
}
