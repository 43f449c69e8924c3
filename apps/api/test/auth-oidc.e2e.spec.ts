import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createUser, createWorld } from './support/factories.js';
import { OidcTestProvider } from './support/oidc-test-provider.js';
import { TestClient } from './support/test-client.js';

/**
 * Single sign-on against a real OpenID provider started in this test run: a coordinator adds
 * it to the network; people of the network sign in with it by a verified e-mail; wrong audience,
 * expired token, unverified e-mail, unknown people and replayed callbacks are refused.
 */
let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let idp: OidcTestProvider;
let providerId: string;
const REDIRECT = 'http://tadamon.test/api/auth/oidc/callback';

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  idp = new OidcTestProvider([{ clientId: 'tadamon', clientSecret: 'a client secret of the network', redirectUri: REDIRECT }]);
  await idp.start();
});
afterAll(async () => {
  await idp?.stop();
  await t?.close();
});
beforeEach(() => {
  idp.tamper = null;
});

function expectError(response: request.Response, status: number, code: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body.code).toBe(code);
  expect(Object.keys(response.body).filter((k) => k !== 'details').sort()).toEqual(['code', 'message', 'requestId']);
}

/** A failed sign-in sends the browser back to the SPA's sign-in page with the stable code. */
function expectSsoError(response: request.Response, code: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(302);
  expect(response.headers.location).toBe(`/sign-in?sso_error=${code}`);
}

/** A browser: starts at our API, signs in at the provider as `account`, comes back. */
async function ssoAs(account: string, email: string, verified = true) {
  idp.accounts.set(account, { email, email_verified: verified });
  idp.nextAccount = account;
  const browser = new TestClient(t.app.getHttpServer());
  const start = await browser.get(`/api/auth/oidc/${providerId}/start`);
  expect(start.status).toBe(302);
  const back = await idp.authorize(start.headers.location, REDIRECT);
  const callbackPath = `${back.pathname}${back.search}`;
  const callback = await browser.get(callbackPath);
  return { browser, start, callback, callbackPath };
}

