/**
 * Journey: a coordinator adds a PDF to the library on a slow line and watches the progress
 * bar; a volunteer of another organisation then finds it by a word that appears only inside
 * the document (extracted by the background job). Debian's Chromium through playwright-core.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { DEMO_COORDINATOR, enterDemoCoordinatorCode } from './demo-totp';
import { launchChromium, seriousViolations } from './browser';
import { followMainNavigation } from './main-navigation';
import { makePdf } from '../apps/api/test/support/pdf-fixture';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));
const baseUrl = inject('baseUrl');
let browser: Browser;

async function signIn(page: Page, email: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(/^E-mail address/).fill(email);
  await page.getByLabel(/^Password/).fill('tadamon-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (email === DEMO_COORDINATOR) await enterDemoCoordinatorCode(page);
  await page.getByTestId('home-title').waitFor();
}


beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the training library', () => {
  it('a coordinator uploads a PDF with progress; a volunteer finds it by a word inside it', async () => {
    const stamp = Date.now().toString(36);
    const word = `Kasbahcistern${stamp}`;
    // Its own title: a retried run finds its own card, not the first try's (same search prefix).
    const title = `Water storage for villages ${stamp}`;
    const pdf = makePdf([`Maintaining the ${word} before the dry season`], 3_000_000);

    const coordinatorContext = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    const coordinator = await coordinatorContext.newPage();
    const errors: string[] = [];
    coordinator.on('pageerror', (error) => errors.push(error.message));
    // The demo coordinator reads French: the whole journey runs in French.
    await signIn(coordinator, 'coordinator@example.org');
    await followMainNavigation(coordinator, 'Bibliothèque');
    await coordinator.getByRole('heading', { name: 'Bibliothèque de formation' }).waitFor();
    await coordinator.getByTestId('new-material').click();
    await coordinator.getByRole('heading', { name: 'Ajouter un support à la bibliothèque' }).waitFor();

    await coordinator.getByTestId('material-title').fill(title);
    await coordinator.getByLabel('Résumé').fill('How to keep stored water safe.');
    await coordinator.locator('input[type=file]').setInputFiles({ name: 'water-storage.pdf', mimeType: 'application/pdf', buffer: pdf });

    // A slow line (about 3G): the upload takes a few seconds, long enough to watch.
    const cdp = await coordinatorContext.newCDPSession(coordinator);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 100, downloadThroughput: 2_000_000, uploadThroughput: 750_000 });
    await coordinator.getByTestId('material-submit').click();
    const progress = coordinator.getByTestId('upload-progress');
    await progress.waitFor();
    await expect(progress.textContent()).resolves.toMatch(/\d+ % — .+ sur .+/);
    // The bar is drawn (its CSS is loaded), not only the text.
    const bar = await progress.getByRole('progressbar').first().boundingBox();
    expect(bar?.height ?? 0).toBeGreaterThan(4);
    await coordinator.waitForFunction(() => /restantes/.test(document.querySelector('[data-testid=upload-progress]')?.textContent ?? ''));
    await coordinator.screenshot({ path: `${artifacts}material-upload-progress.png`, fullPage: true });

    // The material page: the job reads the PDF, then it is ready.
    await coordinator.waitForURL(/\/library\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await coordinator.getByRole('heading', { name: title }).waitFor();
    await coordinator.getByTestId('open-pdf').waitFor({ timeout: 30_000 });
    await expect(coordinator.getByTestId('open-pdf').textContent()).resolves.toContain('(1 page)');
    expect(errors).toEqual([]);
    await coordinatorContext.close();

    // A volunteer of another organisation of the network searches for the word in the PDF.
    const volunteerContext = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    const volunteer = await volunteerContext.newPage();
    await signIn(volunteer, 'volunteer@example.org');
    await volunteer.goto(`${baseUrl}/library`);
    await volunteer.getByRole('heading', { name: 'Training library' }).waitFor();
    await volunteer.getByTestId('library-search').fill(word.slice(0, 12).toLowerCase());
    // The search goes into the address (shareable, survives a reload) once typing pauses.
    await volunteer.waitForURL(/[?&]q=kasbahcister/);

    const card = volunteer.getByTestId('material-card').filter({ hasText: title });
    await card.waitFor();
    expect(await seriousViolations(volunteer)).toEqual([]);
    await volunteer.screenshot({ path: `${artifacts}library-search.png`, fullPage: true });
    await card.getByRole('link').click();
    await volunteer.getByRole('heading', { name: title }).waitFor();
    // Readers do not get the editing tools.
    expect(await volunteer.getByText('Manage this material').count()).toBe(0);
    await volunteerContext.close();
  });
});
