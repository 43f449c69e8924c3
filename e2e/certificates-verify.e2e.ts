/**
 * Journey: a leader issues a certificate with the issue form, the volunteer finds it under
 * "My certificates", an anonymous visitor opens its verification link — on a phone, in
 * Arabic too — and sees it valid; after a coordinator revokes it, the link shows it revoked.
 */
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';
import { signedIn as signedInThroughApi } from './api-session';
import { followMainNavigation } from './main-navigation';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  mkdirSync(fileURLToPath(new URL('./artifacts/', import.meta.url)), { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const signedIn = (email: string) => signedInThroughApi(baseUrl, email);

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

describe('an anonymous visitor checks a certificate', () => {
  let clients: APIRequestContext[] = [];
  afterAll(async () => Promise.all(clients.map((c) => c.dispose())));

  it('sees it valid, then revoked after a coordinator revokes it', async () => {
    const coordinator = await signedIn('coordinator@example.org');
    const leader = await signedIn('leader@example.org');
    const volunteer = await signedIn('volunteer@example.org');
    clients = [coordinator.api, leader.api, volunteer.api];
    const organisation = leader.session.memberships[0];
    const type = await coordinator.post(`/api/networks/${organisation.networkId}/certificate-types`, {
      names: { en: `Listening skills ${Date.now()}`, ar: 'مهارات الإصغاء' },
      validityMonths: 12,
    });

    // The leader issues it with the form.
    const leaderPage = await signInPage('leader@example.org');
    await followMainNavigation(leaderPage, 'Certificates');
    await leaderPage.getByRole('link', { name: 'Issue certificates' }).click();
    await leaderPage.getByTestId('issue-member').selectOption({ label: volunteer.session.user.name });
    await leaderPage.getByTestId('issue-type').selectOption({ label: type.names.en });
    await leaderPage.getByRole('button', { name: 'Issue certificate' }).click();
    const issuedText = await leaderPage.getByTestId('issued').textContent();
    const code = /([a-z2-7]{26})/.exec(issuedText ?? '')?.[1];
    expect(code, issuedText ?? '').toBeTruthy();
    await leaderPage.getByTestId('issued-certificate').first().waitFor();
    await leaderPage.context().close();

    // The volunteer finds it under "My certificates", with its verification link.
    const volunteerPage = await signInPage('volunteer@example.org');
    await volunteerPage.goto(`${baseUrl}/certificates`);
    const card = volunteerPage.getByTestId('certificate-card').filter({ hasText: type.names.en });
    await card.waitFor();
    await volunteerPage.screenshot({ path: fileURLToPath(new URL('./artifacts/my-certificates-en.png', import.meta.url)), fullPage: true });
    expect(await card.getByTestId('certificate-status').getAttribute('data-status')).toBe('valid');
    expect(await card.getByTestId('verification-link').getAttribute('href')).toBe(`${baseUrl}/verify/${code}`);
    expect(await card.getByRole('link', { name: 'Download PDF' }).getAttribute('href')).toMatch(/\/api\/me\/certificates\/.+\/pdf$/);
    await volunteerPage.context().close();
    const mine = await (await volunteer.api.get('/api/me/certificates')).json();
    const certificate = mine.items.find((c: { code: string }) => c.code === code);

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${baseUrl}/verify/${certificate.code}`);
    const status = page.getByTestId('certificate-status');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('valid');
    expect(await status.textContent()).toBe('Valid');
    expect(await page.getByTestId('verify-holder').textContent()).toBe(volunteer.session.user.name);
    await page.getByRole('heading', { name: type.names.en }).waitFor();
    expect(page.url()).toContain('/verify/'); // not sent to sign-in

    // The same link in Arabic: right to left, the certificate's Arabic name.
    const arabic = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ar' });
    const arabicPage = await arabic.newPage();
    await arabicPage.goto(`${baseUrl}/verify/${certificate.code}`);
    await arabicPage.getByRole('heading', { name: 'مهارات الإصغاء' }).waitFor();
    expect(await arabicPage.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await arabicPage.getByTestId('certificate-status').textContent()).toBe('سارية');
    await arabicPage.screenshot({ path: fileURLToPath(new URL('./artifacts/verify-ar.png', import.meta.url)) });
    await arabic.close();

    await coordinator.post(`/api/certificates/${certificate.id}/revoke`, { reason: 'Issued to the wrong person' });
    await page.reload();
    await page.locator('[data-status="revoked"]').waitFor();
    expect(await page.getByText(/^Revoked on /).count()).toBe(1);

    await page.goto(`${baseUrl}/verify/aaaaaaaaaaaaaaaaaaaaaaaaaa`);
    await page.getByTestId('verify-not-found').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
