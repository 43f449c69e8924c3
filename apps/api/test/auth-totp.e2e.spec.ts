import type request from 'supertest';
import { authenticator } from 'otplib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sessionResponseSchema } from '@tadamon/shared';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createUser, createWorld } from './support/factories.js';
import { TestClient } from './support/test-client.js';

/**
 * Two-factor authentication through the real API: enrolment at a coordinator's first sign-in,
 * codes at later sign-ins, recovery codes, replay and expiry, back-off, and turning it off.
 */
let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
});
afterAll(async () => t?.close());
// Every request comes from one address: start each test with clean back-off counters.
beforeEach(async () => {
  await t.prisma.signInThrottle.deleteMany();
});

function expectError(response: request.Response, status: number, code: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body.code).toBe(code);
  expect(Object.keys(response.body).filter((k) => k !== 'details').sort()).toEqual(['code', 'message', 'requestId']);
}

/** The code an authenticator app shows `offsetSteps` 30-second steps from now. */
const codeAt = (secret: string, offsetSteps = 0) =>
  authenticator.clone({ epoch: Date.now() + offsetSteps * 30_000 }).generate(secret);

/**
 * Waits until at least 12 seconds are left in the current 30-second step, so that a test
 * that spends the step's code and then expects it refused does not straddle two steps.
 */
async function startOfAStep() {
  const left = 30_000 - (Date.now() % 30_000);
  if (left < 12_000) await new Promise((resolve) => setTimeout(resolve, left + 200));
}

/** Signs in with the password only: the session may still owe its second factor. */
async function passwordOnly(email: string) {
  const client = new TestClient(t.app.getHttpServer());
  const response = await client.post('/api/auth/sign-in', { email, password: TEST_PASSWORD });
  expect(response.status).toBe(200);
  expect(sessionResponseSchema.safeParse(response.body).success).toBe(true);
  return { client, session: response.body };
}

