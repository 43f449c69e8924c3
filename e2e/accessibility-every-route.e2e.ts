/**
 * Journey: every route of the SPA, in English and in Arabic, opened by the demo person who uses
 * it, checked by axe-core against the WCAG 2.2 A and AA rules: any violation of any impact
 * fails. One browser; one sign-in per role (through the API, the cookies handed to the browser).
 * The list of routes is read from the router itself (spa-routes.ts): a new screen that is not in
 * route-table.ts fails here until it is swept too.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signedIn } from './api-session';
import { launchChromium, wcagViolations } from './browser';
import { DEMO_COORDINATOR } from './demo-totp';
import { buildDemoWorld, DEMO_PHONE_VOLUNTEER, setLanguage, signedInByPhone, type ApiSession, type DemoWorld } from './demo-world';
import { SWEPT_ROUTES, type SweepRole } from './route-table';
import { declaredRoutePaths } from './spa-routes';

const baseUrl = inject('baseUrl');
let browser: Browser;
let world: DemoWorld;
const people = {} as Record<Exclude<SweepRole, 'visitor'>, ApiSession>;
const originalLanguages = new Map<ApiSession, string>();

beforeAll(async () => {
  browser = await launchChromium();
  people.volunteer = await signedIn(baseUrl, 'volunteer@example.org');
  people.learner = await signedInByPhone(baseUrl, DEMO_PHONE_VOLUNTEER.identifier, DEMO_PHONE_VOLUNTEER.pin);
  people.leader = await signedIn(baseUrl, 'leader@example.org');
  people.coordinator = await signedIn(baseUrl, DEMO_COORDINATOR);
  people.admin = await signedIn(baseUrl, 'admin@example.org');
  // A coordinator who has given the password and still owes the second factor.
  const halfway = await request.newContext({ baseURL: baseUrl });
  const { csrfToken } = await (await halfway.get('/api/auth/csrf')).json();
  const answer = await halfway.post('/api/auth/sign-in', { data: { email: DEMO_COORDINATOR, password: 'tadamon-demo' }, headers: { 'x-csrf-token': csrfToken } });
  people.secondFactor = { api: halfway, session: await answer.json(), post: async () => undefined };
  for (const who of [people.volunteer, people.learner, people.leader, people.coordinator, people.admin]) {
    originalLanguages.set(who, who.session.user.preferredLanguage);
  }
  world = await buildDemoWorld(baseUrl, people);
});

afterAll(async () => {
  // Other journeys sign in as the same demo people: leave each in the language they had.
  for (const [who, language] of originalLanguages) await setLanguage(who, language).catch(() => undefined);
  await Promise.all(Object.values(people).map((who) => who.api.dispose()));
  await browser?.close();
});

/** Waits until a screen shows its content: its heading (or `ready`), with nothing still loading. */
async function settled(page: Page, ready?: string) {
  await page.locator(ready ?? 'h1').first().waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => !document.querySelector('[aria-busy=true], .mantine-Loader-root, [data-testid=page-skeleton]'), undefined, {
    timeout: 20_000,
  });
  // Fonts and late paints (contrast is measured on what is drawn).
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(250);
}

async function contextFor(role: SweepRole, language: 'en' | 'ar'): Promise<BrowserContext> {
  const storageState = role === 'visitor' ? undefined : await people[role].api.storageState();
  return browser.newContext({ viewport: { width: 1200, height: 900 }, locale: language === 'ar' ? 'ar-MA' : 'en-GB', storageState });
}

/** SWEEP_ONLY=<regex>: sweep only the declared paths it matches (while working on a few screens). */
const only = process.env.SWEEP_ONLY ? new RegExp(process.env.SWEEP_ONLY) : null;

const ROLES: SweepRole[] = ['visitor', 'secondFactor', 'volunteer', 'learner', 'leader', 'coordinator', 'admin'];

describe('every screen is accessible (axe-core, WCAG 2.2 A and AA)', () => {
  it('the sweep covers every route the router declares', () => {
    const declared = declaredRoutePaths();
    expect(declared.length).toBeGreaterThan(40);
    expect(declared.filter((path) => !(path in SWEPT_ROUTES)), 'routes missing from e2e/route-table.ts').toEqual([]);
    expect(Object.keys(SWEPT_ROUTES).filter((path) => !declared.includes(path)), 'routes the router no longer has').toEqual([]);
  });

  for (const language of ['en', 'ar'] as const) {
    it(`has no violation on any route in ${language === 'en' ? 'English' : 'Arabic'}`, async () => {
      for (const who of [people.volunteer, people.learner, people.leader, people.coordinator, people.admin]) await setLanguage(who, language);
      const violations: string[] = [];
      const errors: string[] = [];
      let frenchLetter: unknown;
      for (const role of ROLES) {
        const context = await contextFor(role, language);
        const page = await context.newPage();
        page.on('pageerror', (error) => errors.push(`${role} ${page.url()}: ${error.message}`));
        for (const [declared, route] of Object.entries(SWEPT_ROUTES).filter(([path, r]) => r.role === role && (!only || only.test(path)))) {
          const url = route.url(world);
          await page.goto(`${baseUrl}${url}`);
          try {
            await settled(page, route.ready);
          } catch (error) {
            violations.push(`${declared} (${url}) as ${role}: never settled: ${(error as Error).message.split('\n')[0]}`);
            continue;
          }
          expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), url).toEqual([
            language,
            language === 'ar' ? 'rtl' : 'ltr',
          ]);
          // Text in another language than the page says which, and which way it runs.
          // (its own `dir`, or one on a wrapper as Mantine's fields put it: what counts is the direction laid out).
          const misdirected = await page.evaluate(() => {
            const rightToLeft = ['ar', 'fa', 'he', 'ur', 'ckb', 'ps'];
            return Array.from(document.querySelectorAll('main [lang]'))
              .filter((el) => el.tagName !== 'OPTION' && el.getAttribute('lang') !== document.documentElement.lang)
              .filter((el) => el.closest('[dir]')?.getAttribute('dir') !== 'auto')
              .filter((el) => {
                const expected = rightToLeft.includes(el.getAttribute('lang')!.split('-')[0]!) ? 'rtl' : 'ltr';
                return getComputedStyle(el).direction !== expected || el.closest('[dir]') === document.documentElement;
              })
              .map((el) => el.outerHTML.slice(0, 160));
          });
          for (const html of misdirected) violations.push(`${declared} (${url}) as ${role}: lang without its own direction :: ${html}`);
          await page.mouse.move(0, 0); // no hover state in the check
          for (const line of await wcagViolations(page)) violations.push(`${declared} (${url}) as ${role}: ${line}`);
          if (declared === '/collaboration/documents/:id') {
            // The demo letter exists only in French: on an English or Arabic page it stays French, left to right.
            frenchLetter = await page.evaluate(() => {
              const attributes = (el: Element | null) => [el?.getAttribute('lang'), el?.getAttribute('dir')];
              return { title: attributes(document.querySelector('h1')), body: attributes(document.querySelector('[data-testid=version-content-fr]')) };
            });
          }
        }
        await context.close();
      }
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
      if (!only || only.test('/collaboration/documents/:id')) expect(frenchLetter).toEqual({ title: ['fr', 'ltr'], body: ['fr', 'ltr'] });
    }, 600_000);
  }
});
