/**
 * Journeys: learning in the field. A volunteer saves a course on a good line, loses the
 * connection, reloads, reads a lesson, marks it done and takes the quiz with no connection;
 * back online the queue is sent and the server holds the progress and the graded attempt;
 * signing out then removes what the account saved on the phone.
 * Then: an attempt taken offline while the attempt limit is used up on another device is kept
 * and shown with the reason (this one in Arabic).
 *
 * Demo data: apps/api/src/seed/seed-courses.ts ("Volunteer foundation", assigned to Salma with
 * two of four lessons done) and seed-welcome-course.ts ("Welcoming visitors", three attempts).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';

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

async function signIn(page: Page, email: string, button = 'Sign in') {
  await page.goto(`${baseUrl}/sign-in`);
  await page.locator('input[name=identifier]').fill(email);
  await page.locator('input[type=password]').first().fill('tadamon-demo');
  await page.getByRole('button', { name: button }).click();
  await page.getByTestId('home-title').waitFor();
}

/** The service worker has cached the app and controls the page: it will open offline. */
async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

async function api<T>(context: BrowserContext, path: string): Promise<T> {
  const answer = await context.request.get(`${baseUrl}/api${path}`);
  expect(answer.status(), path).toBe(200);
  return (await answer.json()) as T;
}

type MyLearning = { assigned: Item[]; inProgress: Item[]; completed: Item[] };
type Item = { courseId: string; enrolmentId: string; title: string };
const findCourse = (mine: MyLearning, title: string) => [...mine.assigned, ...mine.inProgress, ...mine.completed].find((i) => i.title === title)!;

async function saveForOffline(page: Page) {
  await page.getByTestId('save-offline').click();
  await expect.poll(() => page.getByTestId('save-size').textContent(), { timeout: 20_000 }).toMatch(/\d/);
  await page.getByTestId('confirm-save-offline').click();
  await page.getByTestId('saved-offline').waitFor({ timeout: 30_000 });
}

