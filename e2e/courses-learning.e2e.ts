/**
 * Journey: a volunteer on a small phone takes the demo course "Welcoming visitors" — a video
 * lesson and a quiz —, loses the connection while saving progress, fails the quiz once, reads
 * the feedback, passes on the second attempt and sees the course completed.
 *
 * The demo course comes from apps/api/src/seed/seed-courses.ts. The completion stays (it is
 * what a leader's progress table should then show): `completedCourse` below names who
 * completed what, for a later step of this file that checks the leader's side.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, seriousViolations } from './browser';
import { followMainNavigation } from './main-navigation';

const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));
const baseUrl = inject('baseUrl');
let browser: Browser;

/** Who completes which course in this journey (for the leader-side check of the same file). */
export const completedCourse = {
  learnerEmail: 'volunteer@example.org',
  learnerName: 'Salma Volunteer',
  organisation: 'Association Al Amal Tanger',
  leaderEmail: 'leader@example.org',
  courseTitle: 'Welcoming visitors',
} as const;

async function signIn(page: Page, email: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(/^E-mail address/).fill(email);
  await page.getByLabel(/^Password/).fill('tadamon-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('home-title').waitFor();
}


/** Answers the two demo questions, whatever order the server drew them in. */
async function answerQuiz(page: Page, right: boolean) {
  await page.getByTestId('quiz-question').first().waitFor();
  await page.getByRole('radio', { name: right ? 'True' : 'False' }).check();
  await page.getByRole('radio', { name: right ? 'How can we help you today?' : 'Where are your papers?' }).check();
  await page.getByTestId('submit-quiz').click();
}

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('taking a course', () => {
  it('a volunteer watches the video lesson, fails the quiz once, passes and sees the course completed', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, completedCourse.learnerEmail);

    // The catalogue, searched.
    await followMainNavigation(page, 'Courses');
    await page.getByRole('heading', { name: 'Courses', level: 1 }).waitFor();
    await page.getByTestId('catalogue-search').fill('welcom');
    await page.waitForURL(/[?&]q=welcom/);
    const card = page.getByTestId('course-card').filter({ hasText: completedCourse.courseTitle });
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('Not enrolled');
    await card.getByRole('link', { name: completedCourse.courseTitle }).click();

    // The course page: outline, then enrol and start.
    await page.getByTestId('course-title').waitFor();
    await expect(page.getByTestId('outline-lessons').textContent()).resolves.toContain('Quiz: welcoming well');
    await page.getByTestId('enrol').click();

    // Lesson 1: the library's video player and the lesson text.
    await page.getByRole('heading', { name: 'Watch: a first welcome' }).waitFor();
    await page.getByTestId('lesson-material').getByTestId('video-player').waitFor();
    await expect(page.locator('.lesson-body strong').textContent()).resolves.toBe('three things');
    expect(await page.getByTestId('next-lesson').isDisabled()).toBe(true);

    // "Mark as done" while the line drops: the save is retried and arrives once it is back.
    await context.setOffline(true);
    await page.getByTestId('mark-done').click();
    await page.getByText('The connection is unstable: saving again…').waitFor();
    await context.setOffline(false);
    await page.getByTestId('lesson-done').waitFor({ timeout: 30_000 });
    await page.getByTestId('next-lesson').click();

    // Lesson 2: the quiz. First attempt wrong.
    await page.getByRole('heading', { name: 'Quiz: welcoming well' }).waitFor();
    await page.getByTestId('open-quiz').click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${artifacts}course-quiz.png`, fullPage: true });
    await answerQuiz(page, false);
    await page.getByTestId('quiz-result-failed').waitFor();
    await expect(page.getByTestId('quiz-result').textContent()).resolves.toContain('Papers can wait: first listen.');
    await expect(page.getByTestId('quiz-result').textContent()).resolves.toContain('Your score: 0 % (pass mark 100 %).');
    await page.screenshot({ path: `${artifacts}course-quiz-failed.png`, fullPage: true });

    // Second attempt right: passed, and with it the course.
    await page.getByTestId('retry-quiz').click();
    await answerQuiz(page, true);
    await page.getByTestId('quiz-result-passed').waitFor();
    await page.getByTestId('quiz-course-completed').waitFor();
    await page.getByTestId('quiz-continue').click();
    await page.getByTestId('course-completed').waitFor();
    await expect(page.getByTestId('course-completed').textContent()).resolves.toContain('You completed this course on');
    await page.screenshot({ path: `${artifacts}course-completed.png`, fullPage: true });

    // "My learning" lists it as completed.
    await page.goto(`${baseUrl}/learning/mine`);
    await expect(page.getByTestId('mine-completed').textContent()).resolves.toContain(completedCourse.courseTitle);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the leader then sees the completion in the progress table of their organisation', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, completedCourse.leaderEmail);
    await page.goto(`${baseUrl}/team-learning`);
    const table = page.getByTestId('progress-table').first();
    await table.waitFor();
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: completedCourse.learnerName }) })
      .filter({ hasText: completedCourse.courseTitle });
    await expect(row.count()).resolves.toBe(1);
    await expect(row.textContent()).resolves.toContain('Completed');
    await expect(row.textContent()).resolves.toContain('100');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${artifacts}course-leader-progress.png`, fullPage: true });
    await context.close();
  });
});
