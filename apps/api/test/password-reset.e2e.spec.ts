import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createNetwork, createOrganisation, createUser } from './support/factories.js';
import { linkIn } from './support/mailbox.js';
import { PasswordResetService } from '../src/modules/password-reset/password-reset.service.js';

let t: TestApp;
let organisationId: string;
const NEW_PASSWORD = 'Tangier-Harbour-Lights-7';

beforeAll(async () => {
  t = await startTestApp();
  const network = await createNetwork(t.prisma);
  organisationId = (await createOrganisation(t.prisma, network.id)).id;
});
afterAll(async () => t?.close());

/** Requests a reset as a visitor would, and waits until the request's background work and its mail job are done. */
async function requestReset(email: string) {
  const response = await t.client().post('/api/auth/password-reset/request', { email });
  await t.app.get(PasswordResetService).settled();
  await t.jobs.drain();
  return response;
}

async function person(preferredLanguage = 'en') {
  const user = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId });
  return { ...(await t.prisma.user.update({ where: { id: user.id }, data: { preferredLanguage } })), email: user.email };
}

async function tokenFromMail(email: string, index = -1): Promise<string> {
  await t.mailbox.waitFor(email);
  const mail = t.mailbox.for(email).at(index)!;
  const link = linkIn(mail, '/reset-password');
  expect(`${link.origin}${link.pathname}`).toBe('http://tadamon.test/reset-password');
  return link.searchParams.get('token')!;
}

const confirm = (token: string, password = NEW_PASSWORD) =>
  t.client().post('/api/auth/password-reset/confirm', { token, password });

describe('requesting a reset', () => {
  it('answers 202 for known and unknown addresses alike, and mails only the known one', async () => {
    const user = await person('es');
    const known = await requestReset(user.email.toUpperCase());
    const unknown = await requestReset('nobody-here@example.test');
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    expect(unknown.text).toBe(known.text);

    const mail = await t.mailbox.waitFor(user.email);
    expect(mail.subject).toBe('Restablece tu contraseña de Tadamon');
    expect(mail.text).toContain(`Hola, ${user.name}:`);
    expect(mail.html).toContain('lang="es"');
    expect(t.mailbox.for('nobody-here@example.test')).toHaveLength(0);
    const audit = await t.prisma.auditEvent.findFirst({ where: { action: 'auth.password_reset_requested', subjectUserId: user.id } });
    expect(audit).not.toBeNull();
  });

  it('sends nothing to a disabled account', async () => {
    const user = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId, disabled: true });
    expect((await requestReset(user.email)).status).toBe(202);
    expect(t.mailbox.for(user.email)).toHaveLength(0);
  });

  it('sends at most 3 mails per account and hour, silently', async () => {
    const user = await person();
    for (let i = 0; i < 5; i++) expect((await requestReset(user.email)).status).toBe(202);
    expect(t.mailbox.for(user.email)).toHaveLength(3);
    expect(await t.prisma.passwordReset.count({ where: { userId: user.id } })).toBe(3);
  });

  it('refuses a malformed address with 400', async () => {
    const response = await t.client().post('/api/auth/password-reset/request', { email: 'not an address' });
    expect([response.status, response.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(response.body.details.fields).toHaveProperty('email');
  });
});

describe('confirming a reset', () => {
  it('sets the new password, ends every session and works only once', async () => {
    const user = await person('ar');
    const browser = t.client();
    await browser.signIn(user.email, TEST_PASSWORD);
    await requestReset(user.email);
    const mail = await t.mailbox.waitFor(user.email);
    expect(mail.subject).toBe('إعادة تعيين كلمة المرور على منصة تضامن');
    expect(mail.html).toContain('dir="rtl"');
    const token = await tokenFromMail(user.email);
    const stored = await t.prisma.passwordReset.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).not.toBe(token);
    // Valid for one hour from the request.
    expect(Math.abs(stored.expiresAt.getTime() - stored.createdAt.getTime() - 3600_000)).toBeLessThan(5_000);

    expect((await confirm(token)).status).toBe(204);
    expect((await browser.get('/api/auth/session')).status).toBe(401);
    const old = await t.client().post('/api/auth/sign-in', { email: user.email, password: TEST_PASSWORD });
    expect([old.status, old.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    await t.client().signIn(user.email, NEW_PASSWORD);

    const again = await confirm(token, 'Another-Fine-Password-9');
    expect([again.status, again.body.code]).toEqual([410, 'RESET_TOKEN_INVALID']);
    await t.client().signIn(user.email, NEW_PASSWORD);
    expect(await t.prisma.auditEvent.count({ where: { action: 'auth.password_reset', subjectUserId: user.id } })).toBe(1);
  });

  it('refuses an expired link', async () => {
    const user = await person();
    await requestReset(user.email);
    const token = await tokenFromMail(user.email);
    await t.prisma.passwordReset.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await confirm(token);
    expect([response.status, response.body.code]).toEqual([410, 'RESET_TOKEN_INVALID']);
    await t.client().signIn(user.email, TEST_PASSWORD);
  });

  it('makes an older link stop working when a newer one is requested', async () => {
    const user = await person();
    await requestReset(user.email);
    const first = await tokenFromMail(user.email);
    await requestReset(user.email);
    await t.mailbox.waitFor(user.email, () => t.mailbox.for(user.email).length === 2);
    const second = await tokenFromMail(user.email);
    expect(second).not.toBe(first);
    expect((await confirm(first)).status).toBe(410);
    expect((await confirm(second)).status).toBe(204);
  });

  it('refuses a common password and keeps the link usable', async () => {
    const user = await person();
    await requestReset(user.email);
    const token = await tokenFromMail(user.email);
    const weak = await confirm(token, 'iloveyou');
    expect([weak.status, weak.body.code]).toEqual([400, 'PASSWORD_TOO_COMMON']);
    const short = await confirm(token, 'short');
    expect([short.status, short.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await confirm(token)).status).toBe(204);
  });

  it('answers 410 for a made-up token', async () => {
    const response = await confirm('y'.repeat(43));
    expect([response.status, response.body.code]).toEqual([410, 'RESET_TOKEN_INVALID']);
  });

  it('lets one of two simultaneous confirmations through', async () => {
    const user = await person();
    await requestReset(user.email);
    const token = await tokenFromMail(user.email);
    const answers = await Promise.all([confirm(token, 'First-Choice-Password-1'), confirm(token, 'Second-Choice-Password-2')]);
    expect(answers.map((a) => a.status).sort()).toEqual([204, 410]);
    const winner = answers[0]!.status === 204 ? 'First-Choice-Password-1' : 'Second-Choice-Password-2';
    await t.client().signIn(user.email, winner);
  });
});
