import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { boxes, boxRecords, vehicles } from '@/db/schema';
import {
  type BoxPeripheral,
  CarSimulator,
  createBoxStore,
  createManualClock,
  ReferenceBox,
} from '@/telematics/box';
import { fromHex, SOC_UNKNOWN, uuidToBytes } from '@/telematics/protocol';
import type { DemoCar } from './current';
import { carModel, startingReadings } from './rules';

export interface ProvisionedBox {
  vehicleId: string;
  plate: string;
  stationId: string;
  boxId: string;
  address: string;
  seed: string;
  /** The CA keys the box's flash holds (hex), as the server recorded them. */
  trustAnchors: string[];
}

/**
 * What the server holds of each box's log in its current epoch, gap-free from seq 1: a restarted demo box gets it back
 * as its flash, so its seqs continue where the server's cursor stands instead of starting at 1
 * again under records the server already has (see README, "Unlocking in the demo").
 */
async function storedLogs(db: Db, boxIds: string[]) {
  const logs = new Map<string, { raw: Uint8Array; odometer: number; soc: number }[]>();
  if (boxIds.length === 0) return logs;
  const rows = await db
    .select({
      boxId: boxRecords.boxId,
      raw: boxRecords.raw,
      odometer: boxRecords.odometer,
      soc: boxRecords.soc,
    })
    .from(boxRecords)
    .innerJoin(boxes, eq(boxes.id, boxRecords.boxId))
    .where(
      and(
        inArray(boxRecords.boxId, boxIds),
        eq(boxRecords.epoch, boxes.epoch),
        lt(boxRecords.seq, boxes.nextSeq),
      ),
    )
    .orderBy(asc(boxRecords.boxId), asc(boxRecords.seq));
  for (const row of rows) {
    const log = logs.get(row.boxId) ?? [];
    log.push(row);
    logs.set(row.boxId, log);
  }
  return logs;
}

/** A box whose every entry point first brings the car's clock up to the wall clock. */
function liveBox(box: ReferenceBox, catchUp: () => void): BoxPeripheral {
  const live =
    <A extends unknown[], R>(run: (...args: A) => R) =>
    (...args: A): R => {
      catchUp();
      return run(...args);
    };
  return {
    readInfo: live(() => box.readInfo()),
    readChallenge: live(() => box.readChallenge()),
    writeCommand: live((frame: Uint8Array) => box.writeCommand(frame)),
    requestLog: live((frame: Uint8Array) => box.requestLog(frame)),
  };
}

/**
 * The demo's cars: a reference box per provisioned demo box, trusting the fleet CA, inside a car
 * simulator with the vehicle's battery and range. Parked and locked, as after a power cycle.
 */
export async function buildDemoCars(
  db: Db,
  provisioned: ProvisionedBox[],
  caPublicKey: Uint8Array,
  now = Date.now(),
): Promise<{ car: DemoCar; peripheral: BoxPeripheral }[]> {
  const ids = provisioned.map((b) => b.vehicleId);
  const specs = ids.length
    ? await db
        .select({ id: vehicles.id, batteryKwh: vehicles.batteryKwh, rangeKm: vehicles.rangeKm })
        .from(vehicles)
        .where(inArray(vehicles.id, ids))
    : [];
  const logs = await storedLogs(
    db,
    provisioned.map((b) => b.boxId),
  );
  return provisioned.map((p) => {
    const [held, next] = p.trustAnchors.map(fromHex);
    const store = createBoxStore({
      boxId: uuidToBytes(p.boxId),
      seed: fromHex(p.seed),
      caPublicKey: held ?? caPublicKey,
      nextCaPublicKey: next,
    });
    const log = logs.get(p.boxId) ?? [];
    for (const record of log) store.log.push(new Uint8Array(record.raw));
    const newest = log.at(-1);
    const start = startingReadings(p.plate);
    const clock = createManualClock(now / 1000);
    const box = new ReferenceBox({ store, clock: clock.now, firmware: 'pmk1-reference (Demo)' });
    const simulator = new CarSimulator({
      box,
      clock,
      model: carModel(specs.find((s) => s.id === p.vehicleId) ?? { batteryKwh: null, rangeKm: null }),
      odometerKm: newest ? newest.odometer / 10 : start.odometerKm,
      socPercent: newest && newest.soc <= 100 && newest.soc !== SOC_UNKNOWN ? newest.soc : start.socPercent,
    });
    const catchUp = () => clock.set(Math.max(clock.now(), Date.now() / 1000));
    const car: DemoCar = { ...p, box, simulator, clock, catchUp };
    return { car, peripheral: liveBox(box, catchUp) };
  });
}
