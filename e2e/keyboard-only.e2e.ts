/**
 * Journey: a leader who cannot use a mouse — keyboard only (page.keyboard, no click) on a phone-
 * sized screen with the system asking for reduced motion — signs in, opens and closes the
 * navigation drawer, takes a lesson and its quiz (started with one press), accepts a meeting for
 * their organisation and signs a joint letter. At every step the focused element shows a visible focus indicator,
 * focus comes back to the opener when the drawer (a dialog) closes, and nothing moves.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedIn } from './api-session';
import { launchChromium } from './browser';
import { getJson, setLanguage, type ApiSession } from './demo-world';

const baseUrl = inject('baseUrl');
// Tangier's leader: another journey (learning-offline) takes "Welcoming visitors" as Bamako's.
const LEARNER = 'leader@example.org';
const TANGIER = 'Association Al Amal Tanger';
let browser: Browser;
let host: ApiSession;
let learner: ApiSession;
let originalLanguage = 'fr';

beforeAll(async () => {
  browser = await launchChromium();
  host = await signedIn(baseUrl, 'leader.bamako@example.org');
  learner = await signedIn(baseUrl, LEARNER);
  originalLanguage = learner.session.user.preferredLanguage;
  await setLanguage(learner, 'en');
});

afterAll(async () => {
  if (learner) await setLanguage(learner, originalLanguage).catch(() => undefined);
  await host?.api.dispose();
  await learner?.api.dispose();
  await browser?.close();
});

interface Focused {
  /** Something other than the page itself has focus. */
  present: boolean;
  /** An outline or a box-shadow is drawn around it. */
  visible: boolean;
  testId: string | null;
  name: string;
  role: string;
  inDialog: boolean;
  /** An <input>'s type ("radio", "text"…), else "". */
  type: string;
  description: string;
}

/** What has focus, what it is called, and whether the focus indicator can be seen. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body || element === document.documentElement) {
      return { present: false, visible: false, testId: null, name: '', role: '', inDialog: false, type: '', description: 'the page (focus lost)' };
    }
    const style = getComputedStyle(element);
    const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadowed = style.boxShadow !== 'none' && style.boxShadow !== '';
    // Tab also walks through a <video controls>' own buttons (play, volume, full screen…). They
    // live in the browser's closed shadow tree: the page sees the <video> focused but not
    // :focus-visible, and Chromium draws their ring itself (a light box around the button).
    const inMediaControls = element instanceof HTMLMediaElement && element.controls && !element.matches(':focus-visible');
    const input = element as HTMLInputElement;
    const labelled = element.getAttribute('aria-label') ?? (input.labels?.[0]?.textContent ?? '');
    const name = (labelled || element.textContent || '').replace(/\s+/g, ' ').trim();
    return {
      present: true,
      visible: outlined || shadowed || inMediaControls,
      testId: element.getAttribute('data-testid'),
      name,
      role: element.getAttribute('role') ?? element.tagName.toLowerCase(),
      inDialog: !!element.closest('[role=dialog]'),
      type: element.tagName === 'INPUT' ? input.type : '',
      description: `${element.tagName.toLowerCase()}${input.name ? `[name=${input.name}]` : ''} "${name.slice(0, 60)}"`,
    };
  });
}

/** Presses Tab until the focus lands on what `wanted` describes; every stop must show its focus. */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, what: string, limit = 60): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    expect(now.present, `focus was lost while tabbing to ${what}`).toBe(true);
    expect(now.visible, `no visible focus on ${now.description} while tabbing to ${what}`).toBe(true);
    if (wanted(now)) return now;
    seen.push(now.description);
  }
  throw new Error(`Tab never reached ${what}; it went through: ${seen.join(' → ')}`);
}

const byTestId = (id: string) => (f: Focused) => f.testId === id;
const byName = (name: string | RegExp) => (f: Focused) => (typeof name === 'string' ? f.name === name : name.test(f.name));

