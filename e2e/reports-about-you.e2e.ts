/**
 * Journey (issue 19), in Arabic: Salma answers "About you" on her profile — refused until she
 * ticks the consent box — then withdraws, which deletes the answer; the coordinator reads the
 * network's targets. Both screens pass axe (WCAG 2.2 AA) in Arabic and English.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedIn } from './api-session';
import { launchChromium, wcagViolations } from './browser';
import { DEMO_COORDINATOR } from './demo-totp';
import { setLanguage } from './demo-world';

const baseUrl = inject('baseUrl');
let browser: Browser;
let volunteer: Awaited<ReturnType<typeof signedIn>>;
let coordinator: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  browser = await launchChromium();
  volunteer = await signedIn(baseUrl, 'volunteer@example.org');
  coordinator = await signedIn(baseUrl, DEMO_COORDINATOR);
});

afterAll(async () => {
  // Other journeys sign in as the same demo people: leave each in the language they had.
  if (volunteer) await setLanguage(volunteer, volunteer.session.user.preferredLanguage).catch(() => undefined);
  if (coordinator) await setLanguage(coordinator, coordinator.session.user.preferredLanguage).catch(() => undefined);
  await volunteer?.api.dispose();
  await coordinator?.api.dispose();
  await browser?.close();
});

async function open(who: typeof volunteer, path: string, language: 'ar' | 'en'): Promise<Page> {
  await setLanguage(who, language);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: language === 'ar' ? 'ar-MA' : 'en-GB', storageState: await who.api.storageState() });
  const page = await context.newPage();
  await page.goto(`${baseUrl}${path}`);
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[aria-busy=true], .mantine-Loader-root, [data-testid=page-skeleton]'));
  return page;
}

const myAnswer = async () => (await (await volunteer.api.get('/api/me/demographics')).json()).demographics;

describe('About you, with consent, in Arabic', () => {
  it('refuses to save without consent, saves with it, and deletes the answer on withdrawal', async () => {
    const page = await open(volunteer, '/profile', 'ar');
    const card = page.getByTestId('demographics-card');
    await card.getByRole('heading', { name: 'معلومات عنك (اختياري)' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await card.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    await card.scrollIntoViewIfNeeded();
    expect(await wcagViolations(page)).toEqual([]);

    await card.getByRole('radio', { name: 'امرأة' }).check();
    await card.getByRole('radio', { name: 'من 25 إلى 34' }).check();
    await card.getByRole('button', { name: 'حفظ إجاباتي' }).click();
    await card.getByText('ضع علامة في المربع للموافقة قبل حفظ إجاباتك. الإجابة اختيارية.').waitFor();
    expect(await myAnswer()).toBeNull();

    await card.getByRole('checkbox', { name: /أوافق على حفظ إجاباتي/ }).check();
    await card.getByRole('button', { name: 'حفظ إجاباتي' }).click();
    await card.getByRole('status').filter({ hasText: 'حُفظت إجاباتك' }).waitFor();
    expect(await myAnswer()).toMatchObject({ gender: 'WOMAN', ageBand: 'AGE_25_34' });
    expect(await wcagViolations(page)).toEqual([]);

    await card.getByRole('button', { name: 'سحب الموافقة وحذف إجاباتي' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'سحب الموافقة وحذف إجاباتي' }).click();
    await card.getByRole('status').filter({ hasText: 'حُذفت إجاباتك' }).waitFor();
    expect(await myAnswer()).toBeNull();
    expect(await card.getByRole('radio', { name: 'امرأة' }).isChecked()).toBe(false);
    await page.context().close();
  });

  it('passes axe in English too', async () => {
    const page = await open(volunteer, '/profile', 'en');
    await page.getByTestId('demographics-card').getByRole('radio', { name: 'Woman' }).waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('the network’s targets', () => {
  for (const language of ['ar', 'en'] as const) {
    it(`are listed for the coordinator in ${language === 'ar' ? 'Arabic' : 'English'}, accessible`, async () => {
      const page = await open(coordinator, '/network/targets', language);
      const rows = page.getByTestId('report-target-row');
      await rows.first().waitFor();
      expect(await rows.count()).toBeGreaterThanOrEqual(5);
      const women = rows.filter({ hasText: language === 'ar' ? 'نسبة النساء' : 'Share of women' });
      expect(await women.innerText()).toContain('50 %');
      if (language === 'ar') expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(await wcagViolations(page)).toEqual([]);
      // The form, opened, is accessible too.
      await page.getByRole('button', { name: language === 'ar' ? 'إضافة هدف' : 'Add a target' }).click();
      await page.getByTestId('target-form').waitFor();
      expect(await wcagViolations(page)).toEqual([]);
      await page.context().close();
    });
  }
});
