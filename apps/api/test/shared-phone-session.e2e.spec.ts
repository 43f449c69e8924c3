import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SessionClock } from '../src/common/auth/session-clock.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createWorld } from './support/factories.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let clock: SessionClock;
const realNow = SessionClock.prototype.now;
const MINUTE = 60_000;

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  clock = t.app.get(SessionClock);
});
afterAll(async () => t?.close());
beforeEach(async () => {
  await t.prisma.signInThrottle.deleteMany();
  clock.now = realNow;
});

/** Moves the session clock to `start + minutes`. */
const at = (start: number, minutes: number) => {
  clock.now = () => start + minutes * MINUTE;
};

async function signIn(sharedDevice: boolean) {
  const client = t.client();
  const response = await client.post('/api/auth/sign-in', { identifier: world.volunteerA.email, password: TEST_PASSWORD, sharedDevice });
  expect(response.status).toBe(200);
  expect(response.body.sharedDevice).toBe(sharedDevice);
  return client;
}

describe('"this is a shared phone"', () => {
  it('ends the session after 15 minutes idle, enforced by the server', async () => {
    const start = Date.now();
    at(start, 0);
    const client = await signIn(true);
    at(start, 14);
    expect((await client.get('/api/auth/session')).status).toBe(200);
    // Using it restarted the idle time: 14 more minutes are still fine.
    at(start, 28);
    expect((await client.get('/api/auth/session')).status).toBe(200);
    at(start, 43.5);
    const ended = await client.get('/api/auth/session');
    expect(ended.status).toBe(401);
    expect(ended.body.code).toBe('UNAUTHENTICATED');
    // Coming back does not revive it.
    at(start, 44);
    expect((await client.get('/api/auth/session')).status).toBe(401);
  });

  it('leaves an ordinary session alone after 15 minutes idle', async () => {
    const start = Date.now();
    at(start, 0);
    const client = await signIn(false);
    at(start, 16);
    expect((await client.get('/api/auth/session')).status).toBe(200);
    at(start, 180);
    expect((await client.get('/api/auth/session')).status).toBe(200);
  });

  it('is recorded on the session and the sign-in, and not listed once idle', async () => {
    const start = Date.now();
    at(start, 0);
    const shared = await signIn(true);
    const own = await signIn(false);
    const session = await t.prisma.session.findFirstOrThrow({
      where: { userId: world.volunteerA.id, sharedDevice: true, revokedAt: null },
      orderBy: { createdAt: 'desc' },
    });
    expect(session.sharedDevice).toBe(true);
    const audit = await t.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'auth.sign_in', subjectUserId: world.volunteerA.id },
      orderBy: { at: 'desc' },
      skip: 1,
    });
    expect(audit.details).toMatchObject({ sharedDevice: true });

    const listed = await own.get('/api/me/sessions');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((s: { id: string }) => s.id)).toContain(session.id);
    // Once the shared session has been idle for 15 minutes it is no longer listed as open.
    await t.prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(Date.now() - 16 * MINUTE) } });
    const later = await own.get('/api/me/sessions');
    expect(later.body.items.map((s: { id: string }) => s.id)).not.toContain(session.id);
    expect((await shared.get('/api/auth/session')).status).toBe(401);
  });

  it('signing out ends the shared session at once', async () => {
    const client = await signIn(true);
    expect((await client.post('/api/auth/sign-out')).status).toBe(204);
    expect((await client.get('/api/auth/session')).status).toBe(401);
  });

  it('refuses a sharedDevice that is not a boolean', async () => {
    const response = await t.client().post('/api/auth/sign-in', { identifier: world.volunteerA.email, password: TEST_PASSWORD, sharedDevice: 'yes' });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.details.fields)).toEqual(['sharedDevice']);
  });
});
