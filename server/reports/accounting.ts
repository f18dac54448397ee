import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { municipalities, municipalityAccounting } from '@/db/schema';
import { recordAudit } from '../audit/record';
import type { SessionUser } from '../auth/queries';
import { assertMayManage } from '../auth/scope';
import { invalidInput } from '../errors';
import { fieldTexts } from '../messages/fields';
import { singleLineText } from '../validation';

/** ISO 7064 mod 97-10 over text whose letters count as 10–35: IBANs and Leitweg-IDs both use it. */
function mod97(text: string): number {
  const digits = text.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const digit of digits) rest = (rest * 10 + Number(digit)) % 97;
  return rest;
}

/** ISO 13616: the first four characters moved to the end, the number mod 97 is 1. */
export function ibanIsValid(iban: string): boolean {
  return /^[A-Z]{2}[0-9]{2}[0-9A-Z]{11,30}$/.test(iban) && mod97(`${iban.slice(4)}${iban.slice(0, 4)}`) === 1;
}

/** KoSIT's Leitweg-ID: the two last digits are 98 − (the id's digits and letters, then 00) mod 97. */
export function leitwegIdIsValid(id: string): boolean {
  const match = /^([0-9]{2,12}(?:-[0-9A-Z]{1,30})?)-([0-9]{2})$/.exec(id);
  if (!match?.[1]) return false;
  return 98 - mod97(`${match[1].replace('-', '')}00`) === Number(match[2]);
}

const code = singleLineText({ min: 1, max: 40 });
const compact = (value: string) => value.replace(/\s+/g, '').toUpperCase();

/** A municipality's accounting and invoice data as a fleet manager or the operator enters it. */
export const accountingInput = z.object({
  municipalityId: z.uuid(),
  costCentre: code,
  expenseAccount: code,
  revenueAccount: code,
  legalName: singleLineText({ min: 1, max: 200 }),
  street: singleLineText({ min: 1, max: 200 }),
  postalCode: singleLineText({ min: 1, max: 20 }),
  city: singleLineText({ min: 1, max: 100 }),
  countryCode: z.string().regex(/^[A-Z]{2}$/, { error: () => fieldTexts().countryCode }),
  leitwegId: z
    .string()
    .trim()
    .toUpperCase()
    .refine(leitwegIdIsValid, { error: () => fieldTexts().leitwegId }),
  vatId: z
    .string()
    .transform(compact)
    .pipe(z.string().regex(/^[A-Z]{2}[0-9A-Z]{2,12}$/, { error: () => fieldTexts().vatId }))
    .nullable(),
  taxNumber: singleLineText({ min: 1, max: 30 }).nullable(),
  iban: z
    .string()
    .transform(compact)
    .refine(ibanIsValid, { error: () => fieldTexts().iban }),
  bic: z
    .string()
    .transform(compact)
    .pipe(z.string().regex(/^[A-Z0-9]{8}([A-Z0-9]{3})?$/, { error: () => fieldTexts().bic }))
    .nullable(),
  contactName: singleLineText({ min: 1, max: 200 }),
  contactPhone: singleLineText({ min: 1, max: 40 }),
  contactEmail: z.email(),
});
export type AccountingInput = z.infer<typeof accountingInput>;

const columns = {
  municipalityId: municipalities.id,
  slug: municipalities.slug,
  name: municipalities.name,
  costCentre: municipalities.costCentre,
  accounting: municipalityAccounting,
};

/** Accounting data of the given municipalities (all if none given), with null where none is kept yet. */
export async function accountingOf(db: Db, municipalityIds?: readonly string[]) {
  const rows = await db
    .select(columns)
    .from(municipalities)
    .leftJoin(municipalityAccounting, eq(municipalityAccounting.municipalityId, municipalities.id))
    .where(municipalityIds ? inArray(municipalities.id, [...municipalityIds]) : undefined);
  return new Map(rows.map((row) => [row.municipalityId, row]));
}
export type MunicipalityAccounting = NonNullable<ReturnType<Awaited<ReturnType<typeof accountingOf>>['get']>>;

/** One municipality's data for whoever manages it. */
export async function readAccounting(db: Db, user: SessionUser, municipalityId: string) {
  assertMayManage(user, municipalityId);
  const row = (await accountingOf(db, [municipalityId])).get(municipalityId);
  if (!row) throw invalidInput({ municipalityId: ['Diese Kommune gibt es nicht.'] });
  return row;
}

/** Sets a municipality's cost centre and accounting data; the row keeps who changed it last. */
export async function setAccounting(db: Db, user: SessionUser, input: AccountingInput) {
  assertMayManage(user, input.municipalityId);
  const { municipalityId, costCentre, ...data } = input;
  if (data.vatId === null && data.taxNumber === null)
    throw invalidInput({ taxNumber: ['Bitte USt-IdNr. oder Steuernummer angeben.'] });
  return db.transaction(async (tx) => {
    const before = (await accountingOf(tx, [municipalityId])).get(municipalityId);
    const [municipality] = await tx
      .update(municipalities)
      .set({ costCentre })
      .where(eq(municipalities.id, municipalityId))
      .returning({ id: municipalities.id });
    if (!municipality) throw invalidInput({ municipalityId: ['Diese Kommune gibt es nicht.'] });
    const values = { ...data, updatedBy: user.id };
    await tx
      .insert(municipalityAccounting)
      .values({ municipalityId, ...values })
      .onConflictDoUpdate({ target: municipalityAccounting.municipalityId, set: values });
    const after = await readAccounting(tx, user, municipalityId);
    await recordAudit(tx, user, {
      action: 'accounting.set',
      objectType: 'accounting',
      objectId: municipalityId,
      municipalityId,
      before: before ? accountingSnapshot(before) : null,
      after: accountingSnapshot(after),
    });
    return after;
  });
}

/** The data as the audit log shows it: the cost centre and the fields entered, not who saved them last. */
function accountingSnapshot(row: MunicipalityAccounting) {
  if (!row.accounting) return { costCentre: row.costCentre };
  const { municipalityId: _m, updatedBy: _by, updatedAt: _at, ...data } = row.accounting;
  return { costCentre: row.costCentre, ...data };
}
