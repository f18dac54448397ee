import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { municipalities } from '@/db/schema';
import type { SessionUser } from '../auth/queries';
import { openConfiguredDatabase } from '../database';
import { env } from '../env';
import { toCsv, toXlsx } from '../files/tables';
import { periodReport, reportJson, reportTables } from './exports/report';

const usage = `Aufruf / usage:
  npm run report -- --from JJJJ-MM-TT --to JJJJ-MM-TT [--municipality <slug>] --format json|csv|xlsx

  --from, --to      Zeitraum [from, to) in der Zeitzone der Region / period [from, to) in local time
  --municipality    nur diese Kommune (Fahrzeuge, Stationen, Verrechnung) / only this municipality
  --format          json, csv (Semikolon, Dezimalkomma) oder xlsx (nach stdout / to stdout)`;

const date = z.iso.date();
const args = z
  .object({
    from: date,
    to: date,
    municipality: z.string().optional(),
    format: z.enum(['json', 'csv', 'xlsx']),
  })
  .refine((a) => a.to > a.from, { message: '--to liegt nicht nach --from / --to is not after --from' });

/** Whoever runs the command holds the database itself: it reads as the operator reads. */
const holder: SessionUser = {
  id: '00000000-0000-0000-0000-000000000000',
  name: 'npm run report',
  email: '',
  role: 'operator',
  municipalityId: null,
  licenceCheckValidUntil: null,
  language: 'de',
};

class UsageError extends Error {}

function parse(argv: string[]) {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        municipality: { type: 'string' },
        format: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const parsed = args.safeParse(values);
  if (!parsed.success) throw new UsageError(z.prettifyError(parsed.error));
  return parsed.data;
}

/** `npm run report`: the page's figures and the settlement of a period, on stdout. */
async function main(argv: string[]) {
  const options = parse(argv);
  const config = env();
  const database = await openConfiguredDatabase(config);
  try {
    let municipalityId: string | null = null;
    if (options.municipality !== undefined) {
      const [row] = await database.db
        .select({ id: municipalities.id })
        .from(municipalities)
        .where(eq(municipalities.slug, options.municipality));
      if (!row) throw new UsageError(`Unbekannte Kommune / unknown municipality: ${options.municipality}`);
      municipalityId = row.id;
    }
    const zone = config.TIME_ZONE;
    const report = await periodReport(
      database.db,
      holder,
      { from: options.from, to: options.to, municipalityId },
      zone,
    );
    if (options.format === 'json')
      process.stdout.write(`${JSON.stringify(reportJson(report, zone), null, 2)}\n`);
    else if (options.format === 'csv') process.stdout.write(toCsv(reportTables(report, zone)));
    else process.stdout.write(await toXlsx(reportTables(report, zone), 'npm run report'));
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n\n${usage}\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(
    `Bericht fehlgeschlagen / report failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
