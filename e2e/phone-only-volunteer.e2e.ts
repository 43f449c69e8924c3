/**
 * Journey: a leader signs up a volunteer with a phone number only and prints the setup code;
 * the volunteer opens the app on a shared phone, types the code, sets a PIN, says she comes to
 * a meeting and gets its reminder by SMS (as the stand-in SMS provider of this run sees it),
 * and is signed out after 15 minutes without use — with what the app stored in the browser gone.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedIn } from './api-session';
import { launchChromium, seriousViolations } from './browser';
import { waitForSms } from './sms-stand-in';

const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));
const baseUrl = inject('baseUrl');
const smsStandInUrl = inject('smsStandInUrl');

/** The first whole minute (UTC) at least `ms` from now, as the meeting form's local time. */
function wholeMinuteAfter(ms: number): { at: Date; local: string } {
  const at = new Date(Math.ceil((Date.now() + ms) / 60_000) * 60_000);
  return { at, local: at.toISOString().slice(0, 16) };
}

let browser: Browser;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('a phone-only volunteer on a shared phone', () => {
  it('gets a printed setup code, sets a PIN, gets a meeting reminder by SMS, and is signed out after 15 minutes idle', async () => {
    // A number no earlier run of this journey used (the database is the run's own anyway).
    const digits = String(Date.now()).slice(-6);
    const nationalPhone = `06 61 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)}`;
    const e164 = `+212661${digits}`;

    // The leader, on a laptop.
    const leaderContext = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'en-GB' });
    const leader = await leaderContext.newPage();
    const errors: string[] = [];
    leader.on('pageerror', (error) => errors.push(error.message));
    await leader.goto(`${baseUrl}/sign-in`);
    await leader.getByLabel(/^E-mail address/).fill('leader@example.org');
    await leader.getByLabel(/^Password/).fill('tadamon-demo');
    await leader.getByRole('button', { name: 'Sign in' }).click();
    await leader.getByTestId('home-title').waitFor();
    const organisationId = await leader.evaluate(async () => {
      const session = await (await fetch('/api/auth/session')).json();
      return session.memberships[0].organisationId as string;
    });
    await leader.goto(`${baseUrl}/organisations/${organisationId}/members`);
    await leader.getByTestId('members-table').waitFor();
    // The demo's phone-only volunteer is listed with her phone number.
    await leader.getByTestId('members-table').getByText('+212661000777').waitFor();

    await leader.getByTestId('add-without-email').click();
    const dialog = leader.getByRole('dialog');
    await dialog.getByLabel(/^Name/).fill('Aicha Journey');
    await dialog.getByLabel(/^Phone number/).fill('12');
    await dialog.getByRole('button', { name: 'Create the account' }).click();
    await dialog.getByText('This is not a valid phone number', { exact: false }).waitFor();
    await dialog.getByLabel(/^Phone number/).fill(nationalPhone);
    await dialog.getByRole('button', { name: 'Create the account' }).click();
    const slip = leader.getByTestId('setup-slip');
    await slip.waitFor();
    const code = (await leader.getByTestId('setup-slip-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await expect(slip.textContent()).resolves.toContain(e164);
    await leader.getByTestId('members-table').getByText(e164).waitFor();

    // Printed, only the slips show: the rest of the page is hidden on paper.
    expect(await leader.getByTestId('print-slip').isVisible()).toBe(false);
    await leader.emulateMedia({ media: 'print' });
    expect(await leader.getByTestId('print-slip-code').isVisible()).toBe(true);
    expect(await leader.getByTestId('members-table').isVisible()).toBe(false);
    expect(await leader.getByRole('button', { name: 'Print the slips' }).isVisible()).toBe(false);
    const pdf = `${artifacts}setup-slips.pdf`;
    await leader.pdf({ path: pdf, format: 'A4' });
    // The whole slip is on paper: code, whom to sign in as, until when.
    const printed = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(printed).toContain(code);
    expect(printed).toContain(e164);
    expect(printed).toContain('Hello Aicha Journey');
    expect(printed).toContain('Valid once, until');
    expect(printed).not.toContain('Members');
    await leader.emulateMedia({ media: 'screen' });
    expect(await seriousViolations(leader)).toEqual([]);
    await leaderContext.close();

    // The volunteer, on a small shared phone. The page's clock is ours to move.
    const phone = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'fr-MA' });
    const page = await phone.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.clock.install();
    await page.goto(`${baseUrl}/sign-in`);
    const language = page.getByRole('combobox', { name: /^(Language|اللغة|Langue|Idioma|Taal)$/ });
    await language.selectOption('en');
    await page.getByRole('link', { name: 'I have a setup code' }).click();
    await page.getByRole('heading', { name: 'First sign-in' }).waitFor();

    // The same screen in Arabic, right to left.
    await language.selectOption('ar');
    await page.getByRole('heading', { name: 'أول تسجيل دخول' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.screenshot({ path: `${artifacts}setup-code-ar.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await language.selectOption('en');
    await page.getByRole('heading', { name: 'First sign-in' }).waitFor();

    await page.getByLabel(/^Setup code/).fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByTestId('setup-welcome').waitFor();
    await expect(page.getByTestId('setup-welcome').textContent()).resolves.toContain('Aicha Journey');
    await page.getByLabel(/^Choose a 6-digit PIN/).fill('123456');
    await page.getByLabel(/^The same PIN again/).fill('123456');
    await page.getByRole('checkbox', { name: /This is a shared phone/ }).check();
    await page.getByRole('button', { name: 'Save and sign in' }).click();
    await page.getByRole('alert').getByText('too easy to guess', { exact: false }).waitFor();
    await page.getByLabel(/^Choose a 6-digit PIN/).fill('583920');
    await page.getByLabel(/^The same PIN again/).fill('583920');
    await page.getByRole('button', { name: 'Save and sign in' }).click();
    await page.getByTestId('home-title').waitFor();
    expect(await page.evaluate(async () => (await (await fetch('/api/auth/session')).json()).sharedDevice)).toBe(true);

    // A meeting soon: the leader schedules one for the organisation with a reminder 5 minutes
    // before; the volunteer says she comes; having no e-mail, she gets the reminder by SMS.
    if (smsStandInUrl) {
      const title = `Neighbourhood first-aid evening ${digits}`;
      const start = wholeMinuteAfter(5 * 60_000 + 15_000);
      const leaderApi = await signedIn(baseUrl, 'leader@example.org');
      const meeting = await leaderApi.post('/api/meetings', {
        hostOrganisationId: organisationId,
        title,
        format: 'IN_PERSON',
        address: 'Maison des associations, Tanger',
        startLocal: start.local,
        endLocal: new Date(start.at.getTime() + 3600_000).toISOString().slice(0, 16),
        timeZone: 'UTC',
        invitedOrganisationIds: [organisationId],
        reminderMinutes: [5],
      });
      await leaderApi.api.dispose();
      await page.goto(`${baseUrl}/meetings/${meeting.id}`);
      await page.getByRole('heading', { name: title }).waitFor();
      await page.getByRole('button', { name: 'I will come' }).click();
      await page.getByText('You are registered.').waitFor();
      // The reminder is a delayed job of the server (real time): due 15 to 75 seconds from now.
      const reminder = await waitForSms(smsStandInUrl, e164, (body) => body.includes(title));
      expect(reminder.body).toBe(`Reminder: ${title}\n${baseUrl}/meetings/${meeting.id}`);
      expect(reminder.from).toBe('+15005550006');
      await page.goto(`${baseUrl}/`);
      await page.getByTestId('home-title').waitFor();
    }

    // What an app might keep for this person in the browser.
    await page.evaluate(async () => {
      localStorage.setItem('journey-note', 'personal');
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('journey-db', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('notes');
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      });
      await (await caches.open('journey-cache')).put('/journey', new Response('personal'));
    });

    // Fifteen minutes without a touch: signed out, and the browser keeps nothing of theirs.
    await page.clock.runFor('14:00');
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByTestId('home-title').waitFor();
    await page.clock.runFor('01:30');
    await page.getByRole('heading', { name: /^(Sign in|Se connecter|تسجيل الدخول)$/ }).waitFor();
    await page.screenshot({ path: `${artifacts}shared-phone-signed-out.png`, fullPage: true });
    await page.getByTestId('signed-out-idle').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    const left = await page.evaluate(async () => ({
      local: localStorage.length,
      databases: (await indexedDB.databases()).map((d) => d.name),
      caches: await caches.keys(),
      session: (await fetch('/api/auth/session')).status,
    }));
    expect(left).toEqual({ local: 0, databases: [], caches: expect.not.arrayContaining(['journey-cache']), session: 401 });

    // Next time: the phone number as dialled and the PIN (the language choice went with the rest).
    await language.selectOption('en');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel(/^E-mail address/).fill(nationalPhone);
    await page.getByLabel(/^Password/).fill('583920');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('home-title').waitFor();

    expect(errors).toEqual([]);
    await phone.close();
    // The reminder alone may take up to 75 seconds of real time (whole-minute meeting times).
  }, 240_000);
});
