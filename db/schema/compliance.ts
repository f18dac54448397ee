import { sql } from 'drizzle-orm';
import { check, date, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { vehicleBlocks } from './blocks';
import { createdAt, id } from './columns';
import { vehicles } from './fleet';

/** The EU driving licence classes (Directive 2006/126/EC; L and T are German national classes). */
export const licenceClasses = [
  'AM',
  'A1',
  'A2',
  'A',
  'B',
  'BE',
  'C1',
  'C1E',
  'C',
  'CE',
  'D1',
  'D1E',
  'D',
  'DE',
  'L',
  'T',
] as const;
export const licenceClass = pgEnum('licence_class', licenceClasses);

/**
 * Führerscheinkontrolle (§ 21 StVG): the fact that a person's licence was seen, never a copy of
 * it. Append-only (a trigger refuses UPDATE): a correction is a new check, the history stays.
 */
export const licenceChecks = pgTable(
  'licence_checks',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    checkedOn: date('checked_on', { mode: 'string' }).notNull(),
    /** The recording manager when they checked it themselves; null for another named person. */
    checkedById: uuid('checked_by_id').references(() => users.id, { onDelete: 'set null' }),
    checkedByName: text('checked_by_name').notNull(),
    classes: licenceClass('classes').array().notNull(),
    /** Field 4b of the card; null for the old paper licences that carry none. */
    cardExpiresOn: date('card_expires_on', { mode: 'string' }),
    /** Codes of field 12 as printed ("01.06", "78", "B96"). */
    restrictions: text('restrictions').array().notNull().default(sql`'{}'::text[]`),
    /** The next due date: the earlier of the policy's interval and the card's expiry. */
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('licence_checks_user_idx').on(t.userId, t.checkedOn),
    check('licence_checks_classes_present', sql`cardinality(${t.classes}) >= 1`),
    check('licence_checks_checked_by_present', sql`length(trim(${t.checkedByName})) > 0`),
    check(
      'licence_checks_card_valid_at_check',
      sql`${t.cardExpiresOn} is null or ${t.cardExpiresOn} >= ${t.checkedOn}`,
    ),
    check(
      'licence_checks_valid_until_bounds',
      sql`${t.validUntil} >= ${t.checkedOn} and (${t.cardExpiresOn} is null or ${t.validUntil} <= ${t.cardExpiresOn})`,
    ),
  ],
);

export const inspectionResult = pgEnum('inspection_result', ['passed', 'passed_with_defects', 'failed']);

/**
 * UVV-Prüfung of a car (DGUV Vorschrift 70 § 57), append-only. `blockId` is the inspection block
 * this record placed: from its next due date, or at once when it failed.
 */
export const vehicleInspections = pgTable(
  'vehicle_inspections',
  {
    id: id(),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    inspectedOn: date('inspected_on', { mode: 'string' }).notNull(),
    inspector: text('inspector').notNull(),
    result: inspectionResult('result').notNull(),
    defects: text('defects'),
    nextDue: date('next_due', { mode: 'string' }).notNull(),
    blockId: uuid('block_id').references(() => vehicleBlocks.id, { onDelete: 'set null' }),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('vehicle_inspections_vehicle_idx').on(t.vehicleId, t.inspectedOn),
    check('vehicle_inspections_inspector_present', sql`length(trim(${t.inspector})) > 0`),
    check(
      'vehicle_inspections_defects_named',
      sql`${t.result} = 'passed' or length(trim(coalesce(${t.defects}, ''))) > 0`,
    ),
    check('vehicle_inspections_due_after', sql`${t.nextDue} > ${t.inspectedOn}`),
  ],
);

/** Unterweisung of a driver (DGUV Vorschrift 70 § 35), yearly, append-only. */
export const driverInstructions = pgTable(
  'driver_instructions',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    instructedOn: date('instructed_on', { mode: 'string' }).notNull(),
    instructedBy: text('instructed_by').notNull(),
    topic: text('topic').notNull(),
    nextDue: date('next_due', { mode: 'string' }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('driver_instructions_user_idx').on(t.userId, t.instructedOn),
    check('driver_instructions_by_present', sql`length(trim(${t.instructedBy})) > 0`),
    check('driver_instructions_topic_present', sql`length(trim(${t.topic})) > 0`),
    check('driver_instructions_due_after', sql`${t.nextDue} > ${t.instructedOn}`),
  ],
);
