import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountDe } from './account';
import { accountEn } from './account.en';
import { bookingPageDe } from './booking';
import { bookingPageEn } from './booking.en';
import { calendarPageDe } from './calendar';
import { calendarPageEn } from './calendar.en';
import { de } from './de';
import { deManage } from './de-manage';
import { deStaff } from './de-staff';
import { en } from './en';
import { enManage } from './en-manage';
import { enStaff } from './en-staff';
import { timelinePageDe } from './timeline';
import { timelinePageEn } from './timeline.en';
import { tripsDe } from './trips';
import { tripsEn } from './trips.en';

const app = path.join(import.meta.dirname, '..');

/**
 * The parts of the catalogue that only some pages bring to the browser, and the folders whose pages
 * bring them (app/lib/i18n-manage.tsx and app/lib/texts-*.tsx, placed in those folders' layouts or
 * pages): no component that a page elsewhere renders may read them.
 */
const parts = [
  { name: 'fleet', keys: Object.keys(deManage).filter((key) => key !== 'manage'), folders: ['(manage)'] },
  {
    name: 'booking',
    keys: Object.keys(bookingPageDe),
    folders: ['(staff)/buchungen', '(manage)'],
  },
  { name: 'account', keys: Object.keys(accountDe), folders: ['(auth)', '(staff)/profil', '(manage)'] },
  {
    name: 'trips',
    keys: Object.keys(tripsDe),
    folders: ['(staff)/fahrten', '(staff)/fahrtenbuch', '(manage)'],
  },
  { name: 'timeline', keys: Object.keys(timelinePageDe), folders: ['(staff)/zeitplan', '(manage)'] },
  { name: 'calendar', keys: Object.keys(calendarPageDe), folders: ['(staff)/kalender'] },
];

const within = (file: string, folders: string[]) =>
  folders.some((folder) => `${path.relative(app, file)}/`.startsWith(`${folder}/`));

/** The files a module imports by a relative path, as they are on disk. */
async function importsOf(file: string, text: string, all: Set<string>): Promise<string[]> {
  const found: string[] = [];
  for (const [, spec] of text.matchAll(/from '(\.[^']+)'/g)) {
    const base = path.resolve(path.dirname(file), spec ?? '');
    const hit = ['.tsx', '.ts', '/index.ts', ''].map((ext) => base + ext).find((name) => all.has(name));
    if (hit) found.push(hit);
  }
  return found;
}

/**
 * The components any page outside `folders` renders: the files there and, followed through their
 * imports, the files in `folders` they use (the trips page shows the reports' table).
 */
async function componentsOutside(folders: string[]): Promise<{ file: string; text: string }[]> {
  const entries = await readdir(app, { withFileTypes: true, recursive: true });
  const all = new Set(
    entries
      .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts'))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .filter((file) => !file.includes(`${path.sep}messages${path.sep}`)),
  );
  const texts = new Map<string, string>();
  const queue = [...all].filter((file) => !within(file, folders));
  while (queue.length > 0) {
    const file = queue.pop() ?? '';
    if (texts.has(file)) continue;
    const text = await readFile(file, 'utf8');
    texts.set(file, text);
    queue.push(...(await importsOf(file, text, all)).filter((next) => !texts.has(next)));
  }
  return [...texts]
    .map(([file, text]) => ({ file, text }))
    .filter(({ text }) => text.includes('useMessages'));
}

/**
 * The catalogue's parts a component reads (with the key below, for `manage.nav`): through
 * `useMessages().x`, a name bound to `useMessages()`, or a section's type `Messages['x']`.
 */
function catalogueReads(text: string): [string, string | undefined][] {
  const names = [...text.matchAll(/const (\w+) = useMessages\(\);/g)].map((match) => match[1]);
  const pattern = new RegExp(
    String.raw`(?:useMessages\(\)${names.map((name) => String.raw`|\b${name}`).join('')})\.(\w+)(?:\.(\w+))?|Messages\['(\w+)'\]`,
    'g',
  );
  return [...text.matchAll(pattern)].map((match) => [match[1] ?? match[3] ?? '', match[2]]);
}

describe('the catalogue split between the pages', () => {
  it('makes the whole catalogue of its parts, each part with the same keys in both languages', () => {
    const twins = [
      [deStaff, enStaff],
      [bookingPageDe, bookingPageEn],
      [accountDe, accountEn],
      [tripsDe, tripsEn],
      [calendarPageDe, calendarPageEn],
      [timelinePageDe, timelinePageEn],
      [deManage, enManage],
    ] as const;
    for (const [german, english] of twins)
      expect(Object.keys(english).sort()).toEqual(Object.keys(german).sort());
    const keys = twins.flatMap(([german]) => Object.keys(german));
    // Only the fleet menu's entry is in two parts: the fleet pages' `manage` carries the same `nav`.
    expect(keys.filter((key, at) => keys.indexOf(key) !== at)).toEqual(['manage']);
    expect(Object.keys(de).sort()).toEqual([...new Set(keys)].sort());
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
    expect(deManage.manage.nav).toBe(deStaff.manage.nav);
  });

  it.each(parts)('has no component outside the pages that bring them read the $name texts', async (part) => {
    const reads: string[] = [];
    for (const { file, text } of await componentsOutside(part.folders))
      for (const [key, next] of catalogueReads(text))
        if (part.keys.includes(key) || (part.name === 'fleet' && key === 'manage' && next !== 'nav'))
          reads.push(`${path.relative(app, file)}: ${key}${next ? `.${next}` : ''}`);
    expect(reads).toEqual([]);
  });
});