describe('learning offline', () => {
  it('a volunteer saves a course, learns with no connection, and everything arrives once back online', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, 'volunteer@example.org');
    // Another journey may have left this profile in another language.
    await page.getByTestId('language-switcher').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await waitForServiceWorker(page);
    const course = findCourse(await api<MyLearning>(context, '/me/learning'), 'Volunteer foundation');

    await page.goto(`${baseUrl}/learning/courses/${course.courseId}`);
    await page.getByTestId('course-title').waitFor();
    await saveForOffline(page);

    // No connection at all, and the page reloaded: the saved course still opens.
    await context.setOffline(true);
    await page.goto(`${baseUrl}/learning/downloads`).catch(() => undefined);
    await page.reload();
    await page.getByTestId('saved-course').filter({ hasText: 'Volunteer foundation' }).waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('sync-indicator').getAttribute('data-online')).resolves.toBe('false');
    await page.getByTestId('open-saved-course').click();
    await page.getByTestId('offline-course-title').waitFor();
    await page.getByRole('link', { name: 'Listening skills' }).click();

    // Read, mark done: kept on the device.
    await page.getByRole('heading', { name: 'Listening skills' }).waitFor();
    await expect(page.locator('.lesson-body').first().textContent()).resolves.toContain('Rephrase, ask open questions');
    await page.getByTestId('offline-mark-done').click();
    await page.getByTestId('offline-lesson-done').waitFor();
    await page.getByTestId('offline-next-lesson').click();

    // The quiz, drawn from the saved questions; submitted offline, graded later.
    await page.getByTestId('start-offline-quiz').click();
    await page.getByTestId('quiz-question').first().waitFor();
    await page.getByRole('radio', { name: 'I say nothing about the family' }).check();
    await page.getByRole('radio', { name: 'True' }).check();
    await page.getByRole('checkbox', { name: 'How did the week go?' }).check();
    await page.getByRole('checkbox', { name: 'What worries you most?' }).check();
    await page.getByRole('textbox', { name: 'Your answer' }).fill('Confidentiality');
    // Answers are kept on the device as they change: a reload mid-quiz loses none.
    await page.waitForTimeout(500);
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Your answer' }).inputValue()).resolves.toBe('Confidentiality');
    await expect(page.getByRole('radio', { name: 'True' }).isChecked()).resolves.toBe(true);
    await page.getByTestId('submit-offline-quiz').click();
    await page.getByTestId('offline-quiz-submitted').waitFor();
    await expect(page.getByTestId('offline-quiz-submitted').textContent()).resolves.toContain('the result comes when you are back online');
    const waiting = Number(await page.getByTestId('sync-indicator').getAttribute('data-waiting'));
    expect(waiting).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: `${artifacts}offline-quiz-submitted.png`, fullPage: true });

    // Back online: the queue goes by itself, the result arrives, nothing waits.
    await context.setOffline(false);
    await page.getByTestId('quiz-result-passed').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('sync-indicator').getAttribute('data-waiting'), { timeout: 30_000 }).toBe('0');
    await expect(page.getByTestId('sync-indicator').getAttribute('aria-label')).resolves.toBe('Sync: All synced');
    await page.screenshot({ path: `${artifacts}offline-synced.png`, fullPage: true });

    // The server holds the lesson, the graded attempt, and with them the completed course.
    const mine = await api<MyLearning>(context, '/me/learning');
    expect(mine.completed.map((i) => i.title)).toContain('Volunteer foundation');
    const quizLesson = await api<{ lessons: unknown }>(context, `/learning/courses/${course.courseId}/offline-package`);
    const lessons = quizLesson.lessons as { title: string; status: string; quiz: { attemptsUsed: number; passed: boolean } | null }[];
    expect(lessons.find((l) => l.title === 'Listening skills')?.status).toBe('COMPLETED');
    expect(lessons.find((l) => l.quiz)?.quiz).toMatchObject({ attemptsUsed: 1, passed: true });
    // The completion (and its certificate, issued on sync) is announced.
    await page.getByTestId('sync-indicator').click();
    await page.getByTestId('sync-completed').waitFor();
    await page.keyboard.press('Escape');

    // Signing out removes what this account saved on the phone: database, files, remembered session.
    const saved = () =>
      page.evaluate(async () => ({
        databases: (await indexedDB.databases()).map((d) => d.name ?? '').filter((name) => name.startsWith('tadamon-offline-')),
        caches: (await caches.keys()).filter((name) => name.startsWith('tadamon-offline-')),
        session: localStorage.getItem('tadamon.offline-session') !== null,
      }));
    expect((await saved()).databases).toHaveLength(1);
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/sign-in/);
    await expect.poll(saved, { timeout: 15_000 }).toEqual({ databases: [], caches: [], session: false });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an attempt taken offline while the limit is used up on another device is kept and shown with the reason (in Arabic)', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ar' });
    const page = await phone.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${baseUrl}/sign-in`);
    await page.locator('input[name=identifier]').fill('leader.bamako@example.org');
    await page.locator('input[type=password]').fill('tadamon-demo');
    await page.locator('form button[type=submit]').click();
    await page.getByTestId('home-title').waitFor();
    await page.getByTestId('language-switcher').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await waitForServiceWorker(page);

    const catalogue = await api<{ items: { id: string; title: string }[] }>(phone, '/learning/catalogue?q=%D8%A7%D8%B3%D8%AA%D9%82%D8%A8%D8%A7%D9%84');
    const courseId = catalogue.items.find((c) => c.title === 'استقبال الزوار')!.id;
    await page.goto(`${baseUrl}/learning/courses/${courseId}`);
    await page.getByTestId('enrol').click();
    await page.waitForURL(/\/lessons\//);
    await page.goto(`${baseUrl}/learning/courses/${courseId}`);
    await saveForOffline(page);

    // Offline: the first lesson done, the quiz answered and submitted on the phone.
    await phone.setOffline(true);
    await page.goto(`${baseUrl}/learning/downloads`).catch(() => undefined);
    await page.reload();
    await page.getByTestId('open-saved-course').click();
    await page.getByTestId('offline-lessons').getByRole('link').first().click();
    await page.getByTestId('offline-mark-done').click();
    await page.getByTestId('offline-next-lesson').click();
    await page.getByTestId('start-offline-quiz').click();
    const questions = page.getByTestId('quiz-question');
    await questions.first().waitFor();
    for (let i = 0; i < (await questions.count()); i++) await questions.nth(i).getByRole('radio').first().check();
    await page.getByTestId('submit-offline-quiz').click();
    await page.getByTestId('offline-quiz-submitted').waitFor();

    // Meanwhile, on a computer, the same person uses up all three attempts online.
    const computer = await browser.newContext({ locale: 'fr-FR' });
    const session = await computer.request.get(`${baseUrl}/api/auth/csrf`);
    const csrf = ((await session.json()) as { csrfToken: string }).csrfToken;
    const signedIn = await computer.request.post(`${baseUrl}/api/auth/sign-in`, {
      data: { email: 'leader.bamako@example.org', password: 'tadamon-demo' },
      headers: { 'x-csrf-token': csrf },
    });
    expect(signedIn.status()).toBeLessThan(300);
    const token = ((await (await computer.request.get(`${baseUrl}/api/auth/session`)).json()) as { csrfToken: string }).csrfToken;
    const post = (path: string, data: object = {}) => computer.request.post(`${baseUrl}/api${path}`, { data, headers: { 'x-csrf-token': token } });
    const course = await api<{ learner: { enrolmentId: string }; modules: { lessons: { id: string }[] }[] }>(computer, `/learning/courses/${courseId}`);
    const enrolmentId = course.learner.enrolmentId;
    const [first, quiz] = course.modules.flatMap((m) => m.lessons).map((l) => l.id);
    expect((await post(`/learning/enrolments/${enrolmentId}/lessons/${first}/progress`, { event: 'completed' })).status()).toBe(200);
    for (let n = 0; n < 3; n++) {
      const attempt = (await (await post(`/learning/enrolments/${enrolmentId}/lessons/${quiz}/attempts`)).json()) as { id: string };
      expect((await post(`/learning/enrolments/${enrolmentId}/attempts/${attempt.id}/submission`, { answers: [] })).status()).toBe(200);
    }

    // The phone comes back: its attempt is kept, with the reason, not silently dropped.
    await phone.setOffline(false);
    await page.getByTestId('offline-quiz-kept').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('offline-quiz-kept').textContent()).resolves.toContain('استنفدت كل محاولاتك');
    await expect.poll(() => page.getByTestId('sync-indicator').getAttribute('data-kept'), { timeout: 30_000 }).toBe('1');
    await expect(page.getByTestId('sync-indicator').getAttribute('data-waiting')).resolves.toBe('0');
    await page.getByTestId('sync-indicator').click();
    await page.getByTestId('sync-kept').waitFor();
    await page.waitForTimeout(400); // the popover fades in
    await page.screenshot({ path: `${artifacts}offline-attempt-kept-ar.png`, fullPage: true });

    // The server counted the three online attempts and not the phone's; the lesson done twice counts once.
    const view = await api<{ quiz: { attemptsUsed: number } }>(computer, `/learning/enrolments/${enrolmentId}/lessons/${quiz}`);
    expect(view.quiz.attemptsUsed).toBe(3);
    expect(errors).toEqual([]);
    await computer.close();
    await phone.close();
  });
});