describe('a coordinator adds the network’s provider', () => {
  it('saves it with the secret encrypted, and shows it on the sign-in page', async () => {
    const coordinator = t.client();
    await coordinator.signIn(world.coordinator.email, 'correct horse battery staple');
    const created = await coordinator.post(`/api/networks/${world.network.id}/oidc-providers`, {
      name: 'Tangier Google',
      issuer: `${idp.issuer}/`,
      clientId: 'tadamon',
      clientSecret: 'a client secret of the network',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ name: 'Tangier Google', issuer: idp.issuer, clientId: 'tadamon', redirectUri: REDIRECT });
    expect(JSON.stringify(created.body)).not.toContain('a client secret');
    providerId = created.body.id;
    const stored = await t.prisma.oidcProvider.findUniqueOrThrow({ where: { id: providerId } });
    expect(stored.clientSecretEncrypted).not.toContain('a client secret');

    const listed = await coordinator.get(`/api/networks/${world.network.id}/oidc-providers`);
    expect(listed.body.items.map((p: { id: string }) => p.id)).toEqual([providerId]);
    const options = await t.client().get('/api/auth/oidc/providers');
    expect(options.body.items).toEqual([{ id: providerId, name: 'Tangier Google' }]);

    const renamed = await coordinator.patch(`/api/oidc-providers/${providerId}`, { name: 'Google (Tangier)' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Google (Tangier)');
  });

  it('refuses an issuer that does not answer, a second copy, other networks and other roles', async () => {
    const coordinator = t.client();
    await coordinator.signIn(world.coordinator.email, 'correct horse battery staple');
    const body = { name: 'X', issuer: 'http://127.0.0.1:9/', clientId: 'x', clientSecret: 'y' };
    expectError(await coordinator.post(`/api/networks/${world.network.id}/oidc-providers`, body), 422, 'OIDC_PROVIDER_UNREACHABLE');
    expectError(await coordinator.post(`/api/networks/${world.network.id}/oidc-providers`, { ...body, issuer: idp.issuer }), 409, 'CONFLICT');
    expectError(await coordinator.post(`/api/networks/${world.network.id}/oidc-providers`, { ...body, issuer: 'not a url' }), 400, 'VALIDATION_FAILED');
    expectError(await coordinator.post(`/api/networks/${world.otherNetwork.id}/oidc-providers`, body), 404, 'NOT_FOUND');
    const other = t.client();
    await other.signIn(world.otherCoordinator.email, 'correct horse battery staple');
    expectError(await other.patch(`/api/oidc-providers/${providerId}`, { name: 'Mine' }), 404, 'NOT_FOUND');
    const leader = t.client();
    await leader.signIn(world.leaderA.email, 'correct horse battery staple');
    expectError(await leader.get(`/api/networks/${world.network.id}/oidc-providers`), 403, 'FORBIDDEN');
    expect(await t.prisma.oidcProvider.count()).toBe(1);
  });
});

describe('signing in with the provider', () => {
  it('signs in a member of the network whose verified e-mail matches, with PKCE, state and nonce', async () => {
    const { start, callback, browser } = await ssoAs('volunteer-a', world.volunteerA.email.toUpperCase());
    const authorization = new URL(start.headers.location);
    expect(authorization.origin).toBe(idp.issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('state')).toBeTruthy();
    expect(authorization.searchParams.get('nonce')).toBeTruthy();
    // The verifier and nonce stay on the server: only the hash of the state is stored.
    const attempt = await t.prisma.oidcLoginAttempt.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
    expect(attempt.stateHash).not.toBe(authorization.searchParams.get('state'));

    expect(callback.status, JSON.stringify(callback.body)).toBe(302);
    expect(callback.headers.location).toBe('/');
    const session = await browser.get('/api/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.user.email).toBe(world.volunteerA.email);
    const audit = await t.prisma.auditEvent.findFirst({ where: { action: 'auth.sso_sign_in', subjectUserId: world.volunteerA.id } });
    expect(audit?.details).toEqual({ providerId });
  });

  it('still asks a coordinator for the second factor', async () => {
    const { callback, browser } = await ssoAs('coordinator', world.coordinator.email);
    expect(callback.status).toBe(302);
    const session = await browser.get('/api/auth/session');
    expect(session.body.secondFactor).toBe('enrol');
    expectError(await browser.get(`/api/networks/${world.network.id}/oidc-providers`), 401, 'SECOND_FACTOR_REQUIRED');
  });

  it('refuses a replayed callback with a stable code', async () => {
    const { callback, browser, callbackPath } = await ssoAs('leader-a', world.leaderA.email);
    expect(callback.status).toBe(302);
    expectSsoError(await browser.get(callbackPath), 'OIDC_CALLBACK_REPLAYED');
    // Another browser replaying a stolen callback URL gets no session either.
    const thief = new TestClient(t.app.getHttpServer());
    expectSsoError(await thief.get(callbackPath), 'OIDC_CALLBACK_REPLAYED');
    expectError(await thief.get('/api/auth/session'), 401, 'UNAUTHENTICATED');
  });

  it('refuses a callback that reaches another browser than the one that started', async () => {
    idp.accounts.set('leader-b', { email: world.leaderB.email, email_verified: true });
    idp.nextAccount = 'leader-b';
    const victim = new TestClient(t.app.getHttpServer());
    const start = await victim.get(`/api/auth/oidc/${providerId}/start`);
    const back = await idp.authorize(start.headers.location, REDIRECT);
    const attacker = new TestClient(t.app.getHttpServer());
    expectSsoError(await attacker.get(`${back.pathname}${back.search}`), 'OIDC_STATE_INVALID');
    expectError(await attacker.get('/api/auth/session'), 401, 'UNAUTHENTICATED');
    expectSsoError(await victim.get('/api/auth/oidc/callback?state=made-up&code=x'), 'OIDC_STATE_INVALID');
  });

  it('refuses an ID token for another audience', async () => {
    idp.tamper = (payload) => ({ ...payload, aud: 'someone-else' });
    const { callback, browser } = await ssoAs('volunteer-b', world.volunteerB.email);
    expectSsoError(callback, 'OIDC_TOKEN_INVALID');
    expectError(await browser.get('/api/auth/session'), 401, 'UNAUTHENTICATED');
    const failure = await t.prisma.auditEvent.findFirst({ where: { action: 'auth.sso_failed' }, orderBy: { at: 'desc' } });
    expect(String((failure?.details as { reason?: string }).reason)).toMatch(/\(aud\)$/);
  });

  it('refuses an expired ID token', async () => {
    const now = Math.floor(Date.now() / 1000);
    idp.tamper = (payload) => ({ ...payload, iat: now - 7200, exp: now - 3600 });
    const { callback } = await ssoAs('volunteer-b', world.volunteerB.email);
    expectSsoError(callback, 'OIDC_TOKEN_INVALID');
    const failure = await t.prisma.auditEvent.findFirst({ where: { action: 'auth.sso_failed' }, orderBy: { at: 'desc' } });
    expect(failure?.details).toMatchObject({ code: 'OIDC_TOKEN_INVALID' });
    expect(String((failure?.details as { reason?: string }).reason)).toMatch(/\(exp\)$/);
  });

  it('refuses an e-mail the provider has not verified', async () => {
    const { callback, browser } = await ssoAs('unverified', world.volunteerB.email, false);
    expectSsoError(callback, 'OIDC_EMAIL_NOT_VERIFIED');
    expectError(await browser.get('/api/auth/session'), 401, 'UNAUTHENTICATED');
  });

  it('lets nobody join by SSO alone: unknown people and people of other networks are refused', async () => {
    const users = await t.prisma.user.count();
    const memberships = await t.prisma.organisationMembership.count();
    const stranger = await ssoAs('stranger', 'stranger@example.test');
    expectSsoError(stranger.callback, 'OIDC_NO_ACCOUNT');
    const outsider = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: world.orgC.id });
    const elsewhere = await ssoAs('outsider', outsider.email);
    expectSsoError(elsewhere.callback, 'OIDC_NO_ACCOUNT');
    expect(await t.prisma.user.count()).toBe(users + 1);
    expect(await t.prisma.organisationMembership.count()).toBe(memberships + 1);
    expect(await t.prisma.session.count({ where: { userId: outsider.id } })).toBe(0);
  });
});

describe('an invitation opens the way by SSO', () => {
  function invite(email: string, opts: { organisationId?: string | null; role?: 'VOLUNTEER' | 'COORDINATOR'; expiresInMs?: number; networkId?: string } = {}) {
    return t.prisma.invitation.create({
      data: {
        tokenHash: `test-${email}-${Math.random()}`,
        email,
        role: opts.role ?? 'VOLUNTEER',
        organisationId: opts.organisationId === undefined ? world.orgB.id : opts.organisationId,
        networkId: opts.networkId ?? world.network.id,
        invitedById: world.coordinator.id,
        language: 'fr',
        expiresAt: new Date(Date.now() + (opts.expiresInMs ?? 3600_000)),
      },
    });
  }

  it('creates the invited person’s account, accepts the invitation and signs them in', async () => {
    const invitation = await invite('amina.invited@example.test');
    const { callback, browser } = await ssoAs('amina', 'Amina.Invited@example.test');
    expect(callback.status, JSON.stringify(callback.body)).toBe(302);
    expect(callback.headers.location).toBe('/');
    const session = await browser.get('/api/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.user.email).toBe('amina.invited@example.test');
    const user = await t.prisma.user.findUniqueOrThrow({ where: { email: 'amina.invited@example.test' } });
    // In the invitation's language, with no password: the provider is how they sign in.
    expect(user.preferredLanguage).toBe('fr');
    expect(user.passwordHash).toBeNull();
    const membership = await t.prisma.organisationMembership.findUniqueOrThrow({
      where: { userId_organisationId: { userId: user.id, organisationId: world.orgB.id } },
    });
    expect(membership.role).toBe('VOLUNTEER');
    expect((await t.prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedAt).not.toBeNull();
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'invitation.accepted', subjectUserId: user.id } });
    expect(audit.details).toMatchObject({ invitationId: invitation.id, newAccount: true, providerId });

    // The next time, the member signs in by SSO without any invitation.
    const again = await ssoAs('amina', 'amina.invited@example.test');
    expect(again.callback.headers.location).toBe('/');
    expect(await t.prisma.user.count({ where: { email: 'amina.invited@example.test' } })).toBe(1);
  });

  it('gives an existing account of another network the role the invitation names', async () => {
    const outsider = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: world.orgC.id });
    await invite(outsider.email, { organisationId: null, role: 'COORDINATOR' });
    const users = await t.prisma.user.count();
    const { callback, browser } = await ssoAs('outsider-invited', outsider.email);
    expect(callback.headers.location).toBe('/');
    expect(await t.prisma.user.count()).toBe(users);
    const role = await t.prisma.networkMembership.findUniqueOrThrow({
      where: { userId_networkId: { userId: outsider.id, networkId: world.network.id } },
    });
    expect(role.role).toBe('COORDINATOR');
    // A coordinator now: the second factor is still owed before anything else.
    expect((await browser.get('/api/auth/session')).body.secondFactor).toBe('enrol');
  });

  it('refuses an expired invitation with a stable code and creates nothing', async () => {
    await invite('late.invited@example.test', { expiresInMs: -60_000 });
    const users = await t.prisma.user.count();
    const memberships = await t.prisma.organisationMembership.count();
    const { callback, browser } = await ssoAs('late', 'late.invited@example.test');
    expectSsoError(callback, 'OIDC_INVITATION_EXPIRED');
    expectError(await browser.get('/api/auth/session'), 401, 'UNAUTHENTICATED');
    expect(await t.prisma.user.count()).toBe(users);
    expect(await t.prisma.organisationMembership.count()).toBe(memberships);
    const failure = await t.prisma.auditEvent.findFirst({ where: { action: 'auth.sso_failed' }, orderBy: { at: 'desc' } });
    expect(failure?.details).toMatchObject({ code: 'OIDC_INVITATION_EXPIRED', email: 'late.invited@example.test' });
  });

  it('ignores invitations that were revoked, or that lead to another network', async () => {
    const revoked = await invite('revoked.invited@example.test');
    await t.prisma.invitation.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    await invite('elsewhere.invited@example.test', { organisationId: world.orgC.id, networkId: world.otherNetwork.id });
    const users = await t.prisma.user.count();
    expectSsoError((await ssoAs('revoked', 'revoked.invited@example.test')).callback, 'OIDC_NO_ACCOUNT');
    expectSsoError((await ssoAs('elsewhere', 'elsewhere.invited@example.test')).callback, 'OIDC_NO_ACCOUNT');
    expect(await t.prisma.user.count()).toBe(users);
  });

  it('never accepts an invitation for an e-mail the provider has not verified', async () => {
    const invitation = await invite('unverified.invited@example.test');
    expectSsoError((await ssoAs('unverified-invited', 'unverified.invited@example.test', false)).callback, 'OIDC_EMAIL_NOT_VERIFIED');
    expect((await t.prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedAt).toBeNull();
    expect(await t.prisma.user.count({ where: { email: 'unverified.invited@example.test' } })).toBe(0);
  });
});
