import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { boxes, gateways, stations, vehicles } from '@/db/schema';
import { keyPairFromSeed, publicKeyFromRaw, toHex } from '@/telematics/protocol';
import { recordAudit } from '../audit/record';
import type { SessionUser } from '../auth/queries';
import { assertMayManage, atGatewayStation } from '../auth/scope';
import { AppError, sqlState } from '../errors';
import { activeCaKey, recordAnchor } from './ca-keys';
import type { FleetKeys } from './keys';

export interface AuthenticatedGateway {
  id: string;
  stationId: string;
}

export const hashToken = (token: string): Uint8Array =>
  new Uint8Array(createHash('sha256').update(token).digest());

/** 256 random bits, URL-safe: shown once at registration, kept only as its SHA-256. */
const newGatewayToken = (): string => randomBytes(32).toString('base64url');

/** The gateway a bearer token belongs to; a missing, unknown or revoked token is refused alike. */
export async function authenticateGateway(
  db: Db,
  authorization: string | null | undefined,
  now = new Date(),
): Promise<AuthenticatedGateway> {
  const token = /^Bearer ([A-Za-z0-9_-]{16,256})$/.exec(authorization?.trim() ?? '')?.[1];
  if (!token) throw new AppError('GATEWAY_UNAUTHORIZED');
  const [gateway] = await db
    .update(gateways)
    .set({ lastSeenAt: now })
    .where(and(eq(gateways.tokenHash, hashToken(token)), isNull(gateways.revokedAt)))
    .returning({ id: gateways.id, stationId: gateways.stationId });
  if (!gateway) throw new AppError('GATEWAY_UNAUTHORIZED');
  return gateway;
}

export async function registerGateway(
  db: Db,
  user: SessionUser,
  input: { stationId: string; name: string },
  token = newGatewayToken(),
) {
  const [station] = await db.select().from(stations).where(eq(stations.id, input.stationId));
  if (!station) throw new AppError('STATION_NOT_FOUND');
  assertMayManage(user, station.municipalityId);
  try {
    const row = await db.transaction(async (tx) => {
      const [made] = await tx
        .insert(gateways)
        .values({ stationId: station.id, name: input.name, tokenHash: hashToken(token) })
        .returning({ id: gateways.id, stationId: gateways.stationId, name: gateways.name });
      if (!made) throw new Error('gateway not recorded');
      // The token never: it is shown once, to the person registering.
      await recordAudit(tx, user, { ...gatewayEntry('gateway.register', made.id, station), after: made });
      return made;
    });
    return { ...row, token };
  } catch (error) {
    if (sqlState(error) === '23505') throw new AppError('GATEWAY_NAME_TAKEN', { cause: error });
    throw error;
  }
}

export async function revokeGateway(db: Db, user: SessionUser, gatewayId: string, now = new Date()) {
  const [row] = await db
    .select({
      id: gateways.id,
      stationId: gateways.stationId,
      name: gateways.name,
      municipalityId: stations.municipalityId,
      revokedAt: gateways.revokedAt,
    })
    .from(gateways)
    .innerJoin(stations, eq(stations.id, gateways.stationId))
    .where(eq(gateways.id, gatewayId));
  if (!row) throw new AppError('GATEWAY_NOT_FOUND');
  assertMayManage(user, row.municipalityId);
  const { id, stationId, name } = row;
  await db.transaction(async (tx) => {
    const revoked = await tx
      .update(gateways)
      .set({ revokedAt: now })
      .where(and(eq(gateways.id, gatewayId), isNull(gateways.revokedAt)))
      .returning({ id: gateways.id });
    // Revoked already: nothing changes, nothing is logged.
    if (revoked.length > 0)
      await recordAudit(tx, user, {
        ...gatewayEntry('gateway.revoke', id, row),
        before: { id, stationId, name, revokedAt: null },
        after: { id, stationId, name, revokedAt: now },
      });
  });
  return { id: row.id, revoked: true as const };
}

const gatewayEntry = (action: string, gatewayId: string, station: { municipalityId: string }) => ({
  action,
  objectType: 'gateway',
  objectId: gatewayId,
  municipalityId: station.municipalityId,
});

export interface ProvisionBoxInput {
  vehicleId: string;
  address: string;
  boxId?: string | undefined;
  /** The box's own public key; without it the server makes the key (demo and simulator only). */
  publicKey?: Uint8Array | undefined;
  firmware?: string | undefined;
  /** Puts this box in the place of the car's current one, which keeps its records and history. */
  replace?: boolean | undefined;
}

/**
 * Records a box for a vehicle. A real box makes its key itself and hands over the public half;
 * for the demo and simulator the server can make the seed and return it, once.
 */
export async function provisionBox(db: Db, keys: FleetKeys, user: SessionUser, input: ProvisionBoxInput) {
  const [vehicle] = await db.select().from(vehicles).where(eq(vehicles.id, input.vehicleId));
  if (!vehicle) throw new AppError('VEHICLE_NOT_FOUND');
  assertMayManage(user, vehicle.ownerMunicipalityId);
  if (input.publicKey && publicKeyFromRaw(input.publicKey) === null)
    throw new AppError('INVALID_INPUT', { fieldErrors: { publicKey: ['Kein gültiger Ed25519-Schlüssel.'] } });
  let seed: Uint8Array | null = null;
  let publicKey = input.publicKey;
  if (!publicKey) {
    seed = new Uint8Array(randomBytes(32));
    publicKey = keyPairFromSeed(seed).publicKey;
  }
  const boxId = input.boxId ?? randomUUID();
  // A new box is provisioned with the active CA key (a rotation under way reaches it at its next pull).
  const ca = await activeCaKey(db, keys);
  const box = {
    id: boxId,
    vehicleId: vehicle.id,
    bleAddress: input.address.toUpperCase(),
    publicKey,
    firmware: input.firmware ?? null,
  };
  try {
    await db.transaction(async (tx) => {
      const replaced = input.replace
        ? await tx
            .update(boxes)
            .set({ replacedAt: new Date() })
            .where(and(eq(boxes.vehicleId, vehicle.id), isNull(boxes.replacedAt)))
            .returning({ id: boxes.id, bleAddress: boxes.bleAddress, firmware: boxes.firmware })
        : [];
      await tx.insert(boxes).values(box);
      await recordAnchor(tx, boxId, ca.id);
      // The public key only (as hex); a seed the server made never reaches the log.
      await recordAudit(tx, user, {
        action: replaced.length > 0 ? 'box.replace' : 'box.provision',
        objectType: 'box',
        objectId: boxId,
        municipalityId: vehicle.ownerMunicipalityId,
        before: replaced[0] ?? null,
        after: box,
      });
    });
  } catch (error) {
    if (sqlState(error) === '23505') throw new AppError('BOX_ALREADY_PROVISIONED', { cause: error });
    throw error;
  }
  return {
    boxId,
    vehicleId: vehicle.id,
    address: input.address.toUpperCase(),
    publicKey: toHex(publicKey),
    seed: seed ? toHex(seed) : null,
    caPublicKey: toHex(ca.publicKey),
  };
}

/** The boxes of the gateway's station, for its scans. */
export async function stationBoxes(db: Db, gateway: AuthenticatedGateway) {
  const rows = await db
    .select({ boxId: boxes.id, address: boxes.bleAddress })
    .from(boxes)
    .innerJoin(vehicles, eq(vehicles.id, boxes.vehicleId))
    .where(and(atGatewayStation(gateway, vehicles.homeStationId), isNull(boxes.replacedAt)));
  return { stationId: gateway.stationId, boxes: rows };
}
