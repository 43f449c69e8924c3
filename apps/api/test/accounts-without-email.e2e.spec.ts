import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { sessionResponseSchema, setupCodeSchema, volunteerAccountCreatedSchema } from '@tadamon/shared';
import { SessionClock } from '../src/common/auth/session-clock.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createWorld } from './support/factories.js';
import type { TestClient } from './support/test-client.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let leader: TestClient;
const realNow = SessionClock.prototype.now;

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  leader = t.client();
  await leader.signIn(world.leaderA.email, TEST_PASSWORD);
});
afterAll(async () => t?.close());
beforeEach(async () => {
  // Every request comes from one address: start each test with clean back-off counters.
  await t.prisma.signInThrottle.deleteMany();
  t.app.get(SessionClock).now = realNow;
});

function expectError(response: request.Response, status: number, code: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body.code).toBe(code);
  expect(JSON.stringify(response.body)).not.toMatch(/prisma|SELECT |\.ts:\d+/i);
}

let counter = 0;
/** A Moroccan mobile number nobody has used yet in this file, in national format. */
const nextMoroccanMobile = () => `06 12 ${String(30 + counter).padStart(2, '0')} ${String(10 + (counter++ % 80)).padStart(2, '0')} 77`;

async function createVolunteer(body: Record<string, unknown>, client = leader, organisationId = world.orgA.id) {
  return client.post(`/api/organisations/${organisationId}/volunteer-accounts`, body);
}

async function redeem(code: string, secret: { pin?: string; password?: string }, sharedDevice = false) {
  const client = t.client();
  const response = await client.post('/api/auth/setup-code/redeem', { code, ...secret, sharedDevice });
  return { client, response };
}

const counts = async () => ({
  users: await t.prisma.user.count(),
  memberships: await t.prisma.organisationMembership.count(),
  codes: await t.prisma.setupCode.count(),
});

