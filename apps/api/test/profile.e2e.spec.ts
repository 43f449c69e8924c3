import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { activeSessionSchema, currentUserSchema } from '@tadamon/shared';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createNetwork, createOrganisation, createUser } from './support/factories.js';

let t: TestApp;
let organisationId: string;
const NEW_PASSWORD = 'Strait-Of-Gibraltar-Ferry-3';

beforeAll(async () => {
  t = await startTestApp();
  const network = await createNetwork(t.prisma);
  organisationId = (await createOrganisation(t.prisma, network.id)).id;
});
afterAll(async () => t?.close());
beforeEach(async () => {
  await t.prisma.signInThrottle.deleteMany();
});

/** A new person and a browser signed in as them. */
async function signedIn() {
  const user = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId });
  const browser = t.client();
  await browser.signIn(user.email, TEST_PASSWORD);
  return { user, browser };
}

describe('profile', () => {
  it('shows and updates name, language and time zone', async () => {
    const { user, browser } = await signedIn();
    const shown = await browser.get('/api/me/profile');
    expect(shown.status).toBe(200);
    expect(currentUserSchema.parse(shown.body)).toEqual({
      id: user.id,
      email: user.email,
      phone: null,
      username: null,
      name: user.name,
      preferredLanguage: 'en',
      timeZone: 'UTC',
      isPlatformAdmin: false,
    });

    const updated = await browser.patch('/api/me/profile', {
      name: '  Youssef El Amrani ',
      preferredLanguage: 'ar',
      timeZone: 'Africa/Casablanca',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Youssef El Amrani', preferredLanguage: 'ar', timeZone: 'Africa/Casablanca' });
    const session = await browser.get('/api/auth/session');
    expect(session.body.user).toMatchObject({ name: 'Youssef El Amrani', preferredLanguage: 'ar', timeZone: 'Africa/Casablanca' });

    // A partial update leaves the other fields as they were.
    const partial = await browser.patch('/api/me/profile', { preferredLanguage: 'nl' });
    expect(partial.body).toMatchObject({ name: 'Youssef El Amrani', preferredLanguage: 'nl', timeZone: 'Africa/Casablanca' });
  });

  it('refuses an unknown time zone, naming the field', async () => {
    const { browser } = await signedIn();
    const response = await browser.patch('/api/me/profile', { timeZone: 'Mars/Olympus' });
    expect([response.status, response.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(Object.keys(response.body.details.fields)).toEqual(['timeZone']);
    expect((await browser.get('/api/me/profile')).body.timeZone).toBe('UTC');
  });

  it('refuses fields that are not part of the profile, like the e-mail address or admin flag', async () => {
    const { user, browser } = await signedIn();
    const response = await browser.patch('/api/me/profile', { email: 'new@example.test', isPlatformAdmin: true });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.details.fields).sort()).toEqual(['email', 'isPlatformAdmin']);
    const stored = await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect([stored.email, stored.isPlatformAdmin]).toEqual([user.email, false]);
  });

  it('refuses an unknown language and an empty name', async () => {
    const { browser } = await signedIn();
    const response = await browser.patch('/api/me/profile', { preferredLanguage: 'de', name: '   ' });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.details.fields).sort()).toEqual(['name', 'preferredLanguage']);
  });

  it('is only for signed-in people', async () => {
    const response = await t.client().get('/api/me/profile');
    expect([response.status, response.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});

describe('changing the password', () => {
  it('keeps this session, ends the others, and the old password stops working', async () => {
    const { user, browser } = await signedIn();
    const phone = t.client();
    await phone.signIn(user.email, TEST_PASSWORD);

    const response = await browser.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(response.status).toBe(204);
    expect((await browser.get('/api/auth/session')).status).toBe(200);
    expect((await phone.get('/api/auth/session')).status).toBe(401);
    const old = await t.client().post('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD });
    expect(old.body.code).toBe('INVALID_CREDENTIALS');
    await t.client().signIn(user.email, NEW_PASSWORD);
    const audit = await t.prisma.auditEvent.findFirst({ where: { action: 'auth.password_changed', actorId: user.id } });
    expect(audit?.details).toMatchObject({ sessionsEnded: 1 });
  });

  it('refuses a wrong current password', async () => {
    const { user, browser } = await signedIn();
    const response = await browser.post('/api/me/password', { currentPassword: 'not it at all', newPassword: NEW_PASSWORD });
    expect([response.status, response.body.code]).toEqual([400, 'PASSWORD_INCORRECT']);
    expect(response.body.details.fields).toHaveProperty('currentPassword');
    await t.client().signIn(user.email, TEST_PASSWORD);
  });

  it('refuses a common or too short new password', async () => {
    const { user, browser } = await signedIn();
    const common = await browser.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'qwertyuiop' });
    expect([common.status, common.body.code]).toEqual([400, 'PASSWORD_TOO_COMMON']);
    expect(common.body.details.fields).toHaveProperty('newPassword');
    const short = await browser.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'abc' });
    expect([short.status, short.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(Object.keys(short.body.details.fields)).toEqual(['newPassword']);
    await t.client().signIn(user.email, TEST_PASSWORD);
  });

  it('counts wrong current passwords towards the sign-in back-off', async () => {
    const { browser } = await signedIn();
    for (let i = 0; i < 5; i++) {
      const wrong = await browser.post('/api/me/password', { currentPassword: `guess ${i}`, newPassword: NEW_PASSWORD });
      expect(wrong.body.code).toBe('PASSWORD_INCORRECT');
    }
    const locked = await browser.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect([locked.status, locked.body.code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('sessions', () => {
  it('lists one’s own live sessions and marks the current one', async () => {
    const { user, browser } = await signedIn();
    const phone = t.client();
    await phone.signIn(user.email, TEST_PASSWORD);
    const other = await signedIn();
    void other;

    const response = await browser.get('/api/me/sessions');
    expect(response.status).toBe(200);
    const items = response.body.items.map((s: unknown) => activeSessionSchema.parse(s));
    expect(items).toHaveLength(2);
    expect(items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const mine = await t.prisma.session.findMany({ where: { userId: user.id } });
    expect(items.map((s: { id: string }) => s.id).sort()).toEqual(mine.map((s) => s.id).sort());
  });

  it('ends another of one’s own sessions', async () => {
    const { user, browser } = await signedIn();
    const phone = t.client();
    await phone.signIn(user.email, TEST_PASSWORD);
    const items = (await browser.get('/api/me/sessions')).body.items as { id: string; current: boolean }[];
    const phoneSession = items.find((s) => !s.current)!;

    expect((await browser.delete(`/api/me/sessions/${phoneSession.id}`)).status).toBe(204);
    expect((await phone.get('/api/auth/session')).status).toBe(401);
    expect((await browser.get('/api/auth/session')).status).toBe(200);
    const left = (await browser.get('/api/me/sessions')).body.items;
    expect(left).toHaveLength(1);
    expect(left[0].current).toBe(true);
  });

  it('answers 404 for someone else’s session and leaves it alone', async () => {
    const { browser } = await signedIn();
    const victim = await signedIn();
    const [victimSession] = await t.prisma.session.findMany({ where: { userId: victim.user.id } });
    const response = await browser.delete(`/api/me/sessions/${victimSession!.id}`);
    expect([response.status, response.body.code]).toEqual([404, 'NOT_FOUND']);
    expect((await victim.browser.get('/api/auth/session')).status).toBe(200);

    expect((await browser.delete('/api/me/sessions/not-a-uuid')).status).toBe(400);
    expect((await browser.delete('/api/me/sessions/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
