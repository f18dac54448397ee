import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { de } from './de';
import { deManage } from './de-manage';
import { deStaff } from './de-staff';
import { en } from './en';
import { enManage } from './en-manage';
import { enStaff } from './en-staff';

const app = path.join(import.meta.dirname, '..');
/** The fleet pages' own parts of the catalogue: only components under app/(manage) may read them. */
const manageOnly = Object.keys(deManage).filter((key) => key !== 'manage');

const isManage = (file: string) => path.relative(app, file).startsWith('(manage)');

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
 * The components any page outside app/(manage) renders: the files there and, followed through their
 * imports, the files under app/(manage) they use (the trips page shows the reports' table).
 */
async function componentsOutsideManage(): Promise<{ file: string; text: string }[]> {
  const entries = await readdir(app, { withFileTypes: true, recursive: true });
  const all = new Set(
    entries
      .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts'))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .filter((file) => !file.includes(`${path.sep}messages${path.sep}`)),
  );
  const texts = new Map<string, string>();
  const queue = [...all].filter((file) => !isManage(file));
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

describe('the catalogue split between booking and fleet pages', () => {
  it('joins both parts into the whole catalogue in each language, the fleet menu entry in both', () => {
    expect(de).toEqual({ ...deStaff, ...deManage });
    expect(en).toEqual({ ...enStaff, ...enManage });
    expect(Object.keys(deStaff).sort()).toEqual(Object.keys(enStaff).sort());
    expect(deManage.manage.nav).toBe(deStaff.manage.nav);
  });

  it('has no component that pages outside app/(manage) render read a fleet page text they lack', async () => {
    const reads: string[] = [];
    for (const { file, text } of await componentsOutsideManage()) {
      const pattern = new RegExp(`\\.(?:${manageOnly.join('|')})\\b|\\.manage\\.(?!nav\\b)\\w+`, 'g');
      for (const match of text.matchAll(pattern)) reads.push(`${path.relative(app, file)}: ${match[0]}`);
    }
    expect(reads).toEqual([]);
  });
});
