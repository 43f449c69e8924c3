/**
 * Journey: on a phone, an organisation's leader writes a course — module, lesson with Markdown previewed,
 * a quiz lesson and a single-choice question — is told what still stops publishing, fixes it,
 * publishes, and starts version 2; the editor then reads in Arabic, right to left.
 */
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';
import { followMainNavigation } from './main-navigation';

const baseUrl = inject('baseUrl');
const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));
let browser: Browser;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function signInPage(email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(/^E-mail address/).fill(email);
  await page.getByLabel(/^Password/).fill('tadamon-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('home-title').waitFor();
  return page;
}

describe('a leader authors a course', () => {
  it('builds, publishes and re-versions a course from a phone', async () => {
    const page = await signInPage('leader@example.org');
    const title = `Recovery position ${Date.now()}`;
    await followMainNavigation(page, 'Course authoring');
    await page.getByTestId('new-course').click();
    await page.getByTestId('course-title').fill(title);
    await page.getByTestId('create-course').click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    // Outline: one module, a text lesson with a Markdown preview, then a quiz lesson.
    await page.getByTestId('new-module-title').fill('Basics');
    await page.getByTestId('add-module').click();
    await page.getByRole('heading', { name: /Module 1/ }).waitFor();
    await page.getByTestId('new-lesson-title').fill('Lie them on their side');
    await page.getByRole('button', { name: 'Add lesson' }).click();
    await page.getByRole('button', { name: 'Edit' }).first().click();
    await page.getByTestId('lesson-body-en').fill('Tilt the **head** back <script>alert(1)</script>');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByLabel(/Preview of Lesson text/);
    await expect.poll(() => preview.innerHTML()).toContain('<strong>head</strong>');
    expect(await preview.innerHTML()).not.toContain('<script');
    await page.getByTestId('save-lesson').click();
    await page.getByTestId('lesson-editor').waitFor({ state: 'detached' });

    await page.getByTestId('new-lesson-title').fill('Check yourself');
    await page.getByRole('button', { name: 'Add lesson' }).click();
    await page.getByText('Check yourself').waitFor();
    await page.getByRole('button', { name: 'Edit' }).nth(1).click();
    await page.getByTestId('lesson-has-quiz').check();
    await page.getByTestId('quiz-count').fill('1');
    await page.getByTestId('save-lesson').click();
    await page.getByTestId('lesson-editor').waitFor({ state: 'detached' });

    // Reorder with the accessible buttons: the quiz lesson first, then back.
    await page.getByRole('button', { name: 'Move “Check yourself” up' }).click();
    await expect.poll(async () => (await page.locator('.course-lessons > li').first().textContent()) ?? '').toContain('Check yourself');

    // Publishing asks first, offering the learner preview; then it is refused until the quiz has
    // a question, and the reason is named.
    await page.getByTestId('publish').click();
    await page.getByTestId('preview-as-learner').waitFor();
    await page.getByTestId('confirm-publish').click();
    const problems = page.getByTestId('publish-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('Check yourself');

    await page.getByTestId('add-question').click();
    await page.getByTestId('question-prompt-en').fill('Which way should the head go?');
    const options = page.locator('.question-option');
    await options.nth(0).getByLabel(/^Option 1/).fill('Forward');
    await options.nth(1).getByLabel(/^Option 2/).fill('Back');
    await options.nth(1).getByLabel('Correct').check();
    await page.getByTestId('save-question').click();
    await page.getByTestId('question-form').waitFor({ state: 'detached' });
    await page.getByText('Which way should the head go?').waitFor();

    await page.getByTestId('publish').click();
    await page.getByTestId('confirm-publish').click();
    await page.getByTestId('read-only-notice').waitFor();
    expect(await page.getByText('Published', { exact: true }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${artifacts}course-authoring-published.png`, fullPage: true });

    await page.getByTestId('new-version').click();
    await page.getByRole('button', { name: 'Publish version 2' }).waitFor();
    expect(await page.getByTestId('read-only-notice').count()).toBe(0);

    // The same editor in Arabic reads right to left.
    await page.getByTestId('language-switcher').selectOption('ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('heading', { name: 'الوحدات والدروس' }).waitFor();
    await page.screenshot({ path: `${artifacts}course-authoring-ar.png`, fullPage: true });
    // Back to English: the switcher saved Arabic to the profile, and other journeys sign in as this leader.
    await page.getByTestId('language-switcher').selectOption('en');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await page.context().close();
  });
});
