/**
 * Journey: two leaders of different organisations co-edit a joint letter. The second save
 * meets a conflict, is resolved on the conflict screen, both organisations sign, and the
 * exported PDF lists both. Runs Debian's Chromium through playwright-core.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, seriousViolations } from './browser';
import { followMainNavigation } from './main-navigation';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const artifacts = fileURLToPath(new URL('./artifacts/', import.meta.url));
const baseUrl = inject('baseUrl');
const OWNER = 'Association Al Amal Tanger';
const PARTNER = 'Union Technique de la Mutualité Malienne';

let browser: Browser;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** A leader in their own browser, signed in, with the interface in English. */
async function signIn(email: string): Promise<{ context: BrowserContext; page: Page; errors: string[]; originalLanguage: string }> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(/^E-mail address/).fill(email);
  await page.getByLabel(/^Password/).fill('tadamon-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('home-title').waitFor();
  const language = page.getByRole('combobox', { name: /^(Language|اللغة|Langue|Idioma|Taal)$/ });
  // Switching saves the choice to the profile: remember it, so the journey can put it back
  // for the journeys that run after this one against the same demo accounts.
  const originalLanguage = await language.inputValue();
  if (originalLanguage !== 'en') await language.selectOption('en');
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  return { context, page, errors, originalLanguage };
}


async function editEnglish(page: Page, body: string) {
  await page.getByTestId('version-en').getByRole('button', { name: 'Edit' }).click();
  const editor = page.getByTestId('editor-en');
  await editor.getByRole('textbox', { name: 'Text', exact: true }).fill(body);
  return editor;
}

