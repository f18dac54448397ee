import { inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { bookings } from '@/db/schema';
import { accountingOf, type MunicipalityAccounting } from '../accounting';
import type { settlement } from '../service';

type Settlement = Awaited<ReturnType<typeof settlement>>;

/** A municipality as settlement lines name it: for people, and for the accounts it is booked to. */
function party(accounting: Map<string, MunicipalityAccounting>, id: string, account: 'expense' | 'revenue') {
  const row = accounting.get(id);
  const data = row?.accounting;
  return {
    id,
    slug: row?.slug ?? id,
    name: row?.name ?? id,
    costCentre: row?.costCentre ?? null,
    account: (account === 'expense' ? data?.expenseAccount : data?.revenueAccount) ?? null,
  };
}

/** The net of each pair turned round so the payer owes a positive amount; settled pairs drop out. */
function owedAmounts(net: Settlement['net']) {
  return net.flatMap((pair) => {
    if (pair.aOwesB === 0) return [];
    return pair.aOwesB > 0
      ? [{ payerId: pair.a, payeeId: pair.b, amount: pair.aOwesB }]
      : [{ payerId: pair.b, payeeId: pair.a, amount: Math.round(-pair.aOwesB * 100) / 100 }];
  });
}

/**
 * A month's settlement as accounting reads it: every line with its booking's start and the cost
 * centres and accounts of payer (the driver's municipality, an expense) and payee (the owner, a
 * revenue); the matrix cells and the net amounts with the same parties.
 */
export async function settlementView(db: Db, s: Settlement) {
  const ids = new Set<string>();
  for (const cell of s.matrix) ids.add(cell.driverMunicipalityId).add(cell.ownerMunicipalityId);
  const accounting = await accountingOf(db, [...ids]);
  const bookingIds = [...new Set(s.lines.map((l) => l.bookingId))];
  const starts = new Map(
    bookingIds.length === 0
      ? []
      : (
          await db
            .select({ id: bookings.id, startsAt: bookings.startsAt })
            .from(bookings)
            .where(inArray(bookings.id, bookingIds))
        ).map((b) => [b.id, b.startsAt]),
  );
  const payer = (id: string) => party(accounting, id, 'expense');
  const payee = (id: string) => party(accounting, id, 'revenue');
  return {
    month: s.month,
    frozen: s.frozen,
    lines: s.lines.map((l) => ({
      bookingId: l.bookingId,
      start: starts.get(l.bookingId) ?? null,
      kind: l.kind,
      payer: payer(l.driverMunicipalityId),
      payee: payee(l.ownerMunicipalityId),
      hours: l.hours,
      km: l.km,
      amount: l.amount,
    })),
    matrix: s.matrix.map((cell) => ({
      payer: payer(cell.driverMunicipalityId),
      payee: payee(cell.ownerMunicipalityId),
      hours: cell.hours,
      km: cell.km,
      amount: cell.amount,
    })),
    net: owedAmounts(s.net).map((owed) => ({
      payer: payer(owed.payerId),
      payee: payee(owed.payeeId),
      amount: owed.amount,
    })),
  };
}
export type SettlementView = Awaited<ReturnType<typeof settlementView>>;
