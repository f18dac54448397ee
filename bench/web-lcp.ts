/**
 * Largest Contentful Paint of the search page (`/`, signed in as demo staff) in Debian's Chromium
 * against the built server: a phone profile (Pixel 7 viewport, CPU slowed 4× and the network
 * shaped to 4G through the DevTools protocol) and an unthrottled desktop. Every run is a first
 * visit (a new browser context, nothing cached); the median of BENCH_LCP_RUNS runs is printed
 * beside the target, never asserted. Run by bench/web.ts.
 */
import { type Browser, chromium, devices } from '@playwright/test';
import { p50, table } from './stats';
import type { SignedInServer } from './web-server';

const RUNS = Number(process.env.BENCH_LCP_RUNS ?? 5);
const TARGET_MS = 1500;
/** DevTools' "Fast 4G" as it is applied: 9 Mbit/s down, 1.5 Mbit/s up, 170 ms round trip. */
const FOUR_G = {
  latency: 170,
  downloadThroughput: (9_000_000 / 8) | 0,
  uploadThroughput: (1_500_000 / 8) | 0,
};

interface Profile {
  name: string;
  device: (typeof devices)[string];
  cpuSlowdown?: number;
  network?: typeof FOUR_G;
}

const PROFILES: Profile[] = [
  {
    name: 'phone (Pixel 7, 4× CPU, 4G)',
    device: devices['Pixel 7'] as Profile['device'],
    cpuSlowdown: 4,
    network: FOUR_G,
  },
  { name: 'desktop (unthrottled)', device: devices['Desktop Chrome'] as Profile['device'] },
];

interface Paint {
  ttfb: number;
  lcp: number;
  fcp: number;
  /** When React had hydrated the search form (its handlers attached): the page is usable. */
  hydrated: number;
  load: number;
  element: string;
}

// Runs in the page before its own scripts: keeps every LCP candidate as the browser reports it,
// and notes when React has attached its props to the search form (hydration done).
const RECORD_LCP = () => {
  const seen: { time: number; element: string }[] = [];
  const marks = { hydrated: Number.NaN };
  Object.assign(window, { __lcp: seen, __marks: marks });
  const poll = setInterval(() => {
    const form = document.querySelector('main form');
    if (form && Object.keys(form).some((key) => key.startsWith('__reactProps'))) {
      marks.hydrated = performance.now();
      clearInterval(poll);
    }
  }, 10);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { element?: Element | null })[]) {
      const element = entry.element;
      const text = element?.textContent?.trim().slice(0, 40) ?? '';
      seen.push({
        time: entry.startTime,
        element: element ? `<${element.tagName.toLowerCase()}> ${text}` : '?',
      });
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
};

async function measure(browser: Browser, base: string, cookie: string, profile: Profile): Promise<Paint> {
  const context = await browser.newContext({
    ...profile.device,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
  });
  try {
    await context.addCookies(
      cookie.split('; ').map((pair) => {
        const at = pair.indexOf('=');
        return { name: pair.slice(0, at), value: pair.slice(at + 1), url: base };
      }),
    );
    await context.addInitScript(RECORD_LCP);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (profile.cpuSlowdown) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
    if (profile.network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
    }
    await page.goto(`${base}/`, { waitUntil: 'load' });
    if (new URL(page.url()).pathname !== '/') throw new Error(`sent to ${page.url()}, not the search page`);
    // The page settles (hydration, the prefetched queries) before the last candidate is read.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    return await page.evaluate(() => {
      const { __lcp: seen, __marks: marks } = window as unknown as {
        __lcp: { time: number; element: string }[];
        __marks: { hydrated: number };
      };
      const last = seen.at(-1);
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return {
        ttfb: navigation?.responseStart ?? Number.NaN,
        hydrated: marks.hydrated,
        lcp: last?.time ?? Number.NaN,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        load: navigation?.loadEventEnd ?? Number.NaN,
        element: last?.element ?? 'none',
      };
    });
  } finally {
    await context.close();
  }
}

export async function measureLcp(app: SignedInServer) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    const desktop = PROFILES[1];
    // One visit first, so that no figure carries the server's first render of the page.
    if (desktop) await measure(browser, app.server.url, app.cookie, desktop);
    const rows: (string | number)[][] = [];
    const elements = new Set<string>();
    for (const profile of PROFILES) {
      const paints: Paint[] = [];
      for (let run = 0; run < RUNS; run++)
        paints.push(await measure(browser, app.server.url, app.cookie, profile));
      for (const paint of paints) elements.add(paint.element);
      const lcp = p50(paints.map((p) => p.lcp));
      rows.push([
        profile.name,
        paints.map((p) => p.lcp.toFixed(0)).join(' '),
        lcp.toFixed(0),
        p50(paints.map((p) => p.ttfb)).toFixed(0),
        p50(paints.map((p) => p.fcp)).toFixed(0),
        p50(paints.map((p) => p.hydrated)).toFixed(0),
        p50(paints.map((p) => p.load)).toFixed(0),
        profile.cpuSlowdown ? `${lcp <= TARGET_MS ? '≤' : '>'} ${TARGET_MS}` : '',
      ]);
    }
    console.log(
      `LCP of / (signed in, first visit), ${RUNS} runs each; 4G = ${FOUR_G.downloadThroughput * 8e-6} Mbit/s down, ` +
        `${FOUR_G.uploadThroughput * 8e-6} Mbit/s up, ${FOUR_G.latency} ms RTT`,
    );
    console.log(
      table(
        ['profile', 'LCP runs ms', 'LCP p50', 'TTFB p50', 'FCP p50', 'hydrated p50', 'load p50', 'target ms'],
        rows,
      ),
    );
    console.log(`LCP element: ${[...elements].join(' | ')}`);
  } finally {
    await browser.close();
  }
}