describe('two leaders co-edit and sign a joint letter', () => {
  it('resolves a conflict, collects both signatures and exports them in the PDF', async () => {
    const owner = await signIn('leader@example.org');
    const partner = await signIn('leader.bamako@example.org');

    // The owner starts a network-wide working group and a letter inviting the partner to sign.
    await followMainNavigation(owner.page, 'Working groups');
    await owner.page.getByRole('button', { name: 'Start a working group' }).click();
    await owner.page.getByLabel(/^Name of the group/).fill(`Domestic workers ${Date.now()}`);
    await owner.page.getByRole('button', { name: 'Create the group' }).click();
    await owner.page.getByTestId('group-title').waitFor();
    await owner.page.getByRole('button', { name: 'New document' }).click();
    await owner.page.getByLabel(/^Title/).fill('Joint letter to the Minister of Labour');
    await owner.page.getByLabel(/^Text/).fill('We call on the minister to ratify C189.');
    await owner.page.getByLabel(PARTNER).check();
    await owner.page.getByRole('button', { name: 'Create the document' }).click();
    await owner.page.getByTestId('version-en').waitFor();
    const documentUrl = owner.page.url();
    expect(documentUrl).toMatch(/\/collaboration\/documents\/[0-9a-f-]{36}$/);

    // Both open the editor on revision 1.
    await partner.page.goto(documentUrl);
    const ownerEditor = await editEnglish(owner.page, 'We call on the government to ratify C189 this year.');
    const partnerEditor = await editEnglish(partner.page, 'We urge the minister to ratify C189.');

    // The owner saves first; the partner's save meets a conflict and shows what changed.
    await ownerEditor.getByRole('button', { name: 'Save' }).click();
    await owner.page.getByTestId('version-body-en').getByText('this year').waitFor();
    await partnerEditor.getByRole('button', { name: 'Save' }).click();
    const conflict = partner.page.getByTestId('conflict');
    await conflict.waitFor();
    await expect.poll(() => partner.page.getByTestId('conflict-diff').locator('ins').allTextContents()).toContain('government');
    await expect(partner.page.getByTestId('conflict-mine').textContent()).resolves.toBe('We urge the minister to ratify C189.');
    await partner.page.screenshot({ path: `${artifacts}collaboration-conflict.png`, fullPage: true });

    // The partner continues from the saved text and adds their change again.
    await conflict.getByRole('button', { name: 'Continue from their text' }).click();
    await partnerEditor.getByRole('textbox', { name: 'Text', exact: true }).fill('We urge the government to ratify C189 this year.');
    await partnerEditor.getByRole('button', { name: 'Save my merged text' }).click();
    await partner.page.getByTestId('version-body-en').getByText('We urge the government to ratify C189 this year.').waitFor();
    // The revision history compares the last two revisions word by word.
    await expect.poll(() => partner.page.getByTestId('revision-diff').locator('ins').allTextContents(), { timeout: 10_000 }).toContain('urge');

    // The partner comments on a passage; the owner accepts the comment.
    await partner.page.getByLabel(/^Passage/).fill('this year');
    await partner.page.getByRole('textbox', { name: 'Your comment', exact: true }).fill('Could we name the month?');
    await partner.page.getByRole('button', { name: 'Add the comment' }).click();
    await partner.page.getByTestId('comments').getByText('Could we name the month?').waitFor();

    // The owner takes the letter through review to signature, and signs for their organisation.
    await owner.page.reload();
    await owner.page.getByTestId('version-body-en').getByText('We urge the government').waitFor();
    await owner.page.getByTestId('comments').getByRole('button', { name: 'Accept' }).click();
    await owner.page.getByTestId('comments').getByText('Accepted').waitFor();
    await owner.page.getByTestId('to-IN_REVIEW').click();
    await owner.page.getByTestId('to-OPEN_FOR_SIGNATURE').click();
    await owner.page.getByRole('button', { name: `Sign on behalf of ${OWNER}` }).click();
    await owner.page.getByTestId('signatory').filter({ hasText: OWNER }).getByText('Signed').waitFor();

    // The partner's page, open all along, learnt of the signature period live (no reload):
    // they sign for their organisation, and the owner's open page shows it at once.
    await partner.page.getByRole('button', { name: `Sign on behalf of ${PARTNER}` }).click({ timeout: 10_000 });
    const signed = partner.page.getByTestId('signatory').filter({ hasText: 'Signed' });
    await expect.poll(() => signed.count()).toBe(2);
    const signedForOwner = owner.page.getByTestId('signatory').filter({ hasText: 'Signed' });
    await expect.poll(() => signedForOwner.count(), { timeout: 10_000 }).toBe(2);
    await partner.page.screenshot({ path: `${artifacts}collaboration-signed.png`, fullPage: true });

    // The PDF, downloaded with the partner's session, lists both organisations.
    const pdfPath = await partner.page.getByTestId('pdf-en').getAttribute('href');
    const pdf = await partner.context.request.get(`${baseUrl}${pdfPath}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), { mergePages: true });
    expect(text).toContain('We urge the government to ratify C189 this year.');
    expect(text).toContain(OWNER);
    expect(text).toContain(PARTNER);

    // The owner was told the partner signed: the bell counts it.
    await owner.page.reload();
    await owner.page.getByTestId('unread-count').waitFor();
    expect(await seriousViolations(owner.page)).toEqual([]);

    // A campaign in the group gathers the letter, a dated milestone and both organisations.
    await owner.page.getByRole('link', { name: 'Back to the group' }).click();
    await owner.page.getByRole('button', { name: 'New campaign' }).click();
    await owner.page.getByLabel(/^Campaign name/).fill('Ratify C189');
    await owner.page.getByLabel(/^Goal/).fill('Get **C189** ratified before the end of 2027.');
    await owner.page.getByRole('button', { name: 'Start the campaign' }).click();
    await owner.page.getByTestId('campaign-title').waitFor();
    const campaignUrl = owner.page.url();
    await owner.page.getByTestId('campaign-goal').locator('strong').getByText('C189').waitFor();
    await owner.page.getByLabel(/^Milestone( \*)?$/).fill('Letter handed to the minister');
    await owner.page.getByLabel(/^Date/).fill('2027-03-08');
    await owner.page.getByRole('button', { name: 'Add the milestone' }).click();
    // The box shows the saved state: it ticks once the server has recorded the milestone as done.
    const milestone = owner.page.getByRole('checkbox', { name: /^Letter handed to the minister/ });
    await milestone.click();
    await expect.poll(() => milestone.isChecked(), { timeout: 10_000 }).toBe(true);
    await owner.page.getByTestId('campaign-progress').getByText('Milestones done: 1 of 1').waitFor();
    await owner.page.getByLabel(/^Which one/).selectOption({ label: 'Joint letter to the Minister of Labour' });
    await owner.page.getByRole('button', { name: 'Link it' }).click();
    await owner.page.getByTestId('campaign-links').getByRole('link', { name: 'Joint letter to the Minister of Labour' }).waitFor();
    await owner.page.getByText('Documents signed: 1 of 1').waitFor();
    expect(await seriousViolations(owner.page)).toEqual([]);
    await partner.page.goto(campaignUrl);
    await partner.page.getByRole('button', { name: `Join with ${PARTNER}` }).click();
    await partner.page.getByTestId('participants').getByRole('button', { name: `Withdraw ${PARTNER}` }).waitFor();
    await partner.page.getByText('Organisations taking part: 2').waitFor();
    await partner.page.screenshot({ path: `${artifacts}collaboration-campaign.png`, fullPage: true });
    expect(await seriousViolations(partner.page)).toEqual([]);
    await partner.page.goto(documentUrl);

    // The same document in Arabic: right to left, translated, still accessible.
    const language = partner.page.getByRole('combobox', { name: /^(Language|اللغة)$/ });
    await language.selectOption('ar');
    await partner.page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await partner.page.getByRole('heading', { name: 'الموقّعون' }).waitFor();
    await partner.page.getByTestId('document-status').getByText('مفتوحة للتوقيع').waitFor();
    await partner.page.screenshot({ path: `${artifacts}collaboration-document-ar.png`, fullPage: true });
    expect(await seriousViolations(partner.page)).toEqual([]);
    // Leave both demo accounts in the language they had.
    await language.selectOption(partner.originalLanguage);
    await owner.page.getByRole('combobox', { name: 'Language' }).selectOption(owner.originalLanguage);

    expect([...owner.errors, ...partner.errors]).toEqual([]);
    await owner.context.close();
    await partner.context.close();
    // The whole journey (co-editing, live signing, a campaign) is long on a shared 2-core machine.
  }, 240_000);
});
