import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { gatewayJobs, keyCertificates } from '@/db/schema';
import {
  bytesEqual,
  decodeCertificate,
  encodeRevocation,
  issueCertificate,
  signRevocation,
  toHex,
  uuidToBytes,
  verifyCertificate,
} from '@/telematics/protocol';
import { type Actor, recordAudit, systemActor } from '../audit/record';
import { signingKeyFor } from './ca-keys';
import type { FleetKeys } from './keys';
import { allocateSerial, type KeyBookingRow, unrevokedCertificatesOf } from './queries';
import { BOX_TOLERANCE_MS, certificateWindow, unixSeconds } from './rules';
import { wakeStation } from './wakeups';

type CertificateBooking = Pick<
  KeyBookingRow,
  'id' | 'userId' | 'startsAt' | 'endsAt' | 'vehicleId' | 'municipalityId'
>;

export interface IssueRequest {
  boxId: string;
  booking: CertificateBooking;
  holder: 'relay' | 'phone';
  holderPublicKey: Uint8Array;
  rights: number;
  now: Date;
  /** Who the key is issued to the log as: the person for a phone key, the system for the relay's. */
  issuedBy: Actor;
}

/** Signs a certificate with a fleet CA key the box trusts, under the box's next serial and records it. */
export async function issueKeyCertificate(db: Db, keys: FleetKeys, request: IssueRequest) {
  // A key the box confirmed it trusts: during a CA rotation the new one once the box holds it.
  const ca = await signingKeyFor(db, keys, request.boxId);
  return db.transaction(async (tx) => {
    const serial = await allocateSerial(tx, request.boxId);
    const { notBefore, notAfter } = certificateWindow(request.booking);
    const frame = issueCertificate(
      {
        boxId: uuidToBytes(request.boxId),
        bookingId: uuidToBytes(request.booking.id),
        serial,
        issuedAt: unixSeconds(request.now),
        notBefore: unixSeconds(notBefore),
        notAfter: unixSeconds(notAfter),
        rights: request.rights,
        holderPub: request.holderPublicKey,
      },
      ca,
    );
    const [row] = await tx
      .insert(keyCertificates)
      .values({
        boxId: request.boxId,
        serial,
        bookingId: request.booking.id,
        holder: request.holder,
        holderPublicKey: request.holderPublicKey,
        rights: request.rights,
        issuedAt: request.now,
        notBefore,
        notAfter,
        frame,
      })
      .returning();
    if (!row) throw new Error('certificate not recorded');
    await recordAudit(tx, request.issuedBy, keyIssueEntry(row, request.booking));
    return row;
  });
}

/** Every key issued, as the log keeps it: whose booking, which car, the window, the serial; never a private key. */
const keyIssueEntry = (row: typeof keyCertificates.$inferSelect, booking: CertificateBooking) => ({
  action: 'key.issue',
  objectType: 'key',
  objectId: row.id,
  municipalityId: booking.municipalityId,
  after: {
    bookingId: row.bookingId,
    bookerId: booking.userId,
    vehicleId: booking.vehicleId,
    boxId: row.boxId,
    serial: row.serial,
    holder: row.holder,
    rights: row.rights,
    notBefore: row.notBefore,
    notAfter: row.notAfter,
  },
});

/**
 * The relay certificate for a booking and op: one per booking, window and rights, reused across
 * commands so a cancellation has few serials to revoke.
 */
export async function relayCertificate(
  db: Db,
  keys: FleetKeys,
  request: Omit<IssueRequest, 'holder' | 'holderPublicKey' | 'issuedBy'>,
) {
  const { notBefore, notAfter } = certificateWindow(request.booking);
  const existing = await db
    .select()
    .from(keyCertificates)
    .where(
      and(
        eq(keyCertificates.bookingId, request.booking.id),
        eq(keyCertificates.boxId, request.boxId),
        eq(keyCertificates.holder, 'relay'),
        eq(keyCertificates.rights, request.rights),
        eq(keyCertificates.notBefore, notBefore),
        eq(keyCertificates.notAfter, notAfter),
        isNull(keyCertificates.revokedAt),
      ),
    );
  // Only one signed with the key the box is signed for now: after a CA rotation the box refuses
  // certificates of the retired key, and during one the new key is preferred.
  const ca = await signingKeyFor(db, keys, request.boxId);
  const usable = existing.find((c) => {
    const decoded = decodeCertificate(c.frame);
    return (
      bytesEqual(c.holderPublicKey, keys.relay.publicKey) &&
      decoded.ok &&
      verifyCertificate(decoded.frame, ca.publicKey)
    );
  });
  if (usable) return usable;
  return issueKeyCertificate(db, keys, {
    ...request,
    holder: 'relay',
    holderPublicKey: keys.relay.publicKey,
    issuedBy: systemActor,
  });
}

/**
 * Revokes every certificate of a booking and queues a CA-signed revocation for each to the
 * gateways of the car's station, delivered when one next reaches the box. A certificate the box
 * would refuse anyway by then gets no revocation. Returns the ids of the queued jobs.
 */
export async function revokeBookingKeys(
  db: Db,
  keys: FleetKeys,
  booking: { id: string; stationId: string },
  now = new Date(),
): Promise<string[]> {
  const jobIds: string[] = [];
  await db.transaction(async (tx) => {
    for (const certificate of await unrevokedCertificatesOf(tx, booking.id)) {
      const changed = await tx
        .update(keyCertificates)
        .set({ revokedAt: now })
        .where(and(eq(keyCertificates.id, certificate.id), isNull(keyCertificates.revokedAt)))
        .returning({ id: keyCertificates.id });
      const useless = new Date(certificate.notAfter.getTime() + BOX_TOLERANCE_MS);
      if (changed.length === 0 || useless <= now) continue;
      const frame = encodeRevocation(
        signRevocation(
          { boxId: uuidToBytes(certificate.boxId), serial: certificate.serial, issuedAt: unixSeconds(now) },
          await signingKeyFor(tx, keys, certificate.boxId),
        ),
      );
      const id = randomUUID();
      await tx.insert(gatewayJobs).values({
        id,
        stationId: booking.stationId,
        boxId: certificate.boxId,
        bookingId: booking.id,
        kind: 'revocation',
        frame,
        certificateId: certificate.id,
        createdAt: now,
        availableAt: now,
        expiresAt: useless,
      });
      jobIds.push(id);
    }
  });
  // After the commit: a gateway woken earlier would not see the jobs yet.
  if (jobIds.length > 0) await wakeStation(db, booking.stationId);
  return jobIds;
}

export const certificateView = (row: typeof keyCertificates.$inferSelect) => ({
  serial: row.serial,
  certificate: toHex(row.frame),
  notBefore: row.notBefore,
  notAfter: row.notAfter,
  rights: row.rights,
});
