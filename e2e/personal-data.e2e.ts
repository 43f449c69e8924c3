/**
 * Journey: a person (the Brussels leader, whom no other journey uses) downloads all their data
 * from their profile, then asks for their account to be erased; the network's coordinator
 * confirms it on the organisation's members page, and the person's session ends.
 */
import type { Browser, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedIn } from './api-session';
import { launchChromium } from './browser';
import { DEMO_COORDINATOR, enterDemoCoordinatorCode } from './demo-totp';

const baseUrl = inject('baseUrl');
const PERSON = 'leader.brussels@example.org';
const COORDINATOR = 'coordinator@example.org';
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  // The coordinator reads French in the demo; other journeys may rely on it.
  await setLanguage(COORDINATOR, 'fr').catch(() => undefined);
});

/** Sets a demo account's language through the API; answers the session. */
async function setLanguage(email: string, preferredLanguage: string) {
  const { api, session } = await signedIn(baseUrl, email);
  expect((await api.patch('/api/me/profile', { data: { preferredLanguage }, headers: { 'x-csrf-token': session.csrfToken } })).status()).toBe(200);
  await api.dispose();
  return session;
}

async function signInPage(email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(/^E-mail address/).fill(email);
  await page.getByLabel(/^Password/).fill('tadamon-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (email === DEMO_COORDINATOR) await enterDemoCoordinatorCode(page);
  await page.getByTestId('home-title').waitFor();
  return page;
}

describe('people own their data', () => {
  it('a person downloads their data and asks to be erased; the coordinator confirms', async () => {
    // Both demo accounts read other languages; this journey reads English.
    const session = await setLanguage(PERSON, 'en');
    await setLanguage(COORDINATOR, 'en');
    const organisationId = session.memberships[0].organisationId as string;

    const page = await signInPage(PERSON);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${baseUrl}/profile`);
    await page.getByRole('button', { name: 'Prepare my data' }).click();
    const link = page.getByTestId('data-export-download');
    await link.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^tadamon-data-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = await readFile(await download.path());
    expect(zip.subarray(0, 2).toString()).toBe('PK');
    for (const name of ['profile.json', 'memberships.json', 'learning.json', 'certificates.json']) expect(zip.includes(name), name).toBe(true);

    await page.getByRole('button', { name: 'Ask to erase my account' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ask to erase my account' }).click();
    await page.getByTestId('erasure-pending').waitFor();

    const leader = await signInPage(COORDINATOR);
    await leader.goto(`${baseUrl}/organisations/${organisationId}/members`);
    const card = leader.getByRole('region', { name: 'Requests to erase an account' });
    await card.getByText('Pieter Voorzitter').waitFor();
    await card.getByRole('button', { name: 'Erase this account' }).click();
    await leader.getByRole('dialog').getByRole('button', { name: 'Erase this account' }).click();
    await card.waitFor({ state: 'detached' });
    await leader.context().close();

    // The erased person's browser is signed out.
    await page.reload();
    await page.waitForURL(/\/sign-in/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
