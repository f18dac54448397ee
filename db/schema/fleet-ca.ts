import { index, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { instant } from './columns';
import { boxes, fleetCaKeys } from './telematics';

/**
 * Which CA keys a box confirmed it trusts, by its own signed answer to a trust update (or by
 * being provisioned with the key). `retiredAt` is set when the box confirmed dropping it.
 */
export const boxTrustAnchors = pgTable(
  'box_trust_anchors',
  {
    boxId: uuid('box_id')
      .notNull()
      .references(() => boxes.id, { onDelete: 'cascade' }),
    caKeyId: uuid('ca_key_id')
      .notNull()
      .references(() => fleetCaKeys.id, { onDelete: 'restrict' }),
    confirmedAt: instant('confirmed_at').notNull().defaultNow(),
    retiredAt: instant('retired_at'),
  },
  (t) => [
    primaryKey({ name: 'box_trust_anchors_pkey', columns: [t.boxId, t.caKeyId] }),
    index('box_trust_anchors_ca_key_idx').on(t.caKeyId),
  ],
);
