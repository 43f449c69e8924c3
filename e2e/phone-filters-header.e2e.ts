/**
 * Issue 20, on a 360 px phone: every header control is at least 44 × 44 px; the library's and
 * the catalogue's filters fold behind one "Filters" button so results start on the first
 * screen; after a search the list scrolls to the results.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.locator('input[name=identifier]').fill('volunteer@example.org');
  await page.getByLabel(/^Password/).fill('tadamon-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('home-title').waitFor();
}

describe('a volunteer on a 360 px phone', () => {
  it('meets header controls of at least 44 × 44 px and filters folded behind one button', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-GB', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await signIn(page);

    const small = await page.locator('header.app-header').evaluate((header) =>
      Array.from(header.querySelectorAll('a, button, select, [role=button]'))
        .filter((el) => (el as HTMLElement).offsetParent !== null)
        .map((el) => ({ name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName, ...(({ width, height }) => ({ width, height }))(el.getBoundingClientRect()) }))
        .filter((box) => box.width < 44 || box.height < 44),
    );
    expect(small).toEqual([]);

    for (const [path, searchId] of [['/library', 'library-search'], ['/learning', 'catalogue-search']] as const) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByTestId(searchId).waitFor();
      const toggle = page.getByTestId('filters-toggle');
      await expect(toggle.isVisible()).resolves.toBe(true);
      await expect(page.getByTestId('filters-panel').isVisible()).resolves.toBe(false);
      await toggle.click();
      await expect(page.getByTestId('filters-panel').isVisible()).resolves.toBe(true);
      await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
      await toggle.click();

      // A search brings the results to the top of the screen.
      await page.getByTestId(searchId).fill('a');
      await page.waitForURL(/[?&]q=a/);
      await page.waitForFunction(() => {
        const anchor = document.querySelector('[data-testid=results-anchor]');
        return !!anchor && Math.abs(anchor.getBoundingClientRect().top - 72) < 40;
      }, undefined, { timeout: 10_000 }).catch(() => undefined);
      const top = await page.getByTestId('results-anchor').evaluate((el) => el.getBoundingClientRect().top);
      expect(top).toBeLessThan(200);
    }

    // On a desktop the filters always show and the button does not.
    const desk = await browser.newPage({ viewport: { width: 1366, height: 800 } });
    await desk.context().addCookies(await context.cookies());
    await desk.goto(`${baseUrl}/library`);
    await desk.getByTestId('library-search').waitFor();
    await expect(desk.getByTestId('filters-toggle').isVisible()).resolves.toBe(false);
    await expect(desk.getByTestId('filters-panel').isVisible()).resolves.toBe(true);
    await context.close();
  }, 120_000);
});
