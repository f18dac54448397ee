import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { boxes, gateways, stations, vehicles } from '@/db/schema';
import { keyPairFromSeed, publicKeyFromRaw, toHex } from '@/telematics/protocol';
import type { SessionUser } from '../auth/queries';
import { assertMayManage, atGatewayStation } from '../auth/scope';
import { AppError, sqlState } from '../errors';
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
    const [row] = await db
      .insert(gateways)
      .values({ stationId: station.id, name: input.name, tokenHash: hashToken(token) })
      .returning({ id: gateways.id, stationId: gateways.stationId, name: gateways.name });
    if (!row) throw new Error('gateway not recorded');
    return { ...row, token };
  } catch (error) {
    if (sqlState(error) === '23505') throw new AppError('GATEWAY_NAME_TAKEN', { cause: error });
    throw error;
  }
}

export async function revokeGateway(db: Db, user: SessionUser, gatewayId: string, now = new Date()) {
  const [row] = await db
    .select({ id: gateways.id, municipalityId: stations.municipalityId, revokedAt: gateways.revokedAt })
    .from(gateways)
    .innerJoin(stations, eq(stations.id, gateways.stationId))
    .where(eq(gateways.id, gatewayId));
  if (!row) throw new AppError('GATEWAY_NOT_FOUND');
  assertMayManage(user, row.municipalityId);
  if (!row.revokedAt) await db.update(gateways).set({ revokedAt: now }).where(eq(gateways.id, gatewayId));
  return { id: row.id, revoked: true as const };
}

export interface ProvisionBoxInput {
  vehicleId: string;
  address: string;
  boxId?: string | undefined;
  /** The box's own public key; without it the server makes the key (demo and simulator only). */
  publicKey?: Uint8Array | undefined;
  firmware?: string | undefined;
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
  try {
    await db.insert(boxes).values({
      id: boxId,
      vehicleId: vehicle.id,
      bleAddress: input.address.toUpperCase(),
      publicKey,
      firmware: input.firmware ?? null,
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
    caPublicKey: toHex(keys.ca.publicKey),
  };
}

/** The boxes of the gateway's station, for its scans. */
export async function stationBoxes(db: Db, gateway: AuthenticatedGateway) {
  const rows = await db
    .select({ boxId: boxes.id, address: boxes.bleAddress })
    .from(boxes)
    .innerJoin(vehicles, eq(vehicles.id, boxes.vehicleId))
    .where(atGatewayStation(gateway, vehicles.homeStationId));
  return { stationId: gateway.stationId, boxes: rows };
}
