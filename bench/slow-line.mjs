#!/usr/bin/env node
/**
 * The app on a cheap phone over a slow line (issue 20): Chromium's network and CPU emulation —
 * 400 kbit/s down and up, 300 ms latency, CPU slowed 4× — then prints how long the sign-in
 * page takes to be usable and how many bytes it fetched, how long signing in takes to show the
 * home page, and how long a later screen (the library) takes. Goal: sign-in usable < 4 s,
 * every later screen < 1 s.
 *
 *   BASE_URL=http://127.0.0.1:3000 CHROMIUM_PATH=/usr/bin/chromium node bench/slow-line.mjs
 *
 * Against a running system with the demo data (SEED_DEMO=true); RUNS (default 3) cold runs,
 * each in a fresh browser context (empty cache, no service worker).
 *
 * The e-mail address and password are typed at a person's pace (TYPING_DELAY_MS per key,
 * default 150: 33 keys, ~5 s), as the sign-in page uses that time to fetch what signing in
 * leads to; TYPING_DELAY_MS=0 fills the fields at once (the figure then includes that fetch).
 */
import { createRequire } from 'node:module';

// playwright-core is a dependency of the browser journeys (e2e/); borrow it from there.
const { chromium } = createRequire(new URL('../e2e/package.json', import.meta.url))('playwright-core');

const baseUrl = (process.env.BASE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const runs = Number(process.env.RUNS ?? 3);
const email = process.env.BENCH_EMAIL ?? 'volunteer@example.org';
const password = process.env.BENCH_PASSWORD ?? 'tadamon-demo';
const KBIT = 1000 / 8; // bytes per second in one kbit/s
const typingDelay = Number(process.env.TYPING_DELAY_MS ?? 150);

async function slowPage(browser) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'en-GB', serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 300, downloadThroughput: 400 * KBIT, uploadThroughput: 400 * KBIT });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
  return { context, page, bytes: () => bytes, resetBytes: () => (bytes = 0) };
}

async function timed(work) {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const results = [];
try {
  for (let run = 1; run <= runs; run++) {
    const { context, page, bytes, resetBytes } = await slowPage(browser);
    // Sign-in page: usable when the identifier field can be typed in.
    const signInMs = await timed(async () => {
      await page.goto(`${baseUrl}/sign-in`, { waitUntil: 'commit' });
      await page.locator('input[name=identifier]').waitFor({ state: 'visible', timeout: 60_000 });
    });
    const signInBytes = bytes();
    const typed = async (field, text) => (typingDelay ? field.pressSequentially(text, { delay: typingDelay }) : field.fill(text));
    await typed(page.locator('input[name=identifier]'), email);
    await typed(page.getByLabel(/^Password/), password);
    resetBytes();
    const homeMs = await timed(async () => {
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByTestId('home-title').waitFor({ timeout: 60_000 });
    });
    const homeBytes = bytes();
    resetBytes();
    // A later screen, reached through the app (chunks and translations fetched on the way).
    const libraryMs = await timed(async () => {
      await page.evaluate(() => {
        window.history.pushState({}, '', '/library');
        window.dispatchEvent(new PopStateEvent('popstate'));
      });
      await page.getByTestId('library-search').waitFor({ timeout: 60_000 });
    });
    const libraryBytes = bytes();
    results.push({ signInMs, signInBytes, homeMs, homeBytes, libraryMs, libraryBytes });
    console.log(
      `run ${run}: sign-in usable ${seconds(signInMs)} (${(signInBytes / 1024).toFixed(0)} kB), home after signing in ${seconds(homeMs)} (${(homeBytes / 1024).toFixed(0)} kB), library ${seconds(libraryMs)} (${(libraryBytes / 1024).toFixed(0)} kB)`,
    );
    await context.close();
  }
} finally {
  await browser.close();
}
const med = (key) => median(results.map((r) => r[key]));
console.log(`\n400 kbit/s, 300 ms latency, CPU 4×, ${runs} cold runs (median), typing ${typingDelay} ms per key:`);
console.log(`  sign-in page usable: ${seconds(med('signInMs'))}, ${(med('signInBytes') / 1024).toFixed(0)} kB  (goal < 4 s)`);
console.log(`  home after signing in: ${seconds(med('homeMs'))}, ${(med('homeBytes') / 1024).toFixed(0)} kB  (goal < 1 s)`);
console.log(`  library (a later screen): ${seconds(med('libraryMs'))}, ${(med('libraryBytes') / 1024).toFixed(0)} kB  (goal < 1 s)`);
