import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { type FileName, fileColumns } from './formats';

/** One problem with one place in the folder: file, line (1 = the header) and column where known. */
export interface ImportProblem {
  file: string;
  line: number;
  column?: string;
  message: string;
}

/** Line 0: the folder as a whole. */
export const describeProblem = (p: ImportProblem) =>
  `${p.file}${p.line > 0 ? `, Zeile ${p.line}` : ''}${p.column ? `, Spalte ${p.column}` : ''}: ${p.message}`;

/** A data row of a file: its cells by column name, and the problems found in it so far. */
export class Row {
  private failed = false;
  constructor(
    readonly file: FileName,
    readonly line: number,
    private readonly cells: ReadonlyMap<string, string>,
    private readonly problems: ImportProblem[],
  ) {}

  /** The trimmed cell; '' when empty. */
  cell(column: string): string {
    return this.cells.get(column) ?? '';
  }

  fail(column: string | undefined, message: string): undefined {
    this.problems.push({ file: this.file, line: this.line, ...(column ? { column } : {}), message });
    this.failed = true;
    return undefined;
  }

  /** No problem was recorded for this row. */
  get ok(): boolean {
    return !this.failed;
  }
}

export interface ReadFile {
  file: FileName;
  /** False when the file cannot be read as a whole (a missing column): its rows are not checked. */
  readable: boolean;
  rows: Row[];
}

/**
 * Reads one file of the folder (absent → no rows). UTF-8 with or without BOM, `;` between
 * cells, a header row naming the columns in any order; empty lines are skipped.
 */
export async function readCsv(folder: string, file: FileName, problems: ImportProblem[]): Promise<ReadFile> {
  const full = path.join(folder, file);
  if (!existsSync(full)) return { file, readable: true, rows: [] };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, csv-parse answers each record with where it ended; its types do not say so.
    records = parse(await readFile(full, 'utf8'), {
      delimiter: ';',
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    problems.push({ file, line, message: `Die Datei ist kein lesbares CSV: ${(error as Error).message}` });
    return { file, readable: false, rows: [] };
  }
  const [header, ...data] = records;
  if (!header) return { file, readable: true, rows: [] };
  const columns = header.record;
  const spec: { required: readonly string[]; optional: readonly string[] } = fileColumns[file];
  const missing = spec.required.filter((c) => !columns.includes(c));
  for (const column of missing) problems.push({ file, line: 1, column, message: 'Die Spalte fehlt.' });
  for (const column of columns) {
    if (!spec.required.includes(column) && !spec.optional.includes(column))
      problems.push({ file, line: 1, column, message: 'Diese Spalte ist unbekannt.' });
  }
  columns.forEach((column, index) => {
    if (columns.indexOf(column) !== index)
      problems.push({ file, line: 1, column, message: 'Die Spalte steht zweimal in der Kopfzeile.' });
  });
  if (missing.length > 0) return { file, readable: false, rows: [] };
  const rows = data.map(({ record, info }) => {
    // csv-parse counts to where a record ends; a quoted cell may have run over several lines.
    const firstLine = info.lines - (record.join('').match(/\n/g)?.length ?? 0);
    const row = new Row(
      file,
      firstLine,
      new Map(columns.map((column, index) => [column, record[index] ?? ''])),
      problems,
    );
    if (record.length !== columns.length)
      row.fail(undefined, `Die Zeile hat ${record.length} Zellen, die Kopfzeile ${columns.length}.`);
    return row;
  });
  return { file, readable: true, rows };
}
