/**
 * Journey: a coordinator uploads a short lecture video; the server makes a poster, a ~240p
 * data-saver copy and an audio track. A volunteer on a 2G line then sees the poster in the
 * list and gets the data saver by default; choosing the original is remembered. The video is
 * made at test time by ffmpeg (a test card and a tone), so no binary is committed.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { makeVideo } from '../apps/api/test/support/media-fixture';
import { DEMO_COORDINATOR, enterDemoCoordinatorCode } from './demo-totp';
import { launchChromium } from './browser';

const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));
const baseUrl = inject('baseUrl');
let browser: Browser;
let workDir: string;

async function signIn(page: Page, email: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(/^E-mail address/).fill(email);
  await page.getByLabel(/^Password/).fill('tadamon-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (email === DEMO_COORDINATOR) await enterDemoCoordinatorCode(page);
  await page.getByTestId('home-title').waitFor();
}

/** What Chrome on Android reports on a 2G line (the Network Information API). */
const ON_2G = () => {
  Object.defineProperty(Navigator.prototype, 'connection', {
    configurable: true,
    get: () => ({ effectiveType: '2g', saveData: false, addEventListener() {}, removeEventListener() {} }),
  });
};

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  workDir = mkdtempSync(join(tmpdir(), 'tadamon-e2e-video-'));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('video in the training library', () => {
  it('plays the data saver on a slow line, offers original and audio only, and remembers the choice', async () => {
    const title = `Recovery position ${Date.now().toString(36)}`;
    const video = makeVideo(join(workDir, 'recovery.mp4'), { seconds: 4, width: 640, height: 360 });

    const coordinatorContext = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    const coordinator = await coordinatorContext.newPage();
    await signIn(coordinator, 'coordinator@example.org');
    await coordinator.goto(`${baseUrl}/library/new`);
    await coordinator.getByLabel('Type').selectOption('VIDEO');
    await coordinator.getByTestId('material-title').fill(title);
    await coordinator.locator('input[type=file]').setInputFiles({ name: 'recovery.mp4', mimeType: 'video/mp4', buffer: video });
    await coordinator.getByTestId('material-submit').click();
    await coordinator.waitForURL(/\/library\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    const materialUrl = coordinator.url();
    // The uploader sees each prepared version's state; the page asks again until all are done.
    const status = coordinator.getByTestId('media-status');
    await status.waitFor({ timeout: 60_000 });
    await coordinator.waitForFunction(
      () => (document.querySelector('[data-testid=media-status]')?.textContent?.match(/prête/g) ?? []).length === 3,
      undefined,
      { timeout: 90_000 },
    );
    await expect(status.textContent()).resolves.toContain('Vidéo allégée (240p)');
    await coordinatorContext.close();

    // A volunteer of the network on a 2G line.
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-GB' });
    await context.addInitScript(ON_2G);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await signIn(page, 'volunteer@example.org');
    await page.goto(`${baseUrl}/library`);
    const card = page.getByTestId('material-card').filter({ hasText: title });
    await card.waitFor();
    const thumbnail = card.getByTestId('material-thumbnail');
    await expect(thumbnail.getAttribute('loading')).resolves.toBe('lazy');
    await page.waitForFunction((t) => {
      const cardEl = Array.from(document.querySelectorAll('[data-testid=material-card]')).find((c) => c.textContent?.includes(t));
      const img = cardEl?.querySelector('img');
      return !!img && img.complete && img.naturalWidth === 320;
    }, title);
    await expect(card.getByTestId('material-facts').textContent()).resolves.toMatch(/4/);
    await card.screenshot({ path: `${artifacts}library-video-card.png` });

    await page.goto(materialUrl);
    // On 2G the data saver is on by default: nothing loads until the volunteer asks.
    await expect(page.locator('video, audio').count()).resolves.toBe(0);
    await page.getByTestId('load-media').click();
    const player = page.getByTestId('video-player');
    await player.waitFor();
    await expect(player.getAttribute('data-quality')).resolves.toBe('data-saver');
    await expect(player.getAttribute('src')).resolves.toMatch(/\/renditions\/data-saver$/);
    await expect(player.getAttribute('preload')).resolves.toBe('none');
    await expect(player.getAttribute('poster')).resolves.toMatch(/\/thumbnail$/);
    await page.getByRole('status').filter({ hasText: 'connection looks slow' }).waitFor();

    // Seeking: the browser asks for a byte range and the server answers 206.
    const ranged = page.waitForResponse((r) => r.url().endsWith('/renditions/data-saver') && r.status() === 206);
    await player.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      v.preload = 'auto';
      v.load();
    });
    await ranged;
    await page.screenshot({ path: `${artifacts}material-video-data-saver.png`, fullPage: true });

    const quality = page.getByTestId('video-quality');
    await quality.getByText('Audio only').click();
    await expect(page.getByTestId('audio-player').getAttribute('src')).resolves.toMatch(/\/renditions\/audio$/);
    await quality.getByText('Original').click();
    await expect(player.getAttribute('data-quality')).resolves.toBe('original');
    await expect(player.getAttribute('src')).resolves.toMatch(/\/content$/);

    // The choice outlives the page.
    await page.reload();
    await page.getByTestId('load-media').click();
    await page.getByTestId('video-player').waitFor();
    await expect(page.getByTestId('video-player').getAttribute('data-quality')).resolves.toBe('original');
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
