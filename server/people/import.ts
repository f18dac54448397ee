import { parse } from 'csv-parse/sync';
import { inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { municipalities, users } from '@/db/schema';
import { recordAudit } from '../audit/record';
import type { SessionUser } from '../auth/queries';
import { AppError, invalidInput, sqlState } from '../errors';
import type { ImportLineProblem } from '../messages/errors-people';
import { peopleFieldTexts } from '../messages/fields-people';
import { type InviteSettings, sendInvitation } from './invitations';
import { personEmail, personName, placementProblems } from './person-rules';

/** At most this many people per file: a municipality's staff, not a directory dump. */
export const IMPORT_MAX_PEOPLE = 500;
const COLUMNS = ['name', 'email', 'role', 'municipality'] as const;

export const importInput = z.object({ csv: z.string().max(512 * 1024) });

type Candidate = {
  line: number;
  name: string;
  email: string;
  role: 'staff' | 'fleet_manager';
  municipalityId: string;
};

type Parsed = { record: string[]; info: { lines: number } };

function readRecords(csv: string): Parsed[] {
  try {
    // With `info`, csv-parse answers each record with where it ended; its types do not say so.
    return parse(csv, {
      delimiter: [',', ';'],
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as Parsed[];
  } catch (error) {
    throw invalidInput({ csv: [peopleFieldTexts().csvUnreadable((error as Error).message)] });
  }
}

/**
 * Checks every line of a people file (a header `name,email,role,municipality`, `,` or `;`
 * between cells; the municipality by name or short name) against the same rules as an
 * invitation, and the file against itself and the accounts there are. Every problem is listed by
 * the file's line number, in German; the file is taken only when no line has one.
 */
async function candidatesOf(db: Db, actor: SessionUser, csv: string): Promise<Candidate[]> {
  const t = peopleFieldTexts();
  const [header, ...data] = readRecords(csv);
  const columns = header?.record.map((cell) => cell.toLowerCase()) ?? [];
  if (COLUMNS.some((column) => !columns.includes(column)) || columns.length !== COLUMNS.length)
    throw invalidInput({ csv: [t.csvHeader] });
  if (data.length === 0) throw invalidInput({ csv: [t.csvEmpty] });
  if (data.length > IMPORT_MAX_PEOPLE) throw invalidInput({ csv: [t.csvTooMany(IMPORT_MAX_PEOPLE)] });

  const places = await db
    .select({ id: municipalities.id, name: municipalities.name, slug: municipalities.slug })
    .from(municipalities);
  const placeOf = (value: string) =>
    places.find((p) => p.name.toLowerCase() === value.toLowerCase() || p.slug === value.toLowerCase());
  const cell = (record: string[], column: (typeof COLUMNS)[number]) => record[columns.indexOf(column)] ?? '';

  const problems: ImportLineProblem[] = [];
  const candidates: Candidate[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { record, info } of data) {
    // csv-parse counts to where a record ends; a quoted cell may have run over several lines.
    const line = info.lines - (record.join('').match(/\n/g)?.length ?? 0);
    const wrong: string[] = [];
    if (record.length !== COLUMNS.length) wrong.push(t.csvColumns(record.length));
    const name = personName.safeParse(cell(record, 'name'));
    if (!name.success) wrong.push(t.name);
    const email = personEmail.safeParse(cell(record, 'email'));
    if (!email.success) wrong.push(t.email);
    const role = cell(record, 'role');
    if (role !== 'staff' && role !== 'fleet_manager') wrong.push(t.csvRole);
    const place = placeOf(cell(record, 'municipality'));
    if (!place) wrong.push(t.csvMunicipality(cell(record, 'municipality')));
    else if (role === 'staff' || role === 'fleet_manager')
      wrong.push(...(placementProblems(actor, { role, municipalityId: place.id }).municipalityId ?? []));
    if (email.success) {
      const earlier = firstLineOf.get(email.data);
      if (earlier !== undefined) wrong.push(t.csvDuplicate(earlier));
      else firstLineOf.set(email.data, line);
    }
    if (wrong.length > 0) problems.push({ line, problems: wrong });
    else if (name.success && email.success && place && (role === 'staff' || role === 'fleet_manager'))
      candidates.push({ line, name: name.data, email: email.data, role, municipalityId: place.id });
  }
  const emails = [...firstLineOf.keys()];
  const taken =
    emails.length === 0
      ? []
      : await db
          .select({ email: sql<string>`lower(${users.email})` })
          .from(users)
          .where(inArray(sql`lower(${users.email})`, emails));
  for (const { email } of taken) {
    const line = firstLineOf.get(email);
    if (line === undefined) continue;
    const entry = problems.find((p) => p.line === line);
    if (entry) entry.problems.push(t.emailTaken);
    else problems.push({ line, problems: [t.emailTaken] });
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line);
    throw new AppError('IMPORT_REFUSED', { details: { lines: problems } });
  }
  return candidates;
}

/**
 * Imports people from a CSV file, all or nothing: each one added and invited (their mail with
 * its link queued) in one transaction, or — when any line is wrong — nobody, with every wrong
 * line listed.
 */
export async function importPeople(
  db: Db,
  actor: SessionUser,
  csv: string,
  settings: InviteSettings,
  now = new Date(),
) {
  const candidates = await candidatesOf(db, actor, csv);
  try {
    return await db.transaction(async (tx) => {
      const invited: { id: string; line: number }[] = [];
      for (const candidate of candidates) {
        const { line, ...values } = candidate;
        const [person] = await tx
          .insert(users)
          .values(values)
          .returning({ id: users.id, municipalityId: users.municipalityId });
        if (!person) throw new Error('import: no row');
        await sendInvitation(tx, actor, person, settings, now);
        await recordAudit(tx, actor, {
          action: 'person.invite',
          objectType: 'user',
          objectId: person.id,
          municipalityId: person.municipalityId,
          after: { ...values, via: 'import', line },
        });
        invited.push({ id: person.id, line });
      }
      return { invited: invited.length };
    });
  } catch (error) {
    // An address taken between the check and the write (someone invited meanwhile): nothing was written.
    if (sqlState(error) === '23505')
      throw new AppError('IMPORT_REFUSED', {
        details: { lines: [{ line: 1, problems: [peopleFieldTexts().emailTaken] }] },
      });
    throw error;
  }
}
