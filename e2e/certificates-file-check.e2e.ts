/**
 * Journey: a volunteer's certificate PDF carries its signed credential. Anyone opens the verify
 * page, chooses the PDF and sees it genuine — checked in the browser, nothing uploaded — also
 * with the line down once the page has been used; an altered credential is shown as not genuine.
 */
import type { Browser } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedIn as signedInThroughApi } from './api-session';
import { launchChromium } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
const folder = mkdtempSync(join(tmpdir(), 'certificate-file-'));

beforeAll(async () => {
  mkdirSync(fileURLToPath(new URL('./artifacts/', import.meta.url)), { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

const signedIn = (email: string) => signedInThroughApi(baseUrl, email);

describe('a certificate file checked in the browser', () => {
  it('shows the PDF genuine, online and then offline, and an altered credential not genuine', async () => {
    const coordinator = await signedIn('coordinator@example.org');
    const leader = await signedIn('leader@example.org');
    const volunteer = await signedIn('volunteer@example.org');
    const organisation = leader.session.memberships[0];
    const created = await coordinator.api.post(`/api/networks/${organisation.networkId}/certificate-types`, {
      data: { names: { en: `Peer support ${Date.now()}`, ar: 'الدعم بين الأقران' }, validityMonths: 24 },
      headers: { 'x-csrf-token': coordinator.session.csrfToken },
    });
    expect(created.status(), await created.text()).toBe(201);
    const type = await created.json();
    const issued = await leader.api.post('/api/certificates', {
      data: { certificateTypeId: type.id, holderUserId: volunteer.session.user.id, organisationId: organisation.organisationId },
      headers: { 'x-csrf-token': leader.session.csrfToken },
    });
    expect(issued.status(), await issued.text()).toBe(201);
    const certificate = await issued.json();
    const pdf = await volunteer.api.get(`/api/me/certificates/${certificate.id}/pdf`);
    expect(pdf.status()).toBe(200);
    const pdfPath = join(folder, 'certificate.pdf');
    writeFileSync(pdfPath, await pdf.body());
    const credential = await (await volunteer.api.get(`/api/me/certificates/${certificate.id}/credential`)).json();
    credential.credentialSubject.identifier[0].identityHash = 'Someone Else';
    const forgedPath = join(folder, 'altered.json');
    writeFileSync(forgedPath, JSON.stringify(credential));
    await Promise.all([coordinator.api.dispose(), leader.api.dispose(), volunteer.api.dispose()]);

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${baseUrl}/verify`);
    await page.getByRole('heading', { name: 'Check a certificate file' }).waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
      }
    });
    const uploads: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET') uploads.push(r.url());
    });

    const choose = async (path: string) => {
      await page.locator('input[type=file]').setInputFiles(path);
      const verdict = page.getByTestId('credential-file-verdict');
      await verdict.waitFor({ timeout: 30_000 });
      return verdict;
    };
    const verdict = await choose(pdfPath);
    expect(await verdict.getAttribute('data-verdict')).toBe('genuine');
    expect(await page.getByTestId('credential-file-holder').textContent()).toBe(volunteer.session.user.name);
    await page.getByText('Genuine', { exact: true }).waitFor();
    await page.screenshot({ path: fileURLToPath(new URL('./artifacts/verify-file-genuine.png', import.meta.url)), fullPage: true });

    await choose(forgedPath);
    await page.locator('[data-verdict="notGenuine"]').waitFor();
    expect(await page.getByTestId('credential-file-holder').textContent()).toBe('Someone Else');

    // With the line down, the same PDF is still checked: verifier and issuer key were kept.
    await context.setOffline(true);
    await choose(pdfPath);
    await page.locator('[data-verdict="genuine"]').waitFor();
    await context.setOffline(false);

    expect(uploads).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
