/**
 * Journey: the leader of a Tangier association schedules a meeting with a Bamako organisation;
 * the Bamako leader (French interface, Africa/Bamako zone) accepts for their organisation,
 * sees the time in their own zone with the host's beside it, and downloads the .ics.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, seriousViolations } from './browser';
import { followMainNavigation } from './main-navigation';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));
const baseUrl = inject('baseUrl');
const BAMAKO_ORGANISATION = 'Union Technique de la Mutualité Malienne';

let browser: Browser;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, email: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(/^E-mail address/).fill(email);
  await page.getByLabel(/^Password/).fill('tadamon-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('home-title').waitFor();
}


describe('a Tangier leader meets the Bamako organisation', () => {
  it('schedules, the Bamako leader accepts, sees their own time and downloads the .ics', async () => {
    const title = `Mutuelles de santé : Tanger–Bamako ${Date.now()}`;

    // The Tangier leader (English, Africa/Casablanca) schedules it at 10:00 Tangier time.
    const host = await browser.newContext({ viewport: { width: 1024, height: 900 }, locale: 'en-GB' });
    const hostPage = await host.newPage();
    const hostErrors: string[] = [];
    hostPage.on('pageerror', (error) => hostErrors.push(error.message));
    await signIn(hostPage, 'leader@example.org');
    await followMainNavigation(hostPage, 'Meetings');
    await hostPage.getByTestId('new-meeting').click();
    await hostPage.getByRole('heading', { name: 'Schedule a meeting' }).waitFor();
    await hostPage.getByLabel(/^Title/).fill(title);
    await hostPage.getByLabel(new RegExp(`^${BAMAKO_ORGANISATION}`)).check();
    await hostPage.getByLabel('Format').selectOption('ONLINE');
    await hostPage.getByLabel('Link to join online').fill('https://meet.example.org/tanger-bamako');
    await hostPage.getByLabel(/^Starts/).fill('2027-04-14T10:00');
    await hostPage.getByLabel(/^Ends/).fill('2027-04-14T12:00');
    await expect(hostPage.getByTestId('time-zone').inputValue()).resolves.toBe('Africa/Casablanca');
    // Before sending, the form says what time that is for the invited Malian mutual (issue 20).
    await hostPage.getByTestId('invited-time-Africa/Bamako').filter({ hasText: '09:00' }).waitFor();
    await expect(hostPage.getByTestId('invited-time-Africa/Bamako').textContent()).resolves.toMatch(/09:00 to 11:00.*Union Technique de la Mutualité Malienne/);
    await hostPage.getByRole('button', { name: 'Add an agenda item' }).click();
    await hostPage.getByLabel('Item 1', { exact: true }).fill('Couverture santé universelle au Mali');
    await hostPage.screenshot({ path: `${artifacts}meeting-form-en.png`, fullPage: true });
    await hostPage.mouse.move(0, 0); // no hover state in the check
    expect(await seriousViolations(hostPage)).toEqual([]);
    await hostPage.getByTestId('save-meeting').click();
    await hostPage.getByTestId('meeting-title').filter({ hasText: title }).waitFor();
    const meetingPath = new URL(hostPage.url()).pathname;
    expect(meetingPath).toMatch(/^\/meetings\/[0-9a-f-]{36}$/);
    // The host reads it in their own zone: 10:00, and no second line (same zone as the meeting).
    await expect(hostPage.getByTestId('meeting-time-mine').textContent()).resolves.toContain('10:00');
    expect(await hostPage.getByTestId('meeting-time-host').count()).toBe(0);
    expect(hostErrors).toEqual([]);

    // The Bamako leader (French interface, Africa/Bamako, UTC+0 all year) finds it in the list.
    const guest = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB', acceptDownloads: true });
    const page = await guest.newPage();
    await signIn(page, 'leader.bamako@example.org');
    // The demo account reads French; other journeys may have switched it, so say it again.
    const language = page.getByTestId('language-switcher');
    if ((await language.inputValue()) !== 'fr') await language.selectOption('fr');
    await page.goto(`${baseUrl}/meetings`);
    await page.getByRole('heading', { name: 'Réunions' }).waitFor();
    await page.getByRole('link', { name: title }).click();
    await page.getByTestId('meeting-title').filter({ hasText: title }).waitFor();

    // Tangier is on UTC+1 in April 2027: 10:00 there is 09:00 in Bamako.
    await expect(page.getByTestId('meeting-time-mine').textContent()).resolves.toMatch(/09:00.*votre heure, Africa\/Bamako/);
    await expect(page.getByTestId('meeting-time-host').textContent()).resolves.toMatch(/10:00.*Africa\/Casablanca/);

    await page.getByRole('button', { name: 'Accepter l’invitation' }).click();
    await page.getByTestId('organisation-response-status').filter({ hasText: 'Acceptée' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${artifacts}meeting-bamako-fr.png`, fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-ics').click()]);
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(`SUMMARY:${title.slice(0, 20)}`);
    expect(ics).toContain('DTSTART;TZID=Africa/Casablanca:20270414T100000');
    expect(ics).toContain('BEGIN:VTIMEZONE');

    // The same page in Arabic reads right to left, times still from the server.
    await page.getByRole('combobox', { name: /^(Language|اللغة|Langue|Idioma|Taal)$/ }).selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    // The organisation's name is isolated (FSI … PDI) inside the Arabic sentence.
    await page.getByRole('heading', { name: `الرد باسم \u2068${BAMAKO_ORGANISATION}\u2069` }).waitFor();
    await expect(page.getByTestId('meeting-time-mine').textContent()).resolves.toContain('Africa/Bamako');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${artifacts}meeting-bamako-ar.png`, fullPage: true });

    await host.close();
    await guest.close();
  });
});
