/**
 * Journey: someone opens Tadamon once on a good line; later, with no connection at all, the
 * app still opens (the service worker serves the shell) and says it is offline. Assets come
 * precompressed.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the app on an intermittent connection', () => {
  it('serves scripts brotli-compressed, and opens offline after one visit', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    const page = await context.newPage();
    const encodings: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.js')) encodings.push(response.headers()['content-encoding'] ?? 'none');
    });
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(encodings.length).toBeGreaterThan(0);
    expect(encodings.every((encoding) => encoding === 'br')).toBe(true);

    // Wait until the service worker has cached the shell and controls the page.
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
      return registration.active?.state;
    });

    await context.setOffline(true);
    await page.reload();
    await page.getByText('You are offline', { exact: false }).first().waitFor({ timeout: 15_000 });
    await page.getByText('Tadamon will open as soon as the connection returns.').waitFor();

    // Back online, the page carries on by itself: the paused session check resumes.
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 15_000 });
    await context.close();
  });
});
