/**
 * Journey: a leader opens their profile, reads "how we reach you" in French, switches to Arabic
 * (right to left), turns course due-date messages off and finds the choice kept after a reload.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium, seriousViolations } from './browser';
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

describe('choosing how messages reach me', () => {
  it('works in French and in Arabic, right to left, on a phone screen', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel(/^E-mail address/).fill('leader.bamako@example.org');
    await page.getByLabel(/^Password/).fill('tadamon-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('home-title').waitFor();
    // The demo leader reads French; another journey may have left the profile in another language.
    await page.getByTestId('language-switcher').selectOption('fr');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');

    await page.goto(`${baseUrl}/profile`);
    const card = page.getByRole('region', { name: 'Comment vous joindre' });
    await card.waitFor();
    await card.getByText('Échéances des formations').waitFor();
    // Accreditation, collaboration and completed-course messages are kinds of their own.
    await card.getByText('Mentions, réponses, commentaires et demandes de signature').waitFor();
    await card.getByText('Accréditation : examens, décisions et renouvellements').waitFor();
    await card.getByText('Cours terminés et certificats obtenus').waitFor();
    // No phone on this account: SMS and WhatsApp cannot be chosen, and the card says why.
    await card.getByText('Votre compte n’a pas de numéro de téléphone').waitFor();
    const first = card.getByRole('group', { name: 'Échéances des formations' }).getByRole('combobox', { name: 'D’abord' });
    expect(await first.locator('option[value="SMS"]').isDisabled()).toBe(true);

    // Arabic, from the header's language picker: the card turns right to left.
    await page.getByRole('combobox', { name: /^(Langue|Language)$/ }).selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    const arabic = page.getByRole('region', { name: 'كيف نتواصل معك' });
    await arabic.waitFor();
    const courses = arabic.getByRole('group', { name: 'مواعيد إنهاء الدورات' });
    await courses.getByRole('combobox', { name: 'أولًا' }).selectOption('');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/me/channels') && r.request().method() === 'PUT');
    await arabic.getByRole('button', { name: 'حفظ الاختيارات' }).click();
    expect((await saved).status()).toBe(200);
    await arabic.getByText('تم حفظ اختياراتك.').waitFor();
    const box = await arabic.getByRole('heading', { name: 'كيف نتواصل معك' }).boundingBox();
    const cardBox = await arabic.boundingBox();
    // The heading starts at the right edge of the card.
    expect(cardBox!.x + cardBox!.width - (box!.x + box!.width)).toBeLessThan(40);
    await page.screenshot({ path: `${artifacts}profile-channels-ar.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await page.reload();
    const kept = page.getByRole('region', { name: 'كيف نتواصل معك' }).getByRole('group', { name: 'مواعيد إنهاء الدورات' });
    expect(await kept.getByRole('combobox', { name: 'أولًا' }).inputValue()).toBe('');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
