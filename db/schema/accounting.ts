import { sql } from 'drizzle-orm';
import { check, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { updatedAt } from './columns';
import { municipalities } from './fleet';

/**
 * What municipal accounting and an e-invoice need of a municipality, beside its cost centre
 * (`municipalities.cost_centre`): the accounts a settlement is booked to (expense when it pays,
 * revenue when it is paid), and the invoice party — legal name, address, Leitweg-ID (the routing
 * id of German public buyers, XRechnung's buyer reference), VAT id or tax number, bank account,
 * invoicing contact. One row per municipality; the last change keeps who made it.
 */
export const municipalityAccounting = pgTable(
  'municipality_accounting',
  {
    municipalityId: uuid('municipality_id')
      .primaryKey()
      .references(() => municipalities.id, { onDelete: 'cascade' }),
    expenseAccount: text('expense_account').notNull(),
    revenueAccount: text('revenue_account').notNull(),
    legalName: text('legal_name').notNull(),
    street: text('street').notNull(),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    countryCode: text('country_code').notNull().default('DE'),
    leitwegId: text('leitweg_id').notNull(),
    vatId: text('vat_id'),
    taxNumber: text('tax_number'),
    iban: text('iban').notNull(),
    bic: text('bic'),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    contactEmail: text('contact_email').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('municipality_accounting_country', sql`${t.countryCode} ~ '^[A-Z]{2}$'`),
    // Grobadressierung (2–12 digits), optional Feinadressierung, two check digits.
    check(
      'municipality_accounting_leitweg_id',
      sql`${t.leitwegId} ~ '^[0-9]{2,12}(-[0-9A-Z]{1,30})?-[0-9]{2}$'`,
    ),
    check('municipality_accounting_iban', sql`${t.iban} ~ '^[A-Z]{2}[0-9]{2}[0-9A-Z]{11,30}$'`),
    check('municipality_accounting_bic', sql`${t.bic} is null or ${t.bic} ~ '^[A-Z0-9]{8}([A-Z0-9]{3})?$'`),
    check(
      'municipality_accounting_vat_id',
      sql`${t.vatId} is null or ${t.vatId} ~ '^[A-Z]{2}[0-9A-Z]{2,12}$'`,
    ),
    // An exempt e-invoice names the seller's VAT id or tax number (EN 16931 BR-E-02).
    check('municipality_accounting_tax_identity', sql`${t.vatId} is not null or ${t.taxNumber} is not null`),
  ],
);
