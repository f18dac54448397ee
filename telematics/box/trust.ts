/**
 * How a box takes a trust anchor update (type 0x08), as one function of the frame and its flash.
 * The checks in order (PROTOCOL.md, "Rotating the fleet CA key"):
 *   1. length, version, type and a known action with a usable key; else MALFORMED;
 *   2. signed by one of the anchors it holds now; else BAD_CA_SIGNATURE;
 *   3. its own boxId; else WRONG_BOX;
 *   4. already in effect (adding a key it holds, retiring one it does not): OK, nothing changes,
 *      so a retried delivery whose first answer was lost is confirmed, not refused;
 *   5. issuedAt after the newest trust update it accepted; else STALE_UPDATE (a replay of an
 *      older update, e.g. re-adding a key retired since);
 *   6. at most two anchors, never none: ANCHORS_FULL, LAST_ANCHOR.
 */
import type { KeyObject } from 'node:crypto';
import { bytesEqual } from '../protocol/bytes';
import { Status, type StatusCode } from '../protocol/constants';
import { publicKeyFromRaw } from '../protocol/ed25519';
import {
  decodeTrustAnchor,
  MAX_TRUST_ANCHORS,
  TrustAction,
  verifyTrustAnchor,
} from '../protocol/trust-anchor';
import type { BoxStore } from './store';

/** The anchors as keys to verify with; a stored key that is not a usable point verifies nothing. */
export function anchorKeys(store: BoxStore): KeyObject[] {
  return store.trustAnchors.map(publicKeyFromRaw).filter((key): key is KeyObject => key !== null);
}

export function applyTrustUpdate(store: BoxStore, frame: Uint8Array): StatusCode {
  const decoded = decodeTrustAnchor(frame);
  if (!decoded.ok) return Status.MALFORMED;
  const update = decoded.frame;
  const known = update.action === TrustAction.ADD || update.action === TrustAction.RETIRE;
  if (!known || publicKeyFromRaw(update.key) === null) return Status.MALFORMED;
  if (!anchorKeys(store).some((key) => verifyTrustAnchor(update, key))) return Status.BAD_CA_SIGNATURE;
  if (!bytesEqual(update.boxId, store.boxId)) return Status.WRONG_BOX;

  const held = store.trustAnchors.some((anchor) => bytesEqual(anchor, update.key));
  const adding = update.action === TrustAction.ADD;
  if (held === adding) return Status.OK;
  if (update.issuedAt <= store.trustIssuedAt) return Status.STALE_UPDATE;
  if (adding && store.trustAnchors.length >= MAX_TRUST_ANCHORS) return Status.ANCHORS_FULL;
  if (!adding && store.trustAnchors.length <= 1) return Status.LAST_ANCHOR;

  store.trustAnchors = adding
    ? [...store.trustAnchors, new Uint8Array(update.key)]
    : store.trustAnchors.filter((anchor) => !bytesEqual(anchor, update.key));
  store.trustIssuedAt = update.issuedAt;
  store.newestIssuedAt = Math.max(store.newestIssuedAt, update.issuedAt);
  return Status.OK;
}
