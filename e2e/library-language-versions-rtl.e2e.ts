/**
 * Issue 20, right to left on a 360 px phone: a library item's language-version switch keeps the
 * chosen version inside the screen in Arabic (the segmented control it replaced drew its
 * selection off-screen), and switching the interface language switches the item to that
 * language's version when there is one.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';
import { closeMainNavigation, openMainNavigation } from './main-navigation';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The interface language, chosen where a phone shows it: the header, or the menu drawer. */
async function chooseLanguage(page: Page, language: string) {
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/me/profile') && r.request().method() === 'PATCH');
  const inHeader = page.locator('header [data-testid=language-switcher]');
  if (await inHeader.isVisible()) {
    await inHeader.selectOption(language);
  } else {
    const navigation = await openMainNavigation(page);
    await navigation.page().getByTestId('language-switcher').selectOption(language);
    await closeMainNavigation(page);
  }
  await saved;
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

/** Where each language-version chip is drawn, and which one is checked. */
function versionBoxes(page: Page) {
  return page.getByTestId('language-versions').evaluate((group) =>
    Array.from(group.querySelectorAll('input[type=radio]')).map((input) => {
      const label = group.querySelector(`label[for="${input.id}"]`) ?? input.parentElement!;
      const box = label.getBoundingClientRect();
      return { name: label.textContent?.trim() ?? '', checked: (input as HTMLInputElement).checked, left: box.left, right: box.right, width: box.width };
    }),
  );
}

describe('a library item’s language versions, in Arabic on a 360 px phone', () => {
  it('draws the chosen version inside the screen and follows the interface language', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'ar', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.locator('input[name=identifier]').fill('volunteer@example.org');
    await page.locator('input[type=password]').fill('tadamon-demo');
    await page.locator('button[type=submit]').click();
    await page.getByTestId('home-title').waitFor();
    try {
      await chooseLanguage(page, 'ar');
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');

      // "Leading a volunteer team" has English, French and Arabic versions in the demo library.
      const found = await page.evaluate(async () => {
        const list = await (await fetch('/api/materials?limit=50', { credentials: 'include' })).json();
        return (list.items as { id: string; languages: string[] }[]).find((m) => ['en', 'fr', 'ar'].every((l) => m.languages.includes(l)))?.id ?? null;
      });
      expect(found).not.toBeNull();
      await page.goto(`${baseUrl}/library/${found}`);
      await page.getByTestId('language-versions').waitFor();
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('قيادة فريق من المتطوعين');

      const width = await page.evaluate(() => document.documentElement.clientWidth);
      const inside = (box: { left: number; right: number; width: number }) => box.width > 0 && box.left >= 0 && box.right <= width;
      const first = await versionBoxes(page);
      expect(first.filter((b) => b.checked).map((b) => b.name)).toEqual(['العربية']);
      expect(first.filter((b) => !inside(b))).toEqual([]);
      // Nothing scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

      // Each version chosen in turn is drawn checked and on screen.
      for (const name of first.map((b) => b.name)) {
        await page.getByTestId('language-versions').getByText(name, { exact: true }).click();
        const boxes = await versionBoxes(page);
        const chosen = boxes.find((b) => b.checked)!;
        expect(chosen.name).toBe(name);
        expect(inside(chosen), JSON.stringify(chosen)).toBe(true);
      }

      // The interface in French: the item follows to its French version.
      await chooseLanguage(page, 'fr');
      await page.getByRole('heading', { level: 1, name: 'Animer une équipe de bénévoles' }).waitFor();
      expect((await versionBoxes(page)).find((b) => b.checked)?.name.toLowerCase()).toBe('français');
    } finally {
      await chooseLanguage(page, 'en').catch(() => undefined);
      await context.close();
    }
  });
});
