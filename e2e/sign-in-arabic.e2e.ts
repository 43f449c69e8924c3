/**
 * Journey: a volunteer signs in, sees their home, switches to Arabic (right-to-left, saved to
 * the profile), and signs out. Runs Debian's Chromium through playwright-core.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium, seriousViolations } from './browser';
import { closeMainNavigation, openMainNavigation } from './main-navigation';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));
const baseUrl = inject('baseUrl');

let browser: Browser;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});


describe('a volunteer signs in and switches to Arabic', () => {
  it('works end to end, right to left, and signs out', async () => {
    // A small phone screen: most volunteers use one.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('pageerror', (error) => consoleErrors.push(error.message));

    await page.goto(`${baseUrl}/`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel(/^E-mail address/).fill('volunteer@example.org');
    await page.getByLabel(/^Password/).fill('tadamon-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();

    // The volunteer home. A previous run may have left the profile in Arabic: start from English.
    await page.getByTestId('home-title').waitFor();
    const language = page.getByRole('combobox', { name: /^(Language|اللغة|Langue|Idioma|Taal)$/ });
    await language.selectOption('en');
    await page.getByRole('heading', { name: 'My learning' }).waitFor();
    await page.getByTestId('home-certificates').getByRole('heading', { name: 'My certificates' }).waitFor();
    expect(await page.getByText('Coming soon').count()).toBe(0);
    await page.getByTestId('my-organisation').waitFor();

    // Switch to Arabic: saved to the profile, the page turns right to left.
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/me/profile') && r.request().method() === 'PATCH');
    await language.selectOption('ar');
    expect((await saved).status()).toBe(200);
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    await page.getByRole('heading', { name: 'تعلّمي' }).waitFor();
    // On a phone the navigation opens from the menu button, named in Arabic, from the right.
    await page.getByRole('button', { name: 'القائمة' }).waitFor();
    await openMainNavigation(page);
    const navigation = page.getByRole('navigation', { name: 'التنقل الرئيسي' });
    await navigation.getByRole('link', { name: 'الرئيسية' }).waitFor();
    const drawer = await navigation.boundingBox();
    expect(drawer!.x + drawer!.width).toBeGreaterThan(390 - 24); // it hugs the right edge
    await page.screenshot({ path: `${artifacts}volunteer-menu-ar.png` });
    await closeMainNavigation(page);
    await page.getByTestId('home-certificates').getByRole('heading', { name: 'شهاداتي' }).waitFor();
    await page.screenshot({ path: `${artifacts}volunteer-home-ar.png`, fullPage: true });

    // Sign out: back on the sign-in page, still in Arabic (remembered on this device).
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'تسجيل الخروج' }).click();
    await page.getByRole('heading', { name: 'تسجيل الدخول' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.screenshot({ path: `${artifacts}sign-in-ar.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