/** Enrols a person through the API and answers their secret and recovery codes. */
async function enrol(client: TestClient) {
  const started = await client.post('/api/auth/totp/enrolment');
  expect(started.status).toBe(200);
  const confirmed = await client.post('/api/auth/totp/enrolment/confirm', { code: codeAt(started.body.secret) });
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  return { secret: started.body.secret as string, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}

const auditActions = async (userId: string) =>
  (await t.prisma.auditEvent.findMany({ where: { subjectUserId: userId }, orderBy: { at: 'asc' } })).map((e) => e.action);

describe('a coordinator without TOTP', () => {
  it('is asked to enrol at sign-in and cannot act before', async () => {
    const coordinator = await createUser(t.prisma, { role: 'COORDINATOR', networkId: world.network.id });
    const { client, session } = await passwordOnly(coordinator.email);
    expect(session.secondFactor).toBe('enrol');
    expect(session.permissions).toEqual([]);
    expect(session.networkRoles).toEqual([]);

    // Nothing but the second-factor routes: the organisations list and the profile refuse.
    const organisations = await client.get(`/api/organisations/${world.orgA.id}`);
    expectError(organisations, 401, 'SECOND_FACTOR_REQUIRED');
    expect(organisations.body.details).toEqual({ step: 'enrol' });
    expectError(await client.get('/api/me/profile'), 401, 'SECOND_FACTOR_REQUIRED');
    expectError(await client.get('/api/auth/totp'), 401, 'SECOND_FACTOR_REQUIRED');

    const started = await client.post('/api/auth/totp/enrolment');
    expect(started.status).toBe(200);
    expect(started.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.body.otpauthUrl).toContain(`secret=${started.body.secret}`);
    expect(started.body.otpauthUrl).toContain('issuer=Tadamon');
    expect(Buffer.from(started.body.qrCodeDataUrl.split(',')[1], 'base64').toString()).toContain('<svg');
    // The secret is stored encrypted, never as it is.
    const stored = await t.prisma.userTotp.findUniqueOrThrow({ where: { userId: coordinator.id } });
    expect(stored.secretEncrypted).not.toContain(started.body.secret);
    expect(stored.enabledAt).toBeNull();

    // A wrong first code turns nothing on and hands out no recovery codes.
    const wrongCode = codeAt(started.body.secret) === '000000' ? '111111' : '000000';
    expectError(await client.post('/api/auth/totp/enrolment/confirm', { code: wrongCode }), 400, 'TOTP_CODE_INVALID');
    expect((await t.prisma.userTotp.findUniqueOrThrow({ where: { userId: coordinator.id } })).enabledAt).toBeNull();
    expect(await t.prisma.userRecoveryCode.count({ where: { userId: coordinator.id } })).toBe(0);
    expectError(await client.get('/api/me/profile'), 401, 'SECOND_FACTOR_REQUIRED');

    const confirmed = await client.post('/api/auth/totp/enrolment/confirm', { code: codeAt(started.body.secret) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
    // Recovery codes are kept hashed.
    const hashes = await t.prisma.userRecoveryCode.findMany({ where: { userId: coordinator.id } });
    expect(hashes).toHaveLength(10);
    for (const code of confirmed.body.recoveryCodes) expect(hashes.map((h) => h.codeHash)).not.toContain(code);

    // The same session now works, with the coordinator's permissions.
    const now = await client.get('/api/auth/session');
    expect(now.body.secondFactor).toBeUndefined();
    expect(now.body.networkRoles).toEqual([expect.objectContaining({ networkId: world.network.id, role: 'COORDINATOR' })]);
    expect((await client.get(`/api/organisations/${world.orgA.id}`)).status).toBe(200);
    expect((await client.get('/api/auth/totp')).body).toEqual({ enabled: true, required: true, recoveryCodesLeft: 10 });

    expect(await auditActions(coordinator.id)).toEqual(['auth.sign_in', 'auth.totp_enrolment_started', 'auth.second_factor_failed', 'auth.totp_enabled']);
  });

  it('applies to platform admins too, and a half-signed-in session can sign out', async () => {
    const admin = await createUser(t.prisma, { role: 'PLATFORM_ADMIN' });
    const { client, session } = await passwordOnly(admin.email);
    expect(session.secondFactor).toBe('enrol');
    expect(session.user.isPlatformAdmin).toBe(false);
    expectError(await client.get('/api/admin/jobs/failed'), 401, 'SECOND_FACTOR_REQUIRED');
    expect((await client.post('/api/auth/sign-out')).status).toBe(204);
    expectError(await client.get('/api/auth/session'), 401, 'UNAUTHENTICATED');
  });

  it('a volunteer signs in with no second factor and may leave it off', async () => {
    const { client, session } = await passwordOnly(world.volunteerA.email);
    expect(session.secondFactor).toBeUndefined();
    expect((await client.get('/api/auth/totp')).body).toEqual({ enabled: false, required: false, recoveryCodesLeft: 0 });
  });
});

describe('signing in with TOTP on', () => {
  it('asks for a code, refuses a wrong, expired or reused one, and accepts the next', async () => {
    await startOfAStep();
    const coordinator = await createUser(t.prisma, { role: 'COORDINATOR', networkId: world.network.id });
    const { secret } = await enrol((await passwordOnly(coordinator.email)).client);

    const { client, session } = await passwordOnly(coordinator.email);
    expect(session.secondFactor).toBe('verify');
    expectError(await client.get('/api/me/profile'), 401, 'SECOND_FACTOR_REQUIRED');
    // Enrolling again is not a way around the code.
    expectError(await client.post('/api/auth/totp/enrolment'), 401, 'SECOND_FACTOR_REQUIRED');

    // The code that confirmed enrolment was spent: the same 30-second step is refused.
    expectError(await client.post('/api/auth/second-factor/verify', { code: codeAt(secret) }), 400, 'TOTP_CODE_REUSED');
    expectError(await client.post('/api/auth/second-factor/verify', { code: codeAt(secret, -10) }), 400, 'TOTP_CODE_EXPIRED');
    const wrong = codeAt(secret, 1) === '123456' ? '654321' : '123456';
    expectError(await client.post('/api/auth/second-factor/verify', { code: wrong }), 400, 'TOTP_CODE_INVALID');
    expectError(await client.post('/api/auth/second-factor/verify', { code: 'twelve' }), 400, 'VALIDATION_FAILED');
    expectError(await client.get('/api/me/profile'), 401, 'SECOND_FACTOR_REQUIRED');

    // The next step's code (one step ahead is accepted for a phone clock a little fast).
    const next = codeAt(secret, 1);
    expect((await client.post('/api/auth/second-factor/verify', { code: next })).status).toBe(204);
    expect((await client.get('/api/me/profile')).status).toBe(200);
    expectError(await client.post('/api/auth/second-factor/verify', { code: next }), 409, 'CONFLICT');

    // Replaying that code in another sign-in is refused.
    const replay = await passwordOnly(coordinator.email);
    expectError(await replay.client.post('/api/auth/second-factor/verify', { code: next }), 400, 'TOTP_CODE_REUSED');
    expectError(await replay.client.get('/api/me/profile'), 401, 'SECOND_FACTOR_REQUIRED');

    const actions = await auditActions(coordinator.id);
    expect(actions.filter((a) => a === 'auth.second_factor_failed')).toHaveLength(4);
    expect(actions).toContain('auth.second_factor_verified');
  });

  it('accepts each recovery code once', async () => {
    const coordinator = await createUser(t.prisma, { role: 'COORDINATOR', networkId: world.network.id });
    const { recoveryCodes } = await enrol((await passwordOnly(coordinator.email)).client);

    const first = await passwordOnly(coordinator.email);
    // People type them with spaces or capitals; both are forgiven.
    const typed = ` ${recoveryCodes[0]!.toUpperCase()} `;
    expect((await first.client.post('/api/auth/second-factor/verify', { code: typed })).status).toBe(204);
    expect((await first.client.get('/api/auth/totp')).body.recoveryCodesLeft).toBe(9);

    const second = await passwordOnly(coordinator.email);
    expectError(await second.client.post('/api/auth/second-factor/verify', { code: recoveryCodes[0] }), 400, 'RECOVERY_CODE_USED');
    expectError(await second.client.post('/api/auth/second-factor/verify', { code: 'aaaaa-bbbbb' }), 400, 'TOTP_CODE_INVALID');
    expect((await second.client.post('/api/auth/second-factor/verify', { code: recoveryCodes[1] })).status).toBe(204);
    const verified = await t.prisma.auditEvent.findMany({ where: { subjectUserId: coordinator.id, action: 'auth.second_factor_verified' } });
    expect(verified.map((e) => e.details)).toEqual([{ method: 'recovery_code' }, { method: 'recovery_code' }]);
  });

  it('backs off after repeated wrong codes, like wrong passwords, even against the right code', async () => {
    await startOfAStep();
    const coordinator = await createUser(t.prisma, { role: 'COORDINATOR', networkId: world.network.id });
    const { secret } = await enrol((await passwordOnly(coordinator.email)).client);
    const { client } = await passwordOnly(coordinator.email);
    const wrong = ['111111', '222222', '333333', '444444', '555555', '666666'].filter((c) => c !== codeAt(secret, 1)).slice(0, 5);
    for (const code of wrong) expectError(await client.post('/api/auth/second-factor/verify', { code }), 400, 'TOTP_CODE_INVALID');
    const locked = await client.post('/api/auth/second-factor/verify', { code: codeAt(secret, 1) });
    expectError(locked, 429, 'TOO_MANY_ATTEMPTS');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expectError(await client.get('/api/me/profile'), 401, 'SECOND_FACTOR_REQUIRED');
    // A fresh sign-in does not reset the count: the lock is the person's, not the session's.
    const again = await passwordOnly(coordinator.email);
    expectError(await again.client.post('/api/auth/second-factor/verify', { code: codeAt(secret, 1) }), 429, 'TOO_MANY_ATTEMPTS');
  });
});

describe('optional TOTP for a volunteer', () => {
  it('is turned on, asked at sign-in, and turned off only with the password and a code', async () => {
    await startOfAStep();
    const volunteer = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: world.orgA.id });
    const { client } = await passwordOnly(volunteer.email);
    expectError(await client.post('/api/auth/totp/enrolment/confirm', { code: '123456' }), 409, 'TOTP_ENROLMENT_NOT_STARTED');
    expectError(await client.post('/api/auth/totp/disable', { password: TEST_PASSWORD, code: '123456' }), 409, 'TOTP_NOT_ENABLED');
    const { secret, recoveryCodes } = await enrol(client);
    expectError(await client.post('/api/auth/totp/enrolment'), 409, 'TOTP_ALREADY_ENABLED');
    expect((await client.get('/api/me/profile')).status).toBe(200);

    const later = await passwordOnly(volunteer.email);
    expect(later.session.secondFactor).toBe('verify');
    expect((await later.client.post('/api/auth/second-factor/verify', { code: codeAt(secret, 1) })).status).toBe(204);

    expectError(await client.post('/api/auth/totp/disable', { password: 'not the password', code: recoveryCodes[0] }), 400, 'PASSWORD_INCORRECT');
    expectError(await client.post('/api/auth/totp/disable', { password: TEST_PASSWORD, code: 'zzzzz-zzzzz' }), 400, 'TOTP_CODE_INVALID');
    expectError(await client.post('/api/auth/totp/disable', { password: TEST_PASSWORD }), 400, 'VALIDATION_FAILED');
    expect((await client.get('/api/auth/totp')).body.enabled).toBe(true);
    // The recovery code was not spent by the refused attempt with the wrong password.
    expect((await client.post('/api/auth/totp/disable', { password: TEST_PASSWORD, code: recoveryCodes[0] })).status).toBe(204);
    expect((await client.get('/api/auth/totp')).body).toEqual({ enabled: false, required: false, recoveryCodesLeft: 0 });
    expect(await t.prisma.userRecoveryCode.count({ where: { userId: volunteer.id } })).toBe(0);

    expect((await passwordOnly(volunteer.email)).session.secondFactor).toBeUndefined();
    const actions = await auditActions(volunteer.id);
    expect(actions).toEqual(expect.arrayContaining(['auth.totp_enabled', 'auth.totp_disabled', 'auth.second_factor_verified']));
  });

  it('cannot be turned off by a coordinator', async () => {
    const coordinator = await createUser(t.prisma, { role: 'COORDINATOR', networkId: world.network.id });
    const { client } = await passwordOnly(coordinator.email);
    const { recoveryCodes } = await enrol(client);
    expectError(await client.post('/api/auth/totp/disable', { password: TEST_PASSWORD, code: recoveryCodes[0] }), 403, 'TOTP_REQUIRED_FOR_ROLE');
    expect((await client.get('/api/auth/totp')).body).toEqual({ enabled: true, required: true, recoveryCodesLeft: 10 });
  });
});

describe('new recovery codes', () => {
  it('replace every old code, shown once, with the password and a current code, and are audit-logged', async () => {
    await startOfAStep();
    const coordinator = await createUser(t.prisma, { role: 'COORDINATOR', networkId: world.network.id });
    const { client } = await passwordOnly(coordinator.email);
    const { secret, recoveryCodes } = await enrol(client);
    const before = await t.prisma.userRecoveryCode.findMany({ where: { userId: coordinator.id } });

    expectError(await client.post('/api/auth/totp/recovery-codes', { password: 'not the password', code: codeAt(secret, 1) }), 400, 'PASSWORD_INCORRECT');
    expectError(await client.post('/api/auth/totp/recovery-codes', { password: TEST_PASSWORD, code: '000000' === codeAt(secret, 1) ? '111111' : '000000' }), 400, 'TOTP_CODE_INVALID');
    expectError(await client.post('/api/auth/totp/recovery-codes', { password: TEST_PASSWORD }), 400, 'VALIDATION_FAILED');
    // Refused attempts changed nothing.
    expect((await t.prisma.userRecoveryCode.findMany({ where: { userId: coordinator.id } })).map((c) => c.codeHash).sort()).toEqual(before.map((c) => c.codeHash).sort());

    const fresh = await client.post('/api/auth/totp/recovery-codes', { password: TEST_PASSWORD, code: codeAt(secret, 1) });
    expect(fresh.status, JSON.stringify(fresh.body)).toBe(200);
    const newCodes = fresh.body.recoveryCodes as string[];
    expect(newCodes).toHaveLength(10);
    expect(newCodes.some((c) => recoveryCodes.includes(c))).toBe(false);
    // Only hashes are kept: the codes cannot be read back.
    const stored = await t.prisma.userRecoveryCode.findMany({ where: { userId: coordinator.id } });
    expect(stored).toHaveLength(10);
    expect(stored.some((row) => newCodes.includes(row.codeHash))).toBe(false);
    expect((await client.get('/api/auth/totp')).body.recoveryCodesLeft).toBe(10);

    const later = await passwordOnly(coordinator.email);
    expectError(await later.client.post('/api/auth/second-factor/verify', { code: recoveryCodes[2] }), 400, 'TOTP_CODE_INVALID');
    expect((await later.client.post('/api/auth/second-factor/verify', { code: newCodes[0] })).status).toBe(204);
    expect(await auditActions(coordinator.id)).toContain('auth.recovery_codes_regenerated');
  });

  it('are refused without TOTP, and to a session that still owes its code', async () => {
    const volunteer = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: world.orgA.id });
    const { client } = await passwordOnly(volunteer.email);
    expectError(await client.post('/api/auth/totp/recovery-codes', { password: TEST_PASSWORD, code: '123456' }), 409, 'TOTP_NOT_ENABLED');
    const coordinator = await createUser(t.prisma, { role: 'COORDINATOR', networkId: world.network.id });
    const { secret } = await enrol((await passwordOnly(coordinator.email)).client);
    const halfway = await passwordOnly(coordinator.email);
    expectError(await halfway.client.post('/api/auth/totp/recovery-codes', { password: TEST_PASSWORD, code: codeAt(secret) }), 401, 'SECOND_FACTOR_REQUIRED');
    expectError(await t.client().post('/api/auth/totp/recovery-codes', { password: TEST_PASSWORD, code: '123456' }), 401, 'UNAUTHENTICATED');
  });
});
