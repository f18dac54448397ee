/**
 * The fleet CA's generations and which of them each box trusts (db: fleet_ca_keys,
 * box_trust_anchors). Every certificate, revocation and trust update for a box is signed with a
 * key that box confirmed it trusts, so a rotation never sends a box something it would refuse.
 */
import { and, desc, eq, exists, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { boxTrustAnchors, fleetCaKeys } from '@/db/schema';
import { bytesEqual, type Ed25519KeyPair } from '@/telematics/protocol';
import { AppError } from '../errors';
import type { FleetKeys } from './keys';

export type CaKeyRow = typeof fleetCaKeys.$inferSelect;

/**
 * The generations, oldest first. The first is recorded on first use from the configured CA key:
 * it cannot be in a migration, which knows no seed.
 */
export async function caGenerations(db: Db, keys: FleetKeys): Promise<CaKeyRow[]> {
  const rows = await db.select().from(fleetCaKeys).orderBy(fleetCaKeys.generation);
  if (rows.length > 0) return rows;
  await db
    .insert(fleetCaKeys)
    .values({ generation: 1, publicKey: keys.ca.publicKey, state: 'active', activatedAt: new Date() })
    .onConflictDoNothing();
  return db.select().from(fleetCaKeys).orderBy(fleetCaKeys.generation);
}

export async function activeCaKey(db: Db, keys: FleetKeys): Promise<CaKeyRow> {
  const active = (await caGenerations(db, keys)).find((row) => row.state === 'active');
  if (!active) throw new Error('the fleet CA has no active generation');
  return active;
}

/** The key pair of a generation, refused when this server's seed is not the one recorded. */
export async function caKeyPair(keys: FleetKeys, row: CaKeyRow): Promise<Ed25519KeyPair> {
  const pair = await keys.caGeneration(row.generation);
  if (!bytesEqual(pair.publicKey, row.publicKey)) throw new AppError('CA_KEY_UNAVAILABLE');
  return pair;
}

/** The box holds this generation (correlated with the fleet_ca_keys row of the outer query). */
const liveAnchor = (boxId: string) =>
  and(
    eq(boxTrustAnchors.boxId, boxId),
    eq(boxTrustAnchors.caKeyId, fleetCaKeys.id),
    isNull(boxTrustAnchors.retiredAt),
  );

/**
 * The key to sign for this box: the newest unretired generation it confirmed. A box with no
 * anchors recorded was provisioned with the active key before generations were kept (or written
 * in directly, as the tests and reports seeds do), so it gets that one.
 */
export async function signingKeyFor(db: Db, keys: FleetKeys, boxId: string): Promise<Ed25519KeyPair> {
  await caGenerations(db, keys);
  const [trusted] = await db
    .select()
    .from(fleetCaKeys)
    .where(
      and(
        ne(fleetCaKeys.state, 'retired'),
        exists(db.select({ one: sql`1` }).from(boxTrustAnchors).where(liveAnchor(boxId))),
      ),
    )
    .orderBy(desc(fleetCaKeys.generation))
    .limit(1);
  if (trusted) return caKeyPair(keys, trusted);
  const [anyAnchor] = await db
    .select({ boxId: boxTrustAnchors.boxId })
    .from(boxTrustAnchors)
    .where(eq(boxTrustAnchors.boxId, boxId))
    .limit(1);
  if (anyAnchor) throw new AppError('BOX_TRUSTS_NO_KEY');
  return caKeyPair(keys, await activeCaKey(db, keys));
}

/** Records what a box was provisioned with, or confirmed by its signed answer to an add. */
export async function recordAnchor(db: Db, boxId: string, caKeyId: string, now = new Date()) {
  await db
    .insert(boxTrustAnchors)
    .values({ boxId, caKeyId, confirmedAt: now })
    .onConflictDoUpdate({
      target: [boxTrustAnchors.boxId, boxTrustAnchors.caKeyId],
      set: { confirmedAt: now, retiredAt: null },
    });
}

/** The box confirmed it dropped the key. */
export async function recordAnchorRetired(db: Db, boxId: string, caKeyId: string, now = new Date()) {
  await db
    .update(boxTrustAnchors)
    .set({ retiredAt: now })
    .where(
      and(
        eq(boxTrustAnchors.boxId, boxId),
        eq(boxTrustAnchors.caKeyId, caKeyId),
        isNull(boxTrustAnchors.retiredAt),
      ),
    );
}

/** Boxes with no anchor recorded get the active key written down, so a rotation counts every box alike. */
export async function recordImplicitAnchors(db: Db, activeId: string) {
  await db.execute(sql`
    insert into box_trust_anchors (box_id, ca_key_id)
    select b.id, ${activeId}::uuid from boxes b
    where not exists (select 1 from box_trust_anchors a where a.box_id = b.id)`);
}

/** Which generations each box trusts now, by box id. */
export async function trustedGenerations(db: Db): Promise<Map<string, number[]>> {
  const rows = await db
    .select({ boxId: boxTrustAnchors.boxId, generation: fleetCaKeys.generation })
    .from(boxTrustAnchors)
    .innerJoin(fleetCaKeys, eq(fleetCaKeys.id, boxTrustAnchors.caKeyId))
    .where(isNull(boxTrustAnchors.retiredAt))
    .orderBy(fleetCaKeys.generation);
  const out = new Map<string, number[]>();
  for (const row of rows) out.set(row.boxId, [...(out.get(row.boxId) ?? []), row.generation]);
  return out;
}
