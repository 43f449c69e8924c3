/**
 * Journeys: learning in the field. A volunteer saves a course on a good line, loses the
 * connection, reloads, reads a lesson, marks it done and takes the quiz with no connection;
 * back online the queue is sent and the server holds the progress and the graded attempt.
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
  await page.locator('input[type=email], input[name=email]').first().fill(email);
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
    await expect(page.getByTestId('sync-indicator').textContent()).resolves.toBe('All synced');
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
    expect(errors).toEqual([]);
    await context.close();
  });
});
