import { createHash, createHmac } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { boxes, gateways, stations, vehicles } from '@/db/schema';
import { bytesToUuid, keyPairFromSeed, toHex } from '@/telematics/protocol';
import { activeCaKey, caGenerations, recordAnchor, trustedGenerations } from './ca-keys';
import { hashToken } from './gateways';
import type { FleetKeys } from './keys';

const DEMO_GATEWAY_NAME = 'Demo-Gateway';

const digest = (text: string) => new Uint8Array(createHash('sha256').update(text).digest());

/**
 * DEMO ONLY: a box's identity derived from its vehicle's plate, so the simulated cars of every
 * demo start match the boxes on record without storing any secret. Anyone who knows a plate can
 * compute its seed: never use this for a real car (provision those with the box's own key).
 */
export function demoBoxIdentity(plate: string) {
  const seed = digest(`parthelandmobil demo box seed ${plate}`);
  const id = digest(`parthelandmobil demo box id ${plate}`).slice(0, 16);
  id[6] = ((id[6] ?? 0) & 0x0f) | 0x40; // a version-4-shaped UUID
  id[8] = ((id[8] ?? 0) & 0x3f) | 0x80;
  const mac = digest(`parthelandmobil demo box address ${plate}`).slice(0, 6);
  mac[0] = ((mac[0] ?? 0) & 0xfc) | 0x02; // locally administered, unicast: no real vendor's range
  const address = [...mac].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
  return { boxId: bytesToUuid(id), seed, publicKey: keyPairFromSeed(seed).publicKey, address };
}

/** DEMO ONLY: a station's gateway token, derived from a secret of this installation (e.g. the auth secret). */
const demoGatewayToken = (secret: string, stationId: string) =>
  createHmac('sha256', secret).update(`parthelandmobil demo gateway ${stationId}`).digest('base64url');

/**
 * Gives every vehicle without a box a demo box and every station a demo gateway. Idempotent, so
 * the demo boot may call it on every start; it returns what simulated boxes and gateways need
 * (seeds and tokens), which is why it must never run against a real fleet.
 */
export async function provisionDemo(
  db: Db,
  keys: FleetKeys,
  options: {
    secret: string /** Only these municipalities' cars and stations; all by default. */;
    municipalityIds?: string[];
  },
) {
  const only = options.municipalityIds;
  const cars = await db
    .select({ vehicleId: vehicles.id, plate: vehicles.plate, stationId: vehicles.homeStationId })
    .from(vehicles)
    .where(only ? inArray(vehicles.ownerMunicipalityId, only) : undefined);
  const demoBoxes = [];
  const ca = await activeCaKey(db, keys);
  for (const car of cars) {
    const identity = demoBoxIdentity(car.plate);
    const inserted = await db
      .insert(boxes)
      .values({
        id: identity.boxId,
        vehicleId: car.vehicleId,
        bleAddress: identity.address,
        publicKey: identity.publicKey,
        firmware: 'pmk1-reference (Demo)',
      })
      .onConflictDoNothing()
      .returning({ id: boxes.id });
    if (inserted.length > 0) await recordAnchor(db, identity.boxId, ca.id);
    const [box] = await db
      .select()
      .from(boxes)
      .where(and(eq(boxes.vehicleId, car.vehicleId), isNull(boxes.replacedAt)));
    // A car provisioned with a real box keeps it; only demo boxes come back with their seed.
    if (box?.id === identity.boxId)
      demoBoxes.push({ ...car, boxId: box.id, address: box.bleAddress, seed: toHex(identity.seed) });
  }

  const demoGateways = [];
  const demoStations = await db
    .select({ id: stations.id, name: stations.name })
    .from(stations)
    .where(only ? inArray(stations.municipalityId, only) : undefined);
  for (const station of demoStations) {
    const token = demoGatewayToken(options.secret, station.id);
    await db
      .insert(gateways)
      .values({ stationId: station.id, name: DEMO_GATEWAY_NAME, tokenHash: hashToken(token) })
      .onConflictDoNothing({ target: [gateways.stationId, gateways.name] });
    // A changed secret re-keys the demo gateway; a revoked one stays revoked.
    const [gateway] = await db
      .update(gateways)
      .set({ tokenHash: hashToken(token) })
      .where(
        and(
          eq(gateways.stationId, station.id),
          eq(gateways.name, DEMO_GATEWAY_NAME),
          isNull(gateways.revokedAt),
        ),
      )
      .returning({ id: gateways.id });
    if (gateway)
      demoGateways.push({ stationId: station.id, stationName: station.name, gatewayId: gateway.id, token });
  }
  // A demo box's flash is the server's record: it trusts what it last confirmed (the active key
  // when nothing is recorded), so a restart in the middle of a CA rotation resumes it.
  const generations = await caGenerations(db, keys);
  const trusted = await trustedGenerations(db);
  const keyOf = (generation: number) => generations.find((row) => row.generation === generation)?.publicKey;
  const withAnchors = demoBoxes.map((box) => ({
    ...box,
    trustAnchors: (trusted.get(box.boxId) ?? [ca.generation])
      .map(keyOf)
      .filter((key): key is Uint8Array => key !== undefined)
      .map(toHex),
  }));
  return { caPublicKey: toHex(ca.publicKey), boxes: withAnchors, gateways: demoGateways };
}
