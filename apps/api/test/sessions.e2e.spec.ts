import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sessionResponseSchema } from '@tadamon/shared';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createUser, createWorld } from './support/factories.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
});
afterAll(async () => t?.close());
// Every request here comes from one address: start each test with clean back-off counters.
beforeEach(async () => {
  await t.prisma.signInThrottle.deleteMany();
});

const raw = () => request(t.app.getHttpServer());

function sessionCookieOf(response: request.Response): string {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = cookies.find((c) => c.startsWith('tadamon_session='));
  if (!cookie) throw new Error('No session cookie was set');
  return cookie;
}
const tokenOf = (cookie: string) => cookie.split(';')[0]!.split('=')[1]!;

/** Errors are exactly {code, message, requestId, details?}: no stack, no SQL, nothing else. */
function expectError(response: request.Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.body.code).toBe(code);
  const keys = Object.keys(response.body).sort();
  expect(keys.filter((k) => k !== 'details')).toEqual(['code', 'message', 'requestId']);
  expect(JSON.stringify(response.body)).not.toMatch(/\.(ts|js):\d+|\bat [\w.]+ \(|prisma|SELECT /i);
}

/** Signs in and returns the raw session token (the cookie's value). */
async function signInToken(email: string): Promise<string> {
  const client = t.client();
  const response = await client.post('/api/auth/sign-in', { email, password: TEST_PASSWORD });
  expect(response.status).toBe(200);
  return tokenOf(sessionCookieOf(response));
}
const withToken = (token: string) => raw().get('/api/auth/session').set('Cookie', `tadamon_session=${token}`);

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and answers with the session', async () => {
    const client = t.client();
    const response = await client.post('/api/auth/sign-in', {
      email: world.leaderA.email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(response.status).toBe(200);
    const cookie = sessionCookieOf(response);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    const session = sessionResponseSchema.parse(response.body);
    expect(session.user.email).toBe(world.leaderA.email);
    expect(session.primaryRole).toBe('ORG_LEADER');
    expect(session.memberships).toEqual([expect.objectContaining({ organisationId: world.orgA.id, role: 'ORG_LEADER' })]);
    // The token is not stored as such: only its hash is in the database.
    expect(await t.prisma.session.count({ where: { tokenHash: tokenOf(cookie) } })).toBe(0);

    const again = await client.get('/api/auth/session');
    expect(again.status).toBe(200);
    expect(again.body.user.id).toBe(world.leaderA.id);
  });

  it('answers a wrong password and an unknown e-mail identically', async () => {
    const wrong = await t.client().post('/api/auth/sign-in', { email: world.volunteerA.email, password: 'not the password' });
    const unknown = await t.client().post('/api/auth/sign-in', { email: 'nobody@example.test', password: 'not the password' });
    expectError(wrong, 401, 'INVALID_CREDENTIALS');
    expectError(unknown, 401, 'INVALID_CREDENTIALS');
    expect(Object.keys(wrong.body).sort()).toEqual(Object.keys(unknown.body).sort());
    expect(wrong.body.message).toBe(unknown.body.message);
    expect(wrong.headers['set-cookie'] ?? []).not.toContainEqual(expect.stringMatching(/^tadamon_session=/));
  });

  it('refuses a malformed body with 400 naming the field, and unknown fields', async () => {
    const malformed = await t.client().post('/api/auth/sign-in', { email: 'not-an-address', password: 'x' });
    expectError(malformed, 400, 'VALIDATION_FAILED');
    expect(Object.keys(malformed.body.details.fields)).toEqual(['email']);

    const extra = await t.client().post('/api/auth/sign-in', {
      email: world.volunteerA.email,
      password: TEST_PASSWORD,
      isPlatformAdmin: true,
    });
    expectError(extra, 400, 'VALIDATION_FAILED');
    expect(extra.body.details.fields.isPlatformAdmin).toEqual([expect.objectContaining({ code: 'unknown_field' })]);

    const missing = await t.client().post('/api/auth/sign-in', { email: world.volunteerA.email });
    expectError(missing, 400, 'VALIDATION_FAILED');
    expect(Object.keys(missing.body.details.fields)).toEqual(['password']);
  });

  it('issues a new token at every sign-in, never the old one', async () => {
    const client = t.client();
    const first = await client.post('/api/auth/sign-in', { email: world.volunteerB.email, password: TEST_PASSWORD });
    const second = await client.post('/api/auth/sign-in', { email: world.volunteerB.email, password: TEST_PASSWORD });
    const [a, b] = [tokenOf(sessionCookieOf(first)), tokenOf(sessionCookieOf(second))];
    expect(a).not.toBe(b);
    expect(first.body.csrfToken).not.toBe(second.body.csrfToken);
    // The older session lives until it is signed out; after that only the new one works.
    expect((await withToken(a)).status).toBe(200);
    const signOut = await raw()
      .post('/api/auth/sign-out')
      .set('Cookie', `tadamon_session=${a}`)
      .set('x-csrf-token', first.body.csrfToken);
    expect(signOut.status).toBe(204);
    expectError(await withToken(a), 401, 'UNAUTHENTICATED');
    expect((await withToken(b)).status).toBe(200);
  });

  it('refuses a disabled account, and its existing sessions stop working', async () => {
    const person = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: world.orgA.id });
    const token = await signInToken(person.email);
    expect((await withToken(token)).status).toBe(200);
    await t.prisma.user.update({ where: { id: person.id }, data: { disabledAt: new Date() } });
    expectError(await withToken(token), 401, 'UNAUTHENTICATED');
    const again = await t.client().post('/api/auth/sign-in', { email: person.email, password: TEST_PASSWORD });
    expectError(again, 403, 'ACCOUNT_DISABLED');
    expect(again.headers['set-cookie'] ?? []).not.toContainEqual(expect.stringMatching(/^tadamon_session=/));
  });

  it('ends a session left idle longer than the idle timeout', async () => {
    const person = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: world.orgA.id });
    const token = await signInToken(person.email);
    const idleMs = (t.config.SESSION_IDLE_MINUTES + 1) * 60_000;
    await t.prisma.session.updateMany({
      where: { userId: person.id },
      data: { lastSeenAt: new Date(Date.now() - idleMs) },
    });
    expectError(await withToken(token), 401, 'UNAUTHENTICATED');
  });
});

