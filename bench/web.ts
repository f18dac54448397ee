/**
 * `npm run bench:web` (after `next build`): the speed of the built app as its users meet it —
 * first-load JavaScript of the staff pages, LCP of the search page, and search throughput over
 * HTTP against raw SQL. Name sections to run only those: `npm run bench:web -- size lcp`.
 * Figures are printed beside their targets, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { measureLcp } from './web-lcp';
import { signedInServer } from './web-server';
import { measureSizes } from './web-size';

const PORT = Number(process.env.BENCH_WEB_PORT ?? 3531);
const sections = ['size', 'lcp', 'throughput'] as const;
const chosen = process.argv.slice(2).filter((name) => sections.some((section) => section === name));
const runs = (section: (typeof sections)[number]) => chosen.length === 0 || chosen.includes(section);

async function main() {
  let failed = 0;
  const section = async (title: string, work: () => Promise<void>) => {
    console.log(`\n=== ${title} ===\n`);
    const from = performance.now();
    try {
      await work();
    } catch (error) {
      failed++;
      console.error(error);
    }
    console.log(`\n(${((performance.now() - from) / 1000).toFixed(1)} s)`);
  };
  if (runs('size') || runs('lcp')) {
    // One server for both: its start is most of what either takes.
    const app = await signedInServer(PORT);
    try {
      if (runs('size'))
        await section('First-load JS of the staff pages (bench/web-size.ts)', () => measureSizes(app));
      if (runs('lcp')) await section('LCP of the search page (bench/web-lcp.ts)', () => measureLcp(app));
    } finally {
      await app.stop();
    }
  }
  if (runs('throughput'))
    await section('Search throughput, HTTP vs raw SQL (bench/web-throughput.ts)', async () => {
      // Its own process: it loads a fleet into a database of its own and starts its own server.
      const result = spawnSync(
        process.execPath,
        ['--conditions=react-server', '--import', 'tsx', 'bench/web-throughput.ts'],
        { stdio: 'inherit' },
      );
      if (result.status !== 0) throw new Error(`exit ${result.status ?? result.signal}`);
    });
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
