import { statSync } from 'node:fs';
import { openConfiguredDatabase } from '@/server/database';
import { env } from '@/server/env';
import { fileNames } from './formats';
import { importFolder } from './index';
import { describeProblem } from './read';

/**
 * `npm run import -- <folder>`: opens the database as the app does (DATABASE_URL, or the embedded
 * one in DATA_DIR) and imports the folder. Exit 0: imported (or nothing to change); 1: problems
 * found, printed, nothing written; 2: wrong usage.
 */
async function main(args: string[]): Promise<number> {
  const [folder, ...rest] = args;
  if (!folder || rest.length > 0 || !isFolder(folder)) {
    console.error(`usage: npm run import -- <folder>   (a folder with some of: ${fileNames.join(', ')})`);
    return 2;
  }
  const config = env();
  const database = await openConfiguredDatabase(config);
  try {
    const result = await importFolder(database.db, folder, config.TIME_ZONE);
    if (!result.ok) {
      for (const problem of result.problems) console.error(describeProblem(problem));
      console.error(`${result.problems.length} Fehler: nichts wurde importiert.`);
      return 1;
    }
    let inserted = 0;
    for (const [file, counts] of Object.entries(result.counts)) {
      inserted += counts.inserted;
      if (counts.inserted + counts.unchanged > 0)
        console.log(`${file}: ${counts.inserted} neu, ${counts.unchanged} unverändert`);
    }
    console.log(
      inserted === 0 ? 'Nichts geändert: alles war schon importiert.' : `${inserted} Zeilen importiert.`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

function isFolder(folder: string) {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