describe('sign-out', () => {
  it('ends the session on the server, not just in the browser', async () => {
    const client = t.client();
    const signIn = await client.post('/api/auth/sign-in', { email: world.leaderB.email, password: TEST_PASSWORD });
    const token = tokenOf(sessionCookieOf(signIn));
    expect((await client.get('/api/auth/session')).status).toBe(200);
    expect((await client.post('/api/auth/sign-out')).status).toBe(204);
    expectError(await client.get('/api/auth/session'), 401, 'UNAUTHENTICATED');
    // Replaying the old cookie does not bring the session back.
    expectError(await withToken(token), 401, 'UNAUTHENTICATED');
  });

  it('sign-out-everywhere ends the sessions of other browsers too', async () => {
    const laptop = t.client();
    const phone = t.client();
    await laptop.signIn(world.coordinator.email, TEST_PASSWORD);
    await phone.signIn(world.coordinator.email, TEST_PASSWORD);
    expect((await phone.get('/api/auth/session')).status).toBe(200);
    expect((await laptop.post('/api/auth/sign-out-everywhere')).status).toBe(204);
    expectError(await phone.get('/api/auth/session'), 401, 'UNAUTHENTICATED');
    expectError(await laptop.get('/api/auth/session'), 401, 'UNAUTHENTICATED');
  });
});

