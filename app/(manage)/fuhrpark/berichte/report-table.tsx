'use client';
import Link from 'next/link';
import { useId, useState } from 'react';
import { useMessages } from '../../../lib/i18n';
import type { Messages } from '../../../messages/de';
import styles from './report-table.module.css';
import {
  cellText,
  fileNameOf,
  type ReportColumn,
  type ReportRow,
  type SortDirection,
  sortRows,
  toCsv,
} from './table-data';

export type { ReportColumn, ReportRow } from './table-data';

type Props = {
  caption: string;
  columns: ReportColumn[];
  rows: ReportRow[];
  /** The download's file name without extension, e.g. "stationen-2026-11". */
  exportName: string;
  /** A server export (CSV or XLSX) of the same figures; without it the rows shown become a CSV. */
  exportHref?: string;
  /** Makes the first cell of a row a link, e.g. the drill-down into a station. */
  rowHref?: (row: ReportRow) => string | undefined;
};

/** A report as a semantic table: caption, headers that sort on click or Enter, and an export. */
export function ReportTable({ caption, columns, rows, exportName, exportHref, rowHref }: Props) {
  const messages = useMessages();
  const t = messages.reportTable;
  const captionId = useId();
  const [sort, setSort] = useState<{ key: string; direction: SortDirection } | null>(null);
  const shown = sort ? sortRows(rows, sort.key, sort.direction) : rows;

  function toggle(column: ReportColumn) {
    const first: SortDirection = column.numeric ? 'descending' : 'ascending';
    if (sort?.key !== column.key) setSort({ key: column.key, direction: first });
    else setSort({ key: column.key, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' });
  }

  return (
    <div className={styles.block}>
      {/* A wide table scrolls inside its box on a phone; the box takes focus so keys can scroll it. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className={styles.scroll} aria-labelledby={captionId} tabIndex={0}>
        <table className={styles.table}>
          <caption id={captionId}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const direction = sort?.key === column.key ? sort.direction : undefined;
                return (
                  <th
                    key={column.key}
                    scope="col"
                    aria-sort={direction ?? 'none'}
                    className={column.numeric ? styles.numeric : undefined}
                  >
                    <button
                      type="button"
                      className={styles.sort}
                      onClick={() => toggle(column)}
                      title={t.sortBy(column.label)}
                    >
                      {column.label}
                      <span aria-hidden="true" className={styles.arrow}>
                        {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 && (
              <tr>
                <td colSpan={columns.length}>{t.empty}</td>
              </tr>
            )}
            {shown.map((row, index) => {
              const href = rowHref?.(row);
              return (
                // Rows have no identity of their own beyond their position in the sorted list.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <tr key={index}>
                  {columns.map((column, c) => (
                    <Cell
                      key={column.key}
                      column={column}
                      row={row}
                      href={c === 0 ? href : undefined}
                      header={c === 0}
                    />
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <ExportButton columns={columns} rows={shown} exportName={exportName} exportHref={exportHref} />
    </div>
  );
}

/** The first cell heads its row (and links to the drill-down, if any); the others are data. */
function Cell({
  column,
  row,
  href,
  header,
}: {
  column: ReportColumn;
  row: ReportRow;
  href?: string;
  header: boolean;
}) {
  const messages = useMessages();
  const t = messages.reportTable;
  const text = cellText(column, row[column.key], t.none);
  const content = href ? <Link href={href}>{text}</Link> : text;
  const className = column.numeric ? styles.numeric : undefined;
  return header ? (
    <th scope="row" className={className}>
      {content}
    </th>
  ) : (
    <td className={className}>{content}</td>
  );
}

type ExportState = { kind: 'idle' } | { kind: 'building' } | { kind: 'failed'; message: string };

/** The export of a table: a server download with progress, or the rows as a CSV built here. */
export function ExportButton({
  columns,
  rows,
  exportName,
  exportHref,
}: Pick<Props, 'columns' | 'rows' | 'exportName' | 'exportHref'>) {
  const messages = useMessages();
  const t = messages.reportTable;
  const [state, setState] = useState<ExportState>({ kind: 'idle' });

  async function download() {
    if (!exportHref) {
      save(
        new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }),
        fileNameOf(exportName, 'csv'),
      );
      return;
    }
    setState({ kind: 'building' });
    try {
      const response = await fetch(exportHref, { credentials: 'same-origin' });
      if (!response.ok) {
        setState({ kind: 'failed', message: await failureOf(t, response) });
        return;
      }
      const extension = new URL(exportHref, window.location.href).pathname.split('.').pop() ?? 'csv';
      save(await response.blob(), fileNameOf(exportName, extension));
      setState({ kind: 'idle' });
    } catch {
      setState({ kind: 'failed', message: t.exportFailed });
    }
  }

  const building = state.kind === 'building';
  return (
    <div className={styles.export}>
      <button type="button" className="secondary" onClick={download} disabled={building} aria-busy={building}>
        {exportHref ? t.exportFile : t.exportCsv}
      </button>
      <span role="status" className={building ? styles.progress : undefined}>
        {building ? t.exporting : ''}
      </span>
      {state.kind === 'failed' && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
    </div>
  );
}

/** The server's German message from its typed JSON error, else a general one. */
async function failureOf(t: Messages['reportTable'], response: Response): Promise<string> {
  try {
    const body: unknown = await response.json();
    if (typeof body === 'object' && body !== null && 'message' in body && typeof body.message === 'string')
      return t.exportFailedWith(body.message);
  } catch {
    // Not JSON (a proxy's error page, say): the general message says enough.
  }
  return t.exportFailed;
}

/** Hands a file to the browser's download through a temporary link. */
function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next tick: some browsers start the download only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