/** Moves through a radio group with the arrow keys (which also choose) until `label` is chosen. */
async function chooseRadio(page: Page, label: string) {
  for (let i = 0; i < 6; i++) {
    const now = await focused(page);
    if (now.name === label) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(focused(page)).resolves.toMatchObject({ name: label, visible: true });
  await page.keyboard.press('Space');
}

describe('keyboard only, with reduced motion', () => {
  it('signs in, learns, answers a meeting and signs a letter without a mouse', async () => {
    // What the journey answers and signs, prepared by the Bamako leader.
    const membership = host.session.memberships[0];
    const directory = await getJson<{ items: { id: string; name: string }[] }>(host.api, '/api/directory?limit=50');
    const tangierId = directory.items.find((o) => o.name === TANGIER)!.id;
    const stamp = Date.now();
    const meeting = await host.post('/api/meetings', {
      hostOrganisationId: membership.organisationId,
      title: `Keyboard meeting ${stamp}`,
      invitedOrganisationIds: [tangierId],
      format: 'ONLINE',
      onlineUrl: 'https://meet.example.org/keyboard',
      startLocal: '2027-05-12T10:00',
      endLocal: '2027-05-12T11:00',
      timeZone: 'Africa/Bamako',
    });
    const group = await host.post('/api/groups', { networkId: membership.networkId, name: `Keyboard group ${stamp}`, audience: 'NETWORK' });
    const letter = await host.post(`/api/groups/${group.id}/documents`, {
      kind: 'LETTER',
      ownerOrganisationId: membership.organisationId,
      language: 'fr',
      title: `Lettre au clavier ${stamp}`,
      body: 'Nous demandons une protection sociale pour les travailleuses domestiques.',
      signatoryOrganisationIds: [tangierId],
    });
    await host.post(`/api/documents/${letter.id}/status`, { status: 'IN_REVIEW' });
    await host.post(`/api/documents/${letter.id}/status`, { status: 'OPEN_FOR_SIGNATURE' });

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB', reducedMotion: 'reduce' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    // The system asks for reduced motion, and the app's styles follow: nothing slides or fades.
    await page.goto(`${baseUrl}/sign-in`);
    await page.locator('input[name=identifier]').waitFor();
    expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
    const motion = await page.evaluate(() => {
      const probe = document.querySelector('button') as HTMLElement;
      const style = getComputedStyle(probe);
      return { transition: parseFloat(style.transitionDuration) * 1000, animation: parseFloat(style.animationDuration) * 1000 };
    });
    expect(motion.transition).toBeLessThan(1);
    expect(motion.animation).toBeLessThan(1);

    // Sign in.
    await tabTo(page, (f) => f.description.startsWith('input[name=identifier]'), 'the identifier field');
    await page.keyboard.type(LEARNER);
    await tabTo(page, (f) => f.description.startsWith('input[name=password]'), 'the password field');
    await page.keyboard.type('tadamon-demo');
    await page.keyboard.press('Enter');
    await page.getByTestId('home-title').waitFor();

    // The navigation drawer: opens from its button, closes with Escape, focus back on the button.
    await tabTo(page, byTestId('main-menu-button'), 'the menu button');
    await page.keyboard.press('Enter');
    await page.getByTestId('main-navigation').waitFor();
    // No slide: the drawer is in place at once (no running animation), with focus inside it.
    expect(await page.evaluate(() => document.querySelector('[role=dialog]')?.getAnimations({ subtree: true }).length ?? 0)).toBe(0);
    await expect.poll(async () => (await focused(page)).inDialog).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('main-navigation').waitFor({ state: 'detached' });
    await expect.poll(async () => (await focused(page)).testId, { timeout: 5_000 }).toBe('main-menu-button');
    expect((await focused(page)).visible).toBe(true);

    // Through the drawer to the catalogue, then a course.
    await page.keyboard.press('Enter');
    await page.getByTestId('main-navigation').waitFor();
    await tabTo(page, byName('Courses'), 'the "Courses" link');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Courses', level: 1 }).waitFor();
    await tabTo(page, byName('Welcoming visitors'), 'the course "Welcoming visitors"', 80);
    await page.keyboard.press('Enter');
    await page.getByTestId('course-title').waitFor();
    await tabTo(page, (f) => f.testId === 'enrol' || f.testId === 'continue-course', 'the start button');
    await page.keyboard.press('Enter');

    // The lesson, marked done; then the quiz, answered with the arrow keys.
    await page.getByTestId('mark-done').or(page.getByTestId('lesson-done')).waitFor();
    if (await page.getByTestId('mark-done').isVisible()) {
      await tabTo(page, byTestId('mark-done'), '"Mark as done"');
      await page.keyboard.press('Enter');
      await page.getByTestId('lesson-done').waitFor();
    }
    await tabTo(page, byTestId('next-lesson'), '"Next lesson"');
    await page.keyboard.press('Enter');
    await page.getByTestId('open-quiz').waitFor();
    await tabTo(page, byTestId('open-quiz'), 'the quiz link');
    // One press: the quiz screen starts the attempt on arrival, with no second "Start" button.
    await page.keyboard.press('Enter');
    await page.getByTestId('quiz-question').first().waitFor();
    for (let question = 0; question < 2; question++) {
      // Tab enters each radio group once; the arrow keys then move within it.
      await tabTo(page, (f) => f.type === 'radio', `question ${question + 1}`);
      const name = (await focused(page)).name;
      await chooseRadio(page, ['True', 'False'].includes(name) ? 'True' : 'How can we help you today?');
    }
    await tabTo(page, byTestId('submit-quiz'), '"Submit"');
    await page.keyboard.press('Enter');
    await page.getByTestId('quiz-result-passed').waitFor();

    // The meeting: accepted for the organisation.
    await page.goto(`${baseUrl}/meetings/${meeting.id}`);
    await page.getByTestId('meeting-title').waitFor();
    await tabTo(page, byName('Accept the invitation'), '"Accept the invitation"', 80);
    await page.keyboard.press('Enter');
    await page.getByTestId('organisation-response-status').filter({ hasText: 'Accepted' }).waitFor();

    // The joint letter: signed on behalf of the organisation.
    await page.goto(`${baseUrl}/collaboration/documents/${letter.id}`);
    await page.getByTestId('version-fr').waitFor();
    // The letter is French on an English page: it says so, for the screen reader's voice.
    await expect(page.getByTestId('version-content-fr').getAttribute('lang')).resolves.toBe('fr');
    await tabTo(page, byName(`Sign on behalf of ${TANGIER}`), 'the signature button', 80);
    await page.keyboard.press('Enter');
    await page.getByTestId('signatory').filter({ hasText: TANGIER }).getByText('Signed').waitFor();

    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
