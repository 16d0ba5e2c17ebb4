/**
 * Browser-test harness: the real local cloud (router + SQLite in memory + the H5 build from dist-h5)
 * on a free port, and Debian's Chromium driven by playwright-core with the flags this machine needs.
 */
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type http from 'node:http';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { createHttpServer } from '../../server/http-server';
import { createLocalRuntime, type LocalRuntime } from '../../server/local-runtime';

const ROOT = path.resolve(__dirname, '../..');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results');
/**
 * Screenshots of the main pages at 375×812, linked from the README. A test run writes them under
 * test-results/ so that `npm test` leaves the tree clean; `npm run screenshots` refreshes the committed
 * ones in docs/screenshots on purpose.
 */
export const DOCS_SHOTS = process.env.JIEFANG_REFRESH_SCREENSHOTS === '1' ? path.join(ROOT, 'docs', 'screenshots') : path.join(SCREENSHOT_DIR, 'docs');

/**
 * The instant a browser test's world starts at: Wednesday 2026-11-25, 10:00 in Beijing (a working day,
 * in a year with a holiday list). Time then runs at its real pace, on the server and in every page, so
 * waits and timers behave as usual while the date never depends on the day the suite runs.
 */
export const E2E_START = '2026-11-25T02:00:00.000Z';

export interface Harness {
  base: string;
  rt: LocalRuntime;
  /** The server's clock (and the pages'): E2E_START plus the real time elapsed since the harness started (plus what `advance` added). */
  now(): Date;
  /** Moves the server's clock and every open page's clock on by `ms` (e.g. to the day of an event); time then runs on as before. */
  advance(ms: number): Promise<void>;
  browser: Browser;
  /** Content Security Policy violations the pages reported since the last check (the page's CSP must hold everywhere). */
  cspViolations: string[];
  /** A fresh context (own storage); `options` add e.g. a geolocation and its permission. */
  newPage(options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startHarness(start: string = E2E_START): Promise<Harness> {
  const staticDir = path.join(ROOT, 'dist-h5');
  if (!existsSync(path.join(staticDir, 'index.html'))) throw new Error('dist-h5 is missing: run `npm run build:h5` first (npm test does)');
  const startedAt = performance.now();
  let skipped = 0;
  const now = () => new Date(Date.parse(start) + skipped + Math.round(performance.now() - startedAt));
  const rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now, uploadsDir: mkdtempSync(path.join(os.tmpdir(), 'jiefang-e2e-uploads-')) });
  rt.startJobs(200);
  const server: http.Server = createHttpServer(rt, { mode: 'local', staticDir });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Playwright gives every launch a fresh, temporary --user-data-dir of its own.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const cspViolations: string[] = [];
  return {
    base,
    rt,
    now,
    browser,
    cspViolations,
    async advance(ms) {
      if (ms < 0) throw new Error('the clock only moves forward');
      skipped += ms;
      for (const context of browser.contexts()) await context.clock.setSystemTime(now());
    },
    async newPage(options = {}) {
      const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
      // The page's clock is the server's: installed at the server's time, then running at the real pace.
      await context.clock.install({ time: now() });
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error('[page error]', e.message));
      // Chromium reports every violation of the page's CSP (a blocked script, style, image or call) on the console.
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy/.test(m.text())) cspViolations.push(m.text());
      });
      return { context, page };
    },
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
      await rt.close();
    },
  };
}

/**
 * The frame every browser test file shares: one harness started before the file's tests (with the
 * screenshot folders made) and closed after them, and full-page screenshots into `test-results/`.
 * `t.h` is the running harness from `beforeAll` on.
 */
export function browserSuite(timeoutMs = 120_000, start: string = E2E_START): { h: Harness; shot(page: Page, name: string): Promise<Buffer> } {
  jest.setTimeout(timeoutMs);
  const suite = {
    h: undefined as unknown as Harness,
    shot: (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true }),
  };
  beforeAll(async () => {
    for (const dir of [SCREENSHOT_DIR, DOCS_SHOTS]) mkdirSync(dir, { recursive: true });
    suite.h = await startHarness(start);
  });
  // The H5 bundle runs under its Content Security Policy (server/http-security.ts) without a single violation.
  afterEach(() => {
    const seen = suite.h ? suite.h.cspViolations.splice(0) : [];
    expect(seen).toEqual([]);
  });
  afterAll(() => suite.h?.close());
  return suite;
}
