import { z } from 'zod';
import { mayManage } from '../../auth/scope';
import { AppError, invalidInput } from '../../errors';
import { answer, download } from '../../files/http';
import { type Table, toCsv, toXlsx, wallClock } from '../../files/tables';
import { createCaller } from '../../root';
import type { Context } from '../../trpc';
import { accountingOf } from '../accounting';
import type { Grouping } from '../queries';
import { monthOf } from '../rules';
import { figureTable, stationTable } from './figure-tables';
import { type InvoiceParty, invoiceData, renderInvoice } from './invoice';
import { labelsOf } from './labels';
import { settlementTables } from './settlement-tables';
import { settlementView } from './settlement-view';

const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
type Format = keyof typeof contentTypes;

/** `<name>.csv` or `<name>.xlsx` → the name and format; any other file here does not exist. */
function tableFile(file: string): { name: string; format: Format } {
  const match = /^(.+)\.(csv|xlsx)$/.exec(file);
  if (!match?.[1]) throw new AppError('EXPORT_NOT_FOUND');
  return { name: match[1], format: match[2] as Format };
}

/** `YYYY-MM` → the month's first day; anything else is a bad month, named at its field. */
function monthParam(text: string) {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(text))
    throw invalidInput({ month: ['Bitte den Monat als JJJJ-MM angeben, z. B. 2026-10.'] });
  return `${text}-01`;
}

async function tablesFile(ctx: Context, tables: Table[], format: Format, filename: string) {
  const body = format === 'csv' ? toCsv(tables) : await toXlsx(tables, ctx.settings.productName);
  return download(body, contentTypes[format], `${filename}.${format}`);
}

/** GET /api/berichte/kennzahlen.csv|.xlsx?from&to&groupBy[&municipalityId]: the page's figures. */
export function serveFigures(ctx: Context, file: string, params: URLSearchParams) {
  return answer(ctx, async () => {
    const { name, format } = tableFile(file);
    if (name !== 'kennzahlen') throw new AppError('EXPORT_NOT_FOUND');
    const input = {
      from: params.get('from') ?? '',
      to: params.get('to') ?? '',
      groupBy: params.get('groupBy') ?? '',
      municipalityId: params.get('municipalityId') || undefined,
    };
    // The query string is untrusted text: the procedure's zod input is what checks it, as for the page.
    const result = await createCaller(ctx).reports.figures(
      input as Parameters<ReturnType<typeof createCaller>['reports']['figures']>[0],
    );
    // The procedure accepted it, so it is one of the groupings.
    const groupBy = input.groupBy as Grouping;
    const labels = await labelsOf(ctx.db);
    const tables = [
      figureTable('Kennzahlen', groupBy, result.rows, labels),
      stationTable('Stationen', result.stations, labels),
    ];
    return tablesFile(ctx, tables, format, `kennzahlen-${input.from}-${input.to}-${groupBy}`);
  });
}

/** GET /api/berichte/verrechnung/YYYY-MM.csv|.xlsx: lines, matrix and net, with cost centres. */
export function serveSettlement(ctx: Context, file: string) {
  return answer(ctx, async () => {
    const { name, format } = tableFile(file);
    const month = monthParam(name);
    const result = await createCaller(ctx).reports.settlement({ month });
    const view = await settlementView(ctx.db, result);
    return tablesFile(ctx, settlementTables([view], ctx.settings.timeZone), format, `verrechnung-${name}`);
  });
}

const municipalityId = z.uuid();

/**
 * GET /api/berichte/rechnung/YYYY-MM/<payer>/<payee>.xml: the XRechnung of the net amount the payer
 * owes the payee that month. Only for managers of either side; for anyone else, a pair that owes
 * nothing and an unknown id alike, the same NOT_FOUND.
 */
export function serveInvoice(
  ctx: Context,
  monthText: string,
  payerId: string,
  file: string,
  now = new Date(),
) {
  return answer(ctx, async () => {
    const match = /^(.+)\.xml$/.exec(file);
    if (!match?.[1]) throw new AppError('EXPORT_NOT_FOUND');
    const month = monthParam(monthText);
    const result = await createCaller(ctx).reports.settlement({ month });
    const payer = municipalityId.safeParse(payerId);
    const payee = municipalityId.safeParse(match[1]);
    if (!payer.success || !payee.success) throw new AppError('INVOICE_NOT_FOUND');
    const user = ctx.user;
    if (!user || !(mayManage(user, payer.data) || mayManage(user, payee.data)))
      throw new AppError('INVOICE_NOT_FOUND');
    const view = await settlementView(ctx.db, result);
    const owed = view.net.find((n) => n.payer.id === payer.data && n.payee.id === payee.data);
    if (!owed) throw new AppError('INVOICE_NOT_FOUND');
    const accounting = await accountingOf(ctx.db, [payer.data, payee.data]);
    const partyOf = (id: string): InvoiceParty => {
      const row = accounting.get(id);
      if (!row?.accounting)
        throw new AppError('ACCOUNTING_DATA_MISSING', {
          message: `Für die Rechnung fehlen die Abrechnungsdaten von ${row?.name ?? 'einer Kommune'}.`,
        });
      return { slug: row.slug, name: row.name, accounting: row.accounting };
    };
    const lines = view.lines.flatMap((l) => {
      const sign = l.payer.id === payer.data && l.payee.id === payee.data ? 1 : -1;
      const ofPair = sign === 1 || (l.payer.id === payee.data && l.payee.id === payer.data);
      return ofPair ? [{ ...l, sign } as const] : [];
    });
    const today = wallClock(now, ctx.settings.timeZone).toISOString().slice(0, 10);
    const xml = await renderInvoice(
      invoiceData({
        month: monthOf(month).first,
        issueDate: today,
        frozen: result.frozen,
        seller: partyOf(payee.data),
        buyer: partyOf(payer.data),
        lines,
        zone: ctx.settings.timeZone,
      }),
    );
    return download(
      xml,
      'application/xml; charset=utf-8',
      `rechnung-${monthText}-${payer.data}-${payee.data}.xml`,
    );
  });
}
