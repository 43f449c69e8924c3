/**
 * Journey: the demo network's coordinator, reading Arabic, opens the Reports screen, reads the
 * figures, turns the chart into its table and back, walks the bars with the keyboard (the time
 * axis runs right to left), and downloads the CSV, which opens as UTF-8 with Arabic headings.
 */
import type { Browser } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedIn } from './api-session';
import { launchChromium, wcagViolations } from './browser';
import { DEMO_COORDINATOR, enterDemoCoordinatorCode } from './demo-totp';

const baseUrl = inject('baseUrl');
let browser: Browser;

async function setLanguage(email: string, preferredLanguage: string) {
  const { api, session } = await signedIn(baseUrl, email);
  expect((await api.patch('/api/me/profile', { data: { preferredLanguage }, headers: { 'x-csrf-token': session.csrfToken } })).status()).toBe(200);
  await api.dispose();
}

beforeAll(async () => {
  browser = await launchChromium();
  await setLanguage(DEMO_COORDINATOR, 'ar');
});
afterAll(async () => {
  await browser?.close();
  // The coordinator reads French in the demo; other journeys rely on it.
  await setLanguage(DEMO_COORDINATOR, 'fr').catch(() => undefined);
});

describe('a coordinator’s report, in Arabic', () => {
  it('shows the figures, a chart with its table view, and downloads the CSV', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel(/^E-mail address/).fill(DEMO_COORDINATOR);
    await page.getByLabel(/^Password/).fill('tadamon-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await enterDemoCoordinatorCode(page);
    await page.getByTestId('home-title').waitFor();

    await page.goto(`${baseUrl}/reports`);
    await page.getByTestId('reports-dashboard').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByRole('heading', { name: 'الأرقام' }).waitFor();
    await page.getByTestId('figure-peopleTrained').getByText('الأشخاص المدربون').waitFor();

    expect(await wcagViolations(page)).toEqual([]);
    // The time axis runs right to left: the first month's bar is the rightmost.
    const bars = page.getByTestId('chart-svg').first().getByTestId('chart-bar');
    const count = await bars.count();
    expect(count).toBe(12);
    const first = (await bars.first().boundingBox())!;
    const last = (await bars.last().boundingBox())!;
    expect(first.x).toBeGreaterThan(last.x);

    // Every bar takes keyboard focus and names its month and value.
    await bars.first().focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('chart-bar');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/: /);

    // The table view of the same chart.
    await page.getByRole('button', { name: 'عرض كجدول' }).first().click();
    const table = page.getByTestId('chart-table').first();
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(12);
    expect(await wcagViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'عرض كرسم بياني' }).first().click();
    await page.getByTestId('chart-svg').first().waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toMatch(/^تقرير الشبكة: /);
    expect(text).toContain('الأشخاص المدربون');
    expect(errors).toEqual([]);
    await context.close();
  });
});