describe('CSRF protection', () => {
  const body = () => ({ email: world.leaderC.email, password: TEST_PASSWORD });

  it('refuses a state-changing request without a token', async () => {
    const agent = request.agent(t.app.getHttpServer());
    await agent.get('/api/auth/csrf');
    expectError(await agent.post('/api/auth/sign-in').send(body()), 403, 'CSRF_REJECTED');
  });

  it('refuses a cross-site request even with a valid token', async () => {
    const agent = request.agent(t.app.getHttpServer());
    const { csrfToken } = (await agent.get('/api/auth/csrf')).body;
    const response = await agent
      .post('/api/auth/sign-in')
      .set('x-csrf-token', csrfToken)
      .set('Sec-Fetch-Site', 'cross-site')
      .send(body());
    expectError(response, 403, 'CSRF_REJECTED');
  });

  it('refuses a token that does not match the cookie', async () => {
    const agent = request.agent(t.app.getHttpServer());
    await agent.get('/api/auth/csrf');
    const response = await agent.post('/api/auth/sign-in').set('x-csrf-token', 'x'.repeat(32)).send(body());
    expectError(response, 403, 'CSRF_REJECTED');
  });

  it('accepts the pre-session token, then requires the session token after sign-in', async () => {
    const agent = request.agent(t.app.getHttpServer());
    const { csrfToken } = (await agent.get('/api/auth/csrf')).body;
    const signIn = await agent
      .post('/api/auth/sign-in')
      .set('x-csrf-token', csrfToken)
      .set('Sec-Fetch-Site', 'same-origin')
      .send(body());
    expect(signIn.status).toBe(200);
    const sessionToken = signIn.body.csrfToken;
    expect(sessionToken).not.toBe(csrfToken);

    expectError(await agent.post('/api/auth/sign-out').set('x-csrf-token', csrfToken), 403, 'CSRF_REJECTED');
    expect((await agent.get('/api/auth/session')).status).toBe(200);
    expect((await agent.post('/api/auth/sign-out').set('x-csrf-token', sessionToken)).status).toBe(204);
  });
});

describe('sign-in throttling', () => {
  it('locks an account after 5 failures, even against the right password', async () => {
    const person = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: world.orgB.id });
    const client = t.client();
    for (let i = 0; i < 5; i++) {
      expectError(await client.post('/api/auth/sign-in', { email: person.email, password: `wrong ${i}` }), 401, 'INVALID_CREDENTIALS');
    }
    const locked = await client.post('/api/auth/sign-in', { email: person.email, password: TEST_PASSWORD });
    expectError(locked, 429, 'TOO_MANY_ATTEMPTS');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.headers['set-cookie'] ?? []).not.toContainEqual(expect.stringMatching(/^tadamon_session=/));
    // Another account from the same address is not affected by this one's lock.
    expect((await t.client().post('/api/auth/sign-in', { email: world.volunteerA.email, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('locks an address that tries 20 different accounts', async () => {
    const client = t.client();
    for (let i = 0; i < 20; i++) {
      const response = await client.post('/api/auth/sign-in', { email: `guess-${i}@example.test`, password: 'guess' });
      expectError(response, 401, 'INVALID_CREDENTIALS');
    }
    const locked = await client.post('/api/auth/sign-in', { email: world.leaderA.email, password: TEST_PASSWORD });
    expectError(locked, 429, 'TOO_MANY_ATTEMPTS');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('request limits and error shape', () => {
  it('refuses a body over BODY_LIMIT_BYTES with 413', async () => {
    const client = t.client();
    const huge = { email: 'a@example.test', password: 'x'.repeat(t.config.BODY_LIMIT_BYTES + 10) };
    expectError(await client.post('/api/auth/sign-in', huge), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers broken JSON with 400 and no internals', async () => {
    const client = t.client();
    await client.get('/api/auth/csrf').then((r) => (client.csrfToken = r.body.csrfToken));
    const response = await client.agent
      .post('/api/auth/sign-in')
      .set('x-csrf-token', client.csrfToken!)
      .set('content-type', 'application/json')
      .send('{"email": "a@example.test", "password": ');
    expectError(response, 400, 'VALIDATION_FAILED');
  });

  it('answers an unknown route and a protected route without a session in the same shape', async () => {
    expectError(await raw().get('/api/no-such-route'), 404, 'NOT_FOUND');
    expectError(await raw().get('/api/auth/session'), 401, 'UNAUTHENTICATED');
  });
});
