/**
 * Journey: saved media plays with no connection, and the queue goes out by Background Sync.
 * A coordinator uploads a short video (made at test time by ffmpeg); the library makes its 240p
 * copy; a course shows it in its first lesson. A volunteer saves the course with the 240p video,
 * the browser goes offline, the page is reloaded, and the saved video plays from the device. The
 * lesson is marked done offline: the page registers a Background Sync ('learning-sync'), and with
 * every tab of the app closed, the service worker alone sends the queue when the sync event fires.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeVideo } from '../apps/api/test/support/media-fixture';
import { enterDemoCoordinatorCode } from './demo-totp';
import { launchChromium } from './browser';

const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));
const baseUrl = inject('baseUrl');
const databaseUrl = inject('databaseUrl');
let browser: Browser;
let workDir: string;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  workDir = mkdtempSync(join(tmpdir(), 'tadamon-e2e-offline-media-'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(workDir, { recursive: true, force: true });
});

async function signIn(page: Page, identifier: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.locator('input[name=identifier]').fill(identifier);
  await page.locator('input[type=password]').first().fill('tadamon-demo');
  await page.locator('form button[type=submit]').click();
  if (identifier === 'coordinator@example.org') await enterDemoCoordinatorCode(page);
  await page.getByTestId('home-title').waitFor();
}

/** The library's video with its 240p copy ready. */
async function uploadVideo(): Promise<string> {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await signIn(page, 'coordinator@example.org');
  await page.goto(`${baseUrl}/library/new`);
  await page.getByLabel('Type').selectOption('VIDEO');
  await page.getByTestId('material-title').fill(`Recovery position ${Date.now().toString(36)}`);
  const video = makeVideo(join(workDir, 'recovery.mp4'), { seconds: 6, width: 640, height: 360 });
  await page.locator('input[type=file]').setInputFiles({ name: 'recovery.mp4', mimeType: 'video/mp4', buffer: video });
  await page.getByTestId('material-submit').click();
  await page.waitForURL(/\/library\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  const materialId = page.url().split('/').pop()!;
  type Material = { translations: { currentFile: { derivatives: { kind: string; status: string }[] } | null }[] };
  await expect
    .poll(
      async () => {
        const body = (await (await context.request.get(`${baseUrl}/api/materials/${materialId}`)).json()) as Material;
        return body.translations[0]?.currentFile?.derivatives.find((d) => d.kind === 'VIDEO_LOW')?.status;
      },
      { timeout: 120_000, interval: 1_000 },
    )
    .toBe('READY');
  await context.close();
  return materialId;
}

/** A published course of the material's network whose first lesson shows the video. */
async function courseShowing(materialId: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ networkId: string }>('SELECT "networkId" FROM "Material" WHERE id = $1', [materialId]);
    const [courseId, versionId, moduleId] = [randomUUID(), randomUUID(), randomUUID()];
    const titles = JSON.stringify({ en: 'Recovery position on the go' });
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO "Course" (id, "networkId", "standardTopic", audience, "enrolmentPolicy", status, titles, summaries, languages, "estimatedMinutes", "updatedAt")
       VALUES ($1, $2, 'FIRST_AID', 'EVERYONE', 'NETWORK', 'PUBLISHED', $3, '{"en":"Watch and practise."}', '{en}', 10, now())`,
      [courseId, rows[0]!.networkId, titles],
    );
    await client.query(
      `INSERT INTO "CourseVersion" (id, "courseId", number, state, titles, summaries, languages, "estimatedMinutes", "publishedAt", "updatedAt")
       VALUES ($1, $2, 1, 'PUBLISHED', $3, '{"en":"Watch and practise."}', '{en}', 10, now(), now())`,
      [versionId, courseId, titles],
    );
    await client.query('UPDATE "Course" SET "publishedVersionId" = $1 WHERE id = $2', [versionId, courseId]);
    await client.query(`INSERT INTO "CourseModule" (id, "versionId", position, titles) VALUES ($1, $2, 0, '{"en":"Module 1"}')`, [moduleId, versionId]);
    await client.query(
      `INSERT INTO "CourseLesson" (id, "moduleId", "versionId", position, titles, bodies, "materialId") VALUES
       ($1, $2, $3, 0, '{"en":"Watch: the recovery position"}', '{"en":"Watch the video, then practise with a partner."}', $4),
       ($5, $2, $3, 1, '{"en":"Practise"}', '{"en":"Practise twice."}', NULL)`,
      [randomUUID(), moduleId, versionId, materialId, randomUUID()],
    );
    await client.query('COMMIT');
    return courseId;
  } finally {
    await client.end();
  }
}

async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

async function csrfPost(context: BrowserContext, path: string) {
  const { csrfToken } = (await (await context.request.get(`${baseUrl}/api/auth/session`)).json()) as { csrfToken: string };
  const answer = await context.request.post(`${baseUrl}/api${path}`, { data: {}, headers: { 'x-csrf-token': csrfToken } });
  expect(answer.status(), path).toBeLessThan(300);
}

type Lessons = { lessons: { title: string; status: string }[] };

describe.skipIf(!databaseUrl)('saved media offline, and Background Sync', () => {
  it('plays the saved 240p video with no connection; the service worker sends the lesson done with the app closed', async () => {
    const courseId = await courseShowing(await uploadVideo());

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, 'volunteer@example.org');
    await page.getByTestId('language-switcher').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await waitForServiceWorker(page);
    await csrfPost(context, `/learning/courses/${courseId}/enrolment`);

    // Chromium records what Background Sync does (DevTools' "Background services"); read later.
    // (A DevTools session left attached would undo the page's offline emulation, so detach.)
    const recorder = await context.newCDPSession(page);
    await recorder.send('BackgroundService.setRecording', { shouldRecord: true, service: 'backgroundSync' });
    await recorder.detach();

    await page.goto(`${baseUrl}/learning/courses/${courseId}`);
    await page.getByTestId('save-offline').click();
    await expect.poll(() => page.getByTestId('save-size').textContent(), { timeout: 20_000 }).toMatch(/\d/);
    await page.getByTestId('confirm-save-offline').click();
    await page.getByTestId('saved-offline').waitFor({ timeout: 60_000 });

    // No connection, page reloaded: the lesson opens and its saved 240p video plays from the device.
    await context.setOffline(true);
    await page.goto(`${baseUrl}/learning/downloads`).catch(() => undefined);
    await page.reload();
    await page.getByTestId('saved-course').filter({ hasText: 'Recovery position on the go' }).getByTestId('open-saved-course').click();
    await page.getByRole('link', { name: 'Watch: the recovery position' }).click();
    await page.getByTestId('play-saved-media').click();
    const video = page.getByTestId('saved-video');
    await video.waitFor();
    await expect(video.getAttribute('src')).resolves.toMatch(/^blob:/);
    // Played muted, as a test may (autoplay rules); the saved file alone feeds it.
    const play = () =>
      video.evaluate(async (v: HTMLVideoElement) => {
        v.muted = true;
        await v.play().catch(() => undefined);
        return v.readyState;
      });
    await expect.poll(play, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 }).toBeGreaterThan(0.5);
    const size = await video.evaluate((v: HTMLVideoElement) => [v.videoWidth, v.videoHeight]);
    expect(size[1]).toBeLessThanOrEqual(240);
    await page.screenshot({ path: `${artifacts}offline-video-plays.png`, fullPage: true });

    // Done offline: queued (the page asks for a Background Sync as it cannot send).
    await page.getByTestId('offline-mark-done').click();
    await page.getByTestId('offline-lesson-done').waitFor();
    await expect.poll(() => page.getByTestId('sync-indicator').getAttribute('data-waiting')).not.toBe('0');
    const tags = () => page.evaluate(async () => ((await navigator.serviceWorker.ready) as ServiceWorkerRegistration & { sync: { getTags(): Promise<string[]> } }).sync.getTags());
    expect(await tags()).toContain('learning-sync');

    // Every tab of the app closed, the line back: only the service worker is left to send it.
    await page.goto('about:blank');
    await context.setOffline(false);
    const devtools = await context.newCDPSession(page);
    const syncLog: { eventName: string; tag: string; metadata: string }[] = [];
    devtools.on('BackgroundService.backgroundServiceEventReceived', ({ backgroundServiceEvent: e }) =>
      syncLog.push({ eventName: e.eventName, tag: e.instanceId, metadata: JSON.stringify(e.eventMetadata) }),
    );
    // Observing sends what was recorded so far: the page registered the 'learning-sync' tag.
    await devtools.send('BackgroundService.startObserving', { service: 'backgroundSync' });
    await expect.poll(() => syncLog.some((e) => e.eventName === 'Registered sync' && e.tag === 'learning-sync'), { timeout: 15_000 }).toBe(true);
    const server = () => context.request.get(`${baseUrl}/api/learning/courses/${courseId}/offline-package`).then(async (r) => ((await r.json()) as Lessons).lessons[0]!.status);
    // Chromium fires the sync when it sees the line back; DevTools fires it too, as a tester would.
    const registrations: { registrationId: string; scopeURL: string }[] = [];
    devtools.on('ServiceWorker.workerRegistrationUpdated', ({ registrations: updated }) => registrations.push(...updated));
    await devtools.send('ServiceWorker.enable');
    await expect.poll(() => registrations.some((r) => r.scopeURL.startsWith(baseUrl)), { timeout: 10_000 }).toBe(true);
    const registration = registrations.find((r) => r.scopeURL.startsWith(baseUrl))!;
    if ((await server()) !== 'COMPLETED') {
      await devtools.send('ServiceWorker.dispatchSyncEvent', { origin: new URL(baseUrl).origin, registrationId: registration.registrationId, tag: 'learning-sync', lastChance: false });
    }
    await expect.poll(server, { timeout: 30_000 }).toBe('COMPLETED');
    console.log('Background Sync as Chromium recorded it:', JSON.stringify(syncLog));
    await expect.poll(() => syncLog.some((e) => e.eventName === 'Sync completed' && e.metadata.includes('succeeded')), { timeout: 15_000 }).toBe(true);

    // The app opened again: nothing waits.
    await page.goto(`${baseUrl}/learning/downloads`);
    await expect.poll(() => page.getByTestId('sync-indicator').getAttribute('data-waiting'), { timeout: 20_000 }).toBe('0');
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
