import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const exampleFolder = path.join(process.cwd(), 'db', 'import-example');

interface Town {
  slug: string;
  station: { name: string };
}

/**
 * A copy of db/import-example/ for a test: its two municipalities swapped for the test's own and
 * its plates, e-mail addresses and keys made unique, so test files sharing one PostgreSQL
 * database never meet. `edit` changes a file's text first (a bad row, a missing column).
 */
export async function copyOfExample(
  brandis: Town,
  naunhof: Town,
  edit: (file: string, text: string) => string = (_file, text) => text,
) {
  const tag = randomUUID().slice(0, 8);
  const folder = await mkdtemp(path.join(tmpdir(), 'import-'));
  for (const file of await readdir(exampleFolder)) {
    const text = edit(file, await readFile(path.join(exampleFolder, file), 'utf8'))
      .replaceAll('Rathaus Brandis', brandis.station.name)
      .replaceAll('Rathaus Naunhof', naunhof.station.name)
      .replaceAll('brandis', brandis.slug)
      .replaceAll('naunhof', naunhof.slug)
      .replaceAll('.example', `.${tag}.example`)
      .replaceAll('L-IM ', `L-IM${tag} `)
      .replace(/^([BS])-/gm, `${tag}-$1-`);
    await writeFile(path.join(folder, file), text);
  }
  return {
    folder,
    key: (key: string) => `${tag}-${key}`,
    plate: (plate: string) => plate.replace('L-IM ', `L-IM${tag} `),
  };
}
