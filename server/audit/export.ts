import { z } from 'zod';
import { startOfDay } from '@/app/lib/days';
import type { Db } from '@/db/client';
import { municipalities } from '@/db/schema';
import type { SessionUser } from '../auth/queries';
import { AppError, invalidInput } from '../errors';
import { answer, download } from '../files/http';
import { type Table, toCsv, toXlsx, wallClock } from '../files/tables';
import type { Context } from '../trpc';
import { localDate } from '../validation';
import { type AuditFilter, readAudit } from './queries';

const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
type Format = keyof typeof contentTypes;

/** Entries read per query while paging through the log by seq. */
const EXPORT_PAGE = 1_000;
/** More than this in one file is refused: the reader narrows the period instead of the server holding it all. */
export const EXPORT_MOST = 50_000;

const columns = [
  { header: 'Nr.', kind: 'integer' },
  { header: 'Zeitpunkt', kind: 'datetime' },
  { header: 'Wer', kind: 'text' },
  { header: 'Aktion', kind: 'text' },
  { header: 'Objekt', kind: 'text' },
  { header: 'Objekt-ID', kind: 'text' },
  { header: 'Kommune', kind: 'text' },
  { header: 'Vorher', kind: 'text' },
  { header: 'Nachher', kind: 'text' },
] as const;

function localDateParam(params: URLSearchParams, field: 'from' | 'to'): string | undefined {
  const text = params.get(field);
  if (!text) return undefined;
  if (!localDate.safeParse(text).success)
    throw invalidInput({ [field]: ['Bitte ein Datum als JJJJ-MM-TT angeben, z. B. 2026-10-01.'] });
  return text;
}

/** The query string as a filter: `[from, to)` in local dates of the region, and a municipality. */
function filterOf(params: URLSearchParams, zone: string): AuditFilter {
  const from = localDateParam(params, 'from');
  const to = localDateParam(params, 'to');
  if (from && to && to <= from)
    throw invalidInput({ to: ['Das Ende des Zeitraums muss nach seinem Beginn liegen.'] });
  const municipalityId = params.get('municipalityId') || undefined;
  if (municipalityId && !z.uuid().safeParse(municipalityId).success)
    throw invalidInput({ municipalityId: ['Diese Kommune gibt es nicht.'] });
  return {
    municipalityId,
    since: from ? startOfDay(from, zone) : undefined,
    until: to ? startOfDay(to, zone) : undefined,
  };
}

/**
 * The reader's part of the log in the filter, oldest first, paged through by seq so no single
 * query holds more than a page; refused past EXPORT_MOST entries.
 */
export async function auditForExport(db: Db, reader: SessionUser, filter: AuditFilter, most = EXPORT_MOST) {
  const newestFirst = [];
  let beforeSeq: number | undefined;
  for (;;) {
    const page = await readAudit(db, reader, { ...filter, beforeSeq, limit: EXPORT_PAGE });
    newestFirst.push(...page.entries);
    if (newestFirst.length > most) throw new AppError('AUDIT_EXPORT_TOO_LARGE');
    if (!page.more) break;
    beforeSeq = page.entries.at(-1)?.seq;
  }
  return newestFirst.reverse();
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** GET /api/protokoll/protokoll.csv|.xlsx[?from&to&municipalityId]: the operator all, a fleet manager their municipality's part. */
export function serveAudit(ctx: Context, file: string, params: URLSearchParams) {
  return answer(ctx, async () => {
    const match = /^protokoll\.(csv|xlsx)$/.exec(file);
    if (!match) throw new AppError('EXPORT_NOT_FOUND');
    const format = match[1] as Format;
    const user = ctx.user;
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (user.role !== 'fleet_manager' && user.role !== 'operator') throw new AppError('FORBIDDEN_ROLE');
    const zone = ctx.settings.timeZone;
    const filter = filterOf(params, zone);
    const entries = await auditForExport(ctx.db, user, filter);
    const names = new Map(
      (await ctx.db.select({ id: municipalities.id, name: municipalities.name }).from(municipalities)).map(
        (m) => [m.id, m.name],
      ),
    );
    const table: Table = {
      name: 'Protokoll',
      columns,
      rows: entries.map((e) => [
        e.seq,
        wallClock(e.at, zone),
        e.actorName,
        e.action,
        e.objectType,
        e.objectId,
        e.municipalityId ? (names.get(e.municipalityId) ?? e.municipalityId) : 'Region',
        json(e.before),
        json(e.after),
      ]),
    };
    const body = format === 'csv' ? toCsv([table]) : await toXlsx([table], ctx.settings.productName);
    const span = [params.get('from'), params.get('to')].filter(Boolean).join('-');
    return download(body, contentTypes[format], `protokoll${span ? `-${span}` : ''}.${format}`);
  });
}
