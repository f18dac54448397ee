import { type Table, wallClock } from '../../files/tables';
import type { SettlementView } from './settlement-view';

const kinds = { charge: 'Belastung', correction: 'Korrektur' } as const;
const month = (first: string) => first.slice(0, 7);

/**
 * A settlement as tables for accounting: the lines per booking, the matrix payer × payee of
 * amounts, the net of each pair (with the path of its e-invoice). Several months follow each
 * other in the same tables, told apart by their month column.
 */
export function settlementTables(views: readonly SettlementView[], zone: string): Table[] {
  const lines: Table = {
    name: 'Positionen',
    columns: [
      { header: 'Monat', kind: 'text' },
      { header: 'Buchung', kind: 'text' },
      { header: 'Beginn', kind: 'datetime' },
      { header: 'Art', kind: 'text' },
      { header: 'Zahlende Kommune', kind: 'text' },
      { header: 'Kostenstelle Zahler', kind: 'text' },
      { header: 'Sachkonto Aufwand', kind: 'text' },
      { header: 'Empfangende Kommune', kind: 'text' },
      { header: 'Kostenstelle Empfänger', kind: 'text' },
      { header: 'Sachkonto Ertrag', kind: 'text' },
      { header: 'Stunden', kind: 'decimal' },
      { header: 'Kilometer', kind: 'decimal' },
      { header: 'Betrag (€)', kind: 'money' },
    ],
    rows: views.flatMap((v) =>
      v.lines.map((l) => [
        month(v.month),
        l.bookingId,
        l.start && wallClock(l.start, zone),
        kinds[l.kind],
        l.payer.name,
        l.payer.costCentre,
        l.payer.account,
        l.payee.name,
        l.payee.costCentre,
        l.payee.account,
        l.hours,
        l.km,
        l.amount,
      ]),
    ),
  };
  const payees = [...new Map(views.flatMap((v) => v.matrix.map((c) => [c.payee.id, c.payee]))).values()];
  payees.sort((x, y) => x.name.localeCompare(y.name, 'de'));
  const matrix: Table = {
    name: 'Matrix',
    columns: [
      { header: 'Monat', kind: 'text' },
      { header: 'Zahler \\ Empfänger', kind: 'text' },
      ...payees.map((p) => ({ header: p.name, kind: 'money' as const })),
    ],
    rows: views.flatMap((v) => {
      const payers = [...new Map(v.matrix.map((c) => [c.payer.id, c.payer])).values()];
      payers.sort((x, y) => x.name.localeCompare(y.name, 'de'));
      return payers.map((p) => [
        month(v.month),
        p.name,
        ...payees.map(
          (q) => v.matrix.find((c) => c.payer.id === p.id && c.payee.id === q.id)?.amount ?? null,
        ),
      ]);
    }),
  };
  const net: Table = {
    name: 'Netto',
    columns: [
      { header: 'Monat', kind: 'text' },
      { header: 'Zahlende Kommune', kind: 'text' },
      { header: 'Kostenstelle Zahler', kind: 'text' },
      { header: 'Empfangende Kommune', kind: 'text' },
      { header: 'Kostenstelle Empfänger', kind: 'text' },
      { header: 'Betrag (€)', kind: 'money' },
      { header: 'E-Rechnung', kind: 'text' },
    ],
    rows: views.flatMap((v) =>
      v.net.map((n) => [
        month(v.month),
        n.payer.name,
        n.payer.costCentre,
        n.payee.name,
        n.payee.costCentre,
        n.amount,
        invoicePath(v.month, n.payer.id, n.payee.id),
      ]),
    ),
  };
  return [lines, matrix, net];
}

/** Where the e-invoice of a net amount is downloaded (app/api/berichte/rechnung). */
const invoicePath = (monthFirst: string, payerId: string, payeeId: string) =>
  `/api/berichte/rechnung/${month(monthFirst)}/${payerId}/${payeeId}.xml`;
