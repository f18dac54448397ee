import type { Db } from '@/db/client';
import { createGateway, type Gateway } from '@/telematics/gateway/gateway';
import { type GatewayLogger, jsonLineLogger } from '@/telematics/gateway/log';
import { fromHex } from '@/telematics/protocol';
import { provisionDemo } from '../telematics/demo';
import type { FleetKeys } from '../telematics/keys';
import { buildDemoCars } from './cars';
import type { DemoCar, DemoRuntime } from './current';
import { createInProcessServerLink } from './in-process-link';
import { type DemoRadioKind, startRadio } from './radio';

export interface DemoOptions {
  keys: FleetKeys;
  /** Derives the demo gateways' tokens (the installation's auth secret). */
  secret: string;
  /** Only these municipalities' cars and stations (tests); all by default. */
  municipalityIds?: string[];
  logger?: GatewayLogger;
  /** Pause between the gateways' own log sync rounds (default 60 s; jobs also trigger one). */
  logSyncIntervalMs?: number;
  pullWaitMs?: number;
  /** How the gateways reach the boxes (DEMO_RADIO); `simulator` by default. */
  radio?: DemoRadioKind;
}

/** The demo's journal: a line per job and whatever goes wrong, not the chatter of a dozen starts. */
const demoLogger =
  (stationName: string): GatewayLogger =>
  (entry) => {
    if (entry.level !== 'info' || entry.event === 'job') jsonLineLogger({ ...entry, gateway: stationName });
  };

/** What is left of the boxes' logs is uploaded at shutdown, for at most this long. */
const FINAL_SYNC_MS = 3_000;

/**
 * The embedded demo's station gateways, in this process: per station one real gateway
 * (`createGateway`: pull loop, relay, log sync) talking to the real `gateway.*` procedures
 * in-process, and a link to that station's simulated cars: in-process (SimulatorBoxLink), or with
 * DEMO_RADIO=bluez node-ble over a BlueZ stand-in on a private D-Bus (radio.ts). The cars live only
 * as long as the process: stopping the demo is a power cut for every box (README).
 */
export async function startDemo(db: Db, options: DemoOptions): Promise<DemoRuntime> {
  const provisioned = await provisionDemo(db, options.keys, {
    secret: options.secret,
    ...(options.municipalityIds ? { municipalityIds: options.municipalityIds } : {}),
  });
  const built = await buildDemoCars(db, provisioned.boxes, fromHex(provisioned.caPublicKey));
  const cars = new Map<string, DemoCar>(built.map(({ car }) => [car.vehicleId, car]));
  const stations = new Map<string, Gateway>();
  const radio = await startRadio(
    options.radio ?? 'simulator',
    built.map(({ car, peripheral }) => ({ address: car.address, peripheral })),
  );

  for (const station of provisioned.gateways) {
    const here = built.filter(({ car }) => car.stationId === station.stationId);
    const link = radio.linkFor(here.map(({ car, peripheral }) => ({ address: car.address, peripheral })));
    const gateway: Gateway = createGateway({
      server: createInProcessServerLink(db, station.token),
      link,
      stationId: station.stationId,
      logSyncIntervalMs: options.logSyncIntervalMs ?? 60_000,
      pullWaitMs: options.pullWaitMs ?? 25_000,
      logger: options.logger ?? demoLogger(station.stationName),
      // A finished job leaves records on the box (unlocked, booking ended): bring them over now,
      // so the trip is on the server by the time the person looks for it.
      onJob: () => {
        gateway.syncLogs().catch(() => undefined);
      },
    });
    stations.set(station.stationId, gateway);
  }
  for (const gateway of stations.values()) gateway.start();

  return {
    stations: stations.size,
    cars: cars.size,
    radio: { kind: radio.kind, busPid: radio.busPid },
    car: (vehicleId) => cars.get(vehicleId),
    async syncCar(vehicleId) {
      const car = cars.get(vehicleId);
      const gateway = car && stations.get(car.stationId);
      if (gateway) await gateway.syncLogs();
    },
    async stop() {
      const all = [...stations.values()];
      const budget = new Promise((resolve) => setTimeout(resolve, FINAL_SYNC_MS).unref());
      await Promise.race([Promise.allSettled(all.map((g) => g.syncLogs())), budget]);
      await Promise.allSettled(all.map((g) => g.stop()));
      await radio.stop();
    },
  };
}
