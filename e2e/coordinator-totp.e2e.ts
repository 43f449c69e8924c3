/**
 * Journey: a new coordinator (Arabic, right to left) signs in for the first time and is made to
 * set up two-factor authentication before anything else: scans (here: reads) the key, confirms
 * a code, sees ten recovery codes, reaches home; the next sign-in asks for a code.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, seriousViolations } from './browser';
import { enterDemoCoordinatorCode, totpCode } from './demo-totp';

const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));
const baseUrl = inject('baseUrl');
const databaseUrl = inject('databaseUrl');

let browser: Browser;
beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A coordinator of the demo network with the demo password and no TOTP yet, reading Arabic. */
async function newCoordinator(): Promise<string> {
  const email = `new.coordinator.${randomBytes(3).toString('hex')}@example.org`;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "User" (id, email, name, "passwordHash", "preferredLanguage", "timeZone", "updatedAt")
       SELECT gen_random_uuid(), $1, 'أمينة المنسقة', "passwordHash", 'ar', 'Africa/Casablanca', now()
         FROM "User" WHERE email = 'coordinator@example.org' RETURNING id`,
      [email],
    );
    await client.query(
      `INSERT INTO "NetworkMembership" (id, "userId", "networkId", role)
       SELECT gen_random_uuid(), $1, "networkId", 'COORDINATOR' FROM "NetworkMembership" LIMIT 1`,
      [rows[0]!.id],
    );
  } finally {
    await client.end();
  }
  return email;
}

async function submitPassword(page: Page, email: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(/^E-mail address/).fill(email);
  await page.getByLabel(/^Password/).fill('tadamon-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe.skipIf(!databaseUrl)('a coordinator’s first sign-in', () => {
  it('sets up two-factor authentication before anything else, right to left', async () => {
    const email = await newCoordinator();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await submitPassword(page, email);
    await page.waitForURL(/\/sign-in\/second-factor/);
    await page.getByRole('heading', { name: 'احمِ حسابك' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');

    // Nothing else opens before: the library sends the coordinator back here.
    await page.goto(`${baseUrl}/library`);
    await page.waitForURL(/\/sign-in\/second-factor\?next=%2Flibrary/);
    await page.getByTestId('totp-start').click();
    await page.getByTestId('totp-qr').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${artifacts}coordinator-totp-enrol.png`, fullPage: true });

    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // A wrong code first: a clear message in Arabic, and still on this page.
    await page.getByTestId('totp-code').fill(totpCode(secret) === '000000' ? '111111' : '000000');
    await page.getByTestId('totp-confirm').click();
    await expect.poll(() => page.getByTestId('totp-error').textContent()).toBe('هذا الرمز غير صحيح. تحقّق منه وحاول مجددًا.');

    await page.getByTestId('totp-code').fill(totpCode(secret));
    await page.getByTestId('totp-confirm').click();
    const codes = page.getByTestId('recovery-codes').locator('code');
    await expect.poll(() => codes.count()).toBe(10);
    expect(await codes.first().textContent()).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
    await page.screenshot({ path: `${artifacts}coordinator-totp-recovery-codes.png`, fullPage: true });
    await page.getByTestId('recovery-codes-saved').click();

    // On to where they were heading, with the coordinator's screens.
    await page.waitForURL(/\/library$/);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');

    // Next sign-in, in a fresh browser: the code is asked.
    const again = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB' })).newPage();
    await submitPassword(again, email);
    await again.waitForURL(/\/sign-in\/second-factor/);
    await enterDemoCoordinatorCode(again, secret);
    await again.getByTestId('home-title').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