describe('a leader creates a volunteer without e-mail', () => {
  it('with a phone number in national format: stored in E.164, member listed by phone, code shown once', async () => {
    const response = await createVolunteer({ name: 'Fatima Zahra', phone: '06 61 23 45 67' });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const created = volunteerAccountCreatedSchema.parse(response.body);
    expect(created.member).toMatchObject({ name: 'Fatima Zahra', email: null, phone: '+212661234567', role: 'VOLUNTEER' });
    expect(created.setupCode.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(created.setupCode.organisationName).toBe('Org A');
    const days = (Date.parse(created.setupCode.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    // Only a hash of the code is stored: the code itself appears nowhere in the database.
    const stored = await t.prisma.setupCode.findFirstOrThrow({ where: { userId: created.member.userId } });
    expect(JSON.stringify(stored)).not.toContain(created.setupCode.code.replace(/-/g, ''));
    const user = await t.prisma.user.findUniqueOrThrow({ where: { id: created.member.userId } });
    expect(user).toMatchObject({ email: null, phone: '+212661234567', passwordHash: null });

    const members = await leader.get(`/api/organisations/${world.orgA.id}/members`);
    expect(members.status).toBe(200);
    expect(members.body.items).toContainEqual(expect.objectContaining({ name: 'Fatima Zahra', email: null, phone: '+212661234567' }));
  });

  it('with a username only (lower-cased)', async () => {
    const response = await createVolunteer({ name: 'Moussa Keita', username: 'Moussa.K' });
    expect(response.status).toBe(201);
    expect(response.body.member).toMatchObject({ email: null, phone: null, username: 'moussa.k' });
    expect(response.body.setupCode.username).toBe('moussa.k');
  });

  it('refuses a malformed phone number with PHONE_INVALID and creates nothing', async () => {
    const before = await counts();
    for (const phone of ['12', '06 12', '+212 99', 'not a number', '+999 123 456 789']) {
      const response = await createVolunteer({ name: 'Nobody', phone });
      expectError(response, 400, 'PHONE_INVALID');
      expect(Object.keys(response.body.details.fields)).toEqual(['phone']);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses neither phone nor username, and a bad username, with 400 naming the field', async () => {
    const before = await counts();
    const neither = await createVolunteer({ name: 'Nobody' });
    expectError(neither, 400, 'VALIDATION_FAILED');
    expect(Object.keys(neither.body.details.fields)).toEqual(['phone']);
    const badName = await createVolunteer({ name: 'Nobody', username: '0612345678' });
    expectError(badName, 400, 'VALIDATION_FAILED');
    expect(Object.keys(badName.body.details.fields)).toEqual(['username']);
    expectError(await createVolunteer({ name: 'Nobody', username: 'a@b' }), 400, 'VALIDATION_FAILED');
    expect(await counts()).toEqual(before);
  });

  it('answers a phone number or username already in use with 409, in any format, and creates nothing', async () => {
    const phone = nextMoroccanMobile();
    expect((await createVolunteer({ name: 'First', phone })).status).toBe(201);
    await createVolunteer({ name: 'Taken', username: 'taken.name' });
    const before = await counts();
    const international = `+212 ${phone.slice(1)}`;
    expectError(await createVolunteer({ name: 'Second', phone: international }), 409, 'PHONE_TAKEN');
    expectError(await createVolunteer({ name: 'Second', phone, username: 'fresh.name' }), 409, 'PHONE_TAKEN');
    expectError(await createVolunteer({ name: 'Third', username: 'TAKEN.name' }), 409, 'USERNAME_TAKEN');
    expect(await counts()).toEqual(before);
    expect(await t.prisma.user.count({ where: { username: 'fresh.name' } })).toBe(0);
  });

  it('is refused to a leader of another organisation (403) and of another network (404), and to a volunteer', async () => {
    const leaderB = t.client();
    await leaderB.signIn(world.leaderB.email, TEST_PASSWORD);
    const leaderC = t.client();
    await leaderC.signIn(world.leaderC.email, TEST_PASSWORD);
    const volunteer = t.client();
    await volunteer.signIn(world.volunteerA.email, TEST_PASSWORD);
    const before = await counts();
    expectError(await createVolunteer({ name: 'X', username: 'x.by.b' }, leaderB), 403, 'FORBIDDEN');
    expectError(await createVolunteer({ name: 'X', username: 'x.by.c' }, leaderC), 404, 'NOT_FOUND');
    expectError(await createVolunteer({ name: 'X', username: 'x.by.v' }, volunteer), 403, 'FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  it('lets a coordinator of the network create one', async () => {
    const coordinator = t.client();
    await coordinator.signIn(world.coordinator.email, TEST_PASSWORD);
    const response = await createVolunteer({ name: 'Aminata', phone: '76 12 34 56' }, coordinator, world.orgB.id);
    expect(response.status).toBe(201);
    // Org B is in Mali: the national number is read as Malian.
    expect(response.body.member.phone).toBe('+22376123456');
  });
});

describe('setup codes', () => {
  it('set a PIN once, sign the volunteer in, and never work twice', async () => {
    const created = await createVolunteer({ name: 'Khadija', phone: nextMoroccanMobile() });
    const code: string = created.body.setupCode.code;

    const preview = await t.client().post('/api/auth/setup-code/preview', { code: code.toLowerCase().replace(/-/g, ' ') });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ name: 'Khadija', organisationName: 'Org A', signInName: created.body.member.phone });

    const { client, response } = await redeem(code, { pin: '583920' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const session = sessionResponseSchema.parse(response.body);
    expect(session.user).toMatchObject({ name: 'Khadija', email: null, phone: created.body.member.phone });
    expect(session.primaryRole).toBe('VOLUNTEER');
    expect((await client.get('/api/auth/session')).status).toBe(200);

    const again = await redeem(code, { pin: '402917' });
    expectError(again.response, 410, 'SETUP_CODE_INVALID');
    expectError(await t.client().post('/api/auth/setup-code/preview', { code }), 410, 'SETUP_CODE_INVALID');
    // The first PIN still holds: the second attempt changed nothing.
    const signIn = await t.client().post('/api/auth/sign-in', { identifier: created.body.member.phone, password: '583920' });
    expect(signIn.status).toBe(200);
  });

  it('expire after 7 days', async () => {
    const created = await createVolunteer({ name: 'Late', username: 'late.one' });
    const clock = t.app.get(SessionClock);
    const start = Date.now();
    clock.now = () => start + 7 * 24 * 3600_000 + 60_000;
    expectError(await t.client().post('/api/auth/setup-code/preview', { code: created.body.setupCode.code }), 410, 'SETUP_CODE_INVALID');
    expectError((await redeem(created.body.setupCode.code, { pin: '583920' })).response, 410, 'SETUP_CODE_INVALID');
    clock.now = () => start + 6 * 24 * 3600_000;
    expect((await redeem(created.body.setupCode.code, { pin: '583920' })).response.status).toBe(200);
  });

  it('answers an unknown or malformed code with a clear error', async () => {
    expectError(await t.client().post('/api/auth/setup-code/preview', { code: 'ABCD-EFGH-JKMN' }), 410, 'SETUP_CODE_INVALID');
    expectError(await t.client().post('/api/auth/setup-code/preview', { code: 'x' }), 400, 'VALIDATION_FAILED');
  });

  it('a new code revokes the old one; the leader issues it again after a forgotten PIN', async () => {
    const created = await createVolunteer({ name: 'Forgetful', username: 'forgetful' });
    const first: string = created.body.setupCode.code;
    expect((await redeem(first, { pin: '583920' })).response.status).toBe(200);
    expect((await t.client().post('/api/auth/sign-in', { identifier: 'forgetful', password: '583920' })).status).toBe(200);

    const url = `/api/organisations/${world.orgA.id}/members/${created.body.member.membershipId}/setup-code`;
    const second = await leader.post(url);
    expect(second.status).toBe(201);
    setupCodeSchema.parse(second.body);
    const third = await leader.post(url);
    expect(third.status).toBe(201);
    expect(third.body.code).not.toBe(second.body.code);

    expectError((await redeem(second.body.code, { pin: '402917' })).response, 410, 'SETUP_CODE_INVALID');
    const { response } = await redeem(third.body.code, { password: 'a long new password' });
    expect(response.status).toBe(200);
    expectError(await t.client().post('/api/auth/sign-in', { identifier: 'forgetful', password: '583920' }), 401, 'INVALID_CREDENTIALS');
    expect((await t.client().post('/api/auth/sign-in', { identifier: 'Forgetful', password: 'a long new password' })).status).toBe(200);
  });

  it('redeeming ends the sessions opened with the old PIN', async () => {
    const created = await createVolunteer({ name: 'Stolen', username: 'stolen.phone' });
    const { client: thief } = await redeem(created.body.setupCode.code, { pin: '583920' });
    expect((await thief.get('/api/auth/session')).status).toBe(200);
    const fresh = await leader.post(`/api/organisations/${world.orgA.id}/members/${created.body.member.membershipId}/setup-code`);
    expect((await redeem(fresh.body.code, { pin: '402917' })).response.status).toBe(200);
    expect((await thief.get('/api/auth/session')).status).toBe(401);
  });

  it('refuses weak or malformed PINs and keeps the code usable', async () => {
    const phone = nextMoroccanMobile();
    const created = await createVolunteer({ name: 'Pin Rules', phone });
    const code: string = created.body.setupCode.code;
    for (const pin of ['000000', '123456', '654321', '111111', created.body.member.phone.slice(-6)]) {
      const { response } = await redeem(code, { pin });
      expectError(response, 400, 'PIN_TOO_WEAK');
    }
    for (const pin of ['12345', '1234567', '12a456']) {
      const { response } = await redeem(code, { pin });
      expectError(response, 400, 'VALIDATION_FAILED');
      expect(Object.keys(response.body.details.fields)).toEqual(['pin']);
    }
    expectError((await redeem(code, {})).response, 400, 'VALIDATION_FAILED');
    expectError((await redeem(code, { password: 'short' })).response, 400, 'VALIDATION_FAILED');
    expectError((await redeem(code, { password: 'password123' })).response, 400, 'PASSWORD_TOO_COMMON');
    expect(await t.prisma.user.findUniqueOrThrow({ where: { id: created.body.member.userId }, select: { passwordHash: true } })).toEqual({ passwordHash: null });
    expect((await redeem(code, { pin: '583920' })).response.status).toBe(200);
  });

  it('are only for volunteers without e-mail of the leader\'s own organisation', async () => {
    const memberships = await t.prisma.organisationMembership.findMany({ where: { organisationId: world.orgA.id } });
    const withEmail = memberships.find((m) => m.userId === world.volunteerA.id)!;
    expectError(await leader.post(`/api/organisations/${world.orgA.id}/members/${withEmail.id}/setup-code`), 409, 'SETUP_CODE_NOT_ALLOWED');

    const created = await createVolunteer({ name: 'Guarded', username: 'guarded' });
    const url = `/api/organisations/${world.orgA.id}/members/${created.body.member.membershipId}/setup-code`;
    const leaderB = t.client();
    await leaderB.signIn(world.leaderB.email, TEST_PASSWORD);
    const leaderC = t.client();
    await leaderC.signIn(world.leaderC.email, TEST_PASSWORD);
    const before = await t.prisma.setupCode.count();
    expectError(await leaderB.post(url), 403, 'FORBIDDEN');
    expectError(await leaderC.post(url), 404, 'NOT_FOUND');
    // Another organisation's membership through one's own organisation: not found.
    expectError(
      await leaderB.post(`/api/organisations/${world.orgB.id}/members/${created.body.member.membershipId}/setup-code`),
      404,
      'NOT_FOUND',
    );
    expect(await t.prisma.setupCode.count()).toBe(before);
    // The original code still works.
    expect((await redeem(created.body.setupCode.code, { pin: '583920' })).response.status).toBe(200);
  });
});

describe('signing in without e-mail', () => {
  it('by phone in national and international formats, by username, and with the older e-mail field', async () => {
    const national = nextMoroccanMobile();
    const created = await createVolunteer({ name: 'Signs In', phone: national, username: 'signs.in' });
    await redeem(created.body.setupCode.code, { pin: '583920' });
    const e164: string = created.body.member.phone;
    for (const identifier of [national, national.replace(/ /g, ''), e164, `+212 ${national.slice(1)}`, `00${e164.slice(1)}`, 'SIGNS.IN', ' signs.in ']) {
      const response = await t.client().post('/api/auth/sign-in', { identifier, password: '583920' });
      expect(response.status, identifier).toBe(200);
      expect(response.body.user.id).toBe(created.body.member.userId);
    }
    expect((await t.client().post('/api/auth/sign-in', { email: world.volunteerA.email, password: TEST_PASSWORD })).status).toBe(200);
    expect((await t.client().post('/api/auth/sign-in', { identifier: world.volunteerA.email.toUpperCase(), password: TEST_PASSWORD })).status).toBe(200);
    expectError(await t.client().post('/api/auth/sign-in', { identifier: e164, password: '402917' }), 401, 'INVALID_CREDENTIALS');
    expectError(await t.client().post('/api/auth/sign-in', { password: '402917' }), 400, 'VALIDATION_FAILED');
  });

  it('backs off after wrong PINs, counted per account whatever the identifier', async () => {
    const phone = nextMoroccanMobile();
    const created = await createVolunteer({ name: 'Guessed', phone, username: 'guessed' });
    await redeem(created.body.setupCode.code, { pin: '583920' });
    const tries = [phone, 'guessed', created.body.member.phone, 'guessed', phone];
    for (const [i, identifier] of tries.entries()) {
      expectError(await t.client().post('/api/auth/sign-in', { identifier, password: `40291${i}` }), 401, 'INVALID_CREDENTIALS');
    }
    const locked = await t.client().post('/api/auth/sign-in', { identifier: 'guessed', password: '583920' });
    expectError(locked, 429, 'TOO_MANY_ATTEMPTS');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('audit log', () => {
  it('records creation, each code issued and each code redeemed, visible to the leader', async () => {
    const created = await createVolunteer({ name: 'Audited', username: 'audited' });
    const reissued = await leader.post(`/api/organisations/${world.orgA.id}/members/${created.body.member.membershipId}/setup-code`);
    const latest = await t.prisma.setupCode.findFirstOrThrow({ where: { userId: created.body.member.userId, revokedAt: null } });
    expect(latest).toBeTruthy();
    const events = await t.prisma.auditEvent.findMany({ where: { subjectUserId: created.body.member.userId }, orderBy: { at: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['account.created_by_leader', 'setup_code.issued']);
    expect(events[1]!.details).toMatchObject({ revokedCodes: 1 });
    expect(events.every((e) => e.actorId === world.leaderA.id && e.organisationId === world.orgA.id)).toBe(true);
    // The codes themselves are never written to the log.
    for (const code of [created.body.setupCode.code as string, reissued.body.code as string]) {
      expect(JSON.stringify(events)).not.toContain(code);
      expect(JSON.stringify(events)).not.toContain(code.replace(/-/g, ''));
    }

    const activity = await leader.get(`/api/audit?organisationId=${world.orgA.id}&limit=100`);
    expect(activity.status).toBe(200);
    const actions = activity.body.items.filter((e: { subjectName: string | null }) => e.subjectName === 'Audited').map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['account.created_by_leader', 'setup_code.issued']));
  });

  it('records the redemption with the kind of secret and the shared phone', async () => {
    const created = await createVolunteer({ name: 'Redeemer', username: 'redeemer' });
    await redeem(created.body.setupCode.code, { pin: '583920' }, true);
    const redeemed = await t.prisma.auditEvent.findFirstOrThrow({ where: { subjectUserId: created.body.member.userId, action: 'setup_code.redeemed' } });
    expect(redeemed.details).toMatchObject({ secret: 'pin', sharedDevice: true });
    expect(redeemed.organisationId).toBe(world.orgA.id);
  });
});

describe('changing one’s PIN in the profile', () => {
  it('needs the current PIN, refuses weak PINs, ends the other sessions and is audit-logged', async () => {
    const created = await createVolunteer({ name: 'Aicha', phone: nextMoroccanMobile() });
    const phone: string = created.body.member.phone;
    const { client } = await redeem(created.body.setupCode.code, { pin: '583920' });
    const otherPhone = t.client();
    expect((await otherPhone.post('/api/auth/sign-in', { identifier: phone, password: '583920' })).status).toBe(200);

    expectError(await client.post('/api/me/pin', { currentPassword: '111111', newPin: '740263' }), 400, 'PASSWORD_INCORRECT');
    expectError(await client.post('/api/me/pin', { currentPassword: '583920', newPin: '123456' }), 400, 'PIN_TOO_WEAK');
    // The last six digits of one's own phone are as easy to guess.
    expectError(await client.post('/api/me/pin', { currentPassword: '583920', newPin: phone.slice(-6) }), 400, 'PIN_TOO_WEAK');
    expectError(await client.post('/api/me/pin', { currentPassword: '583920', newPin: '12345' }), 400, 'VALIDATION_FAILED');
    expectError(await client.post('/api/me/pin', { currentPassword: '583920', newPin: '７４０２６３' }), 400, 'VALIDATION_FAILED');
    // Nothing changed so far: the old PIN still signs in.
    expect((await t.client().post('/api/auth/sign-in', { identifier: phone, password: '583920' })).status).toBe(200);

    expect((await client.post('/api/me/pin', { currentPassword: '583920', newPin: '740263' })).status).toBe(204);
    expect((await client.get('/api/auth/session')).status).toBe(200);
    expectError(await otherPhone.get('/api/auth/session'), 401, 'UNAUTHENTICATED');
    expectError(await t.client().post('/api/auth/sign-in', { identifier: phone, password: '583920' }), 401, 'INVALID_CREDENTIALS');
    expect((await t.client().post('/api/auth/sign-in', { identifier: phone, password: '740263' })).status).toBe(200);
    const userId: string = created.body.member.userId ?? created.body.member.id;
    const audit = await t.prisma.auditEvent.findFirst({ where: { action: 'auth.pin_changed', subjectUserId: userId } });
    expect(audit?.details).toMatchObject({ sessionsEnded: expect.any(Number) });
    expectError(await t.client().post('/api/me/pin', { currentPassword: '740263', newPin: '402917' }), 401, 'UNAUTHENTICATED');
  });
});
