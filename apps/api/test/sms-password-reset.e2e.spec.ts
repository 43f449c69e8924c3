import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createNetwork, createOrganisation, createUser } from './support/factories.js';
import { SmsProviderServer } from './support/sms-provider-server.js';
import { SmsPasswordResetService } from '../src/modules/password-reset/sms-password-reset.service.js';

let t: TestApp;
let sms: SmsProviderServer;
let organisationId: string;
const NEW_PASSWORD = 'Bamako-River-Evening-4';

beforeAll(async () => {
  sms = await new SmsProviderServer().start();
  // Behind a proxy, as in production: the client address comes from X-Forwarded-For.
  t = await startTestApp({ ...sms.env, PHONE_CODES_PER_NUMBER_PER_HOUR: '3', PHONE_CODES_PER_ADDRESS_PER_HOUR: '5', TRUST_PROXY: 'true' });
  organisationId = (await createOrganisation(t.prisma, (await createNetwork(t.prisma)).id)).id;
});
afterAll(async () => {
  await t?.close();
  await sms?.stop();
});

const newPhone = () => `+2237${String(randomInt(0, 10_000_000)).padStart(7, '0')}`;

async function person(language = 'fr') {
  const user = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId });
  return t.prisma.user.update({ where: { id: user.id }, data: { preferredLanguage: language, phone: newPhone() } });
}

/** Asks for a code as the sign-in page does, from one client address, and waits for the SMS job. */
let addresses = 0;
async function requestCode(phone: string, ip = `198.51.100.${++addresses % 250}`) {
  const client = t.client();
  const csrf = (await client.agent.get('/api/auth/csrf')).body.csrfToken as string;
  const response = await client.agent
    .post('/api/auth/password-reset/sms/request')
    .set('x-csrf-token', csrf)
    .set('x-forwarded-for', ip)
    .send({ phone });
  await t.app.get(SmsPasswordResetService).settled();
  await t.jobs.drain();
  return response;
}

async function codeSentTo(phone: string, index = -1): Promise<string> {
  await sms.waitFor(phone);
  const body = sms.for(phone).at(index)!.body;
  const code = /\b(\d{6})\b/.exec(body)?.[1];
  expect(code).toBeDefined();
  return code!;
}

const confirm = (phone: string, code: string, password = NEW_PASSWORD) =>
  t.client().post('/api/auth/password-reset/sms/confirm', { phone, code, password });

describe('asking for a code by SMS', () => {
  it('answers 202 for known and unknown numbers alike, and texts a 6-digit code in the person\u2019s language', async () => {
    const user = await person('fr');
    const known = await requestCode(user.phone!);
    const unknown = await requestCode('+22370000000');
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(unknown.text).toBe(known.text);
    const code = await codeSentTo(user.phone!);
    expect(sms.for(user.phone!)[0]!.body).toBe(
      `Tadamon : votre code pour changer de mot de passe est ${code}. Il est valable 10 minutes. Ne le donnez à personne.`,
    );
    expect(sms.for('+22370000000')).toHaveLength(0);
    // Never by e-mail, and only a hash is stored.
    expect(t.mailbox.for(user.email!)).toHaveLength(0);
    const stored = await t.prisma.phoneCode.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.codeHash).not.toContain(code);
    expect(Math.abs(stored.expiresAt.getTime() - stored.createdAt.getTime() - 600_000)).toBeLessThan(5_000);
    const message = await t.prisma.outboundMessage.findFirstOrThrow({ where: { userId: user.id, kind: 'PASSWORD_CODE' } });
    expect(message.payload).toBeNull();
  });

  it('refuses a malformed number with 400 and field errors', async () => {
    const response = await t.client().post('/api/auth/password-reset/sms/request', { phone: '0612345678' });
    expect([response.status, response.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(response.body.details.fields).toHaveProperty('phone');
  });

  it('limits codes per number: the fourth request in an hour answers 429 and sends nothing', async () => {
    const user = await person();
    for (let i = 0; i < 3; i++) expect((await requestCode(user.phone!)).status).toBe(202);
    const fourth = await requestCode(user.phone!);
    expect([fourth.status, fourth.body.code]).toEqual([429, 'PHONE_CODE_RATE_LIMITED']);
    expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(0);
    expect(sms.for(user.phone!)).toHaveLength(3);
    expect(await t.prisma.phoneCode.count({ where: { userId: user.id } })).toBe(3);
    // Unknown numbers are counted the same way, so the limit tells nothing about accounts.
    const stranger = '+22371111111';
    for (let i = 0; i < 3; i++) await requestCode(stranger);
    expect((await requestCode(stranger)).status).toBe(429);
  });

  it('limits codes per client address, whatever numbers it tries', async () => {
    const ip = '203.0.113.9';
    const numbers = Array.from({ length: 6 }, newPhone);
    const answers = [];
    for (const phone of numbers) answers.push((await requestCode(phone, ip)).status);
    expect(answers).toEqual([202, 202, 202, 202, 202, 429]);
    // Another address is not held back by it.
    expect((await requestCode(numbers[5]!, '203.0.113.10')).status).toBe(202);
  });
});

describe('confirming with the code', () => {
  it('sets the new password, ends every session and works only once', async () => {
    const user = await person('ar');
    const browser = t.client();
    await browser.signIn(user.email!, TEST_PASSWORD);
    await requestCode(user.phone!);
    const code = await codeSentTo(user.phone!);
    expect(sms.for(user.phone!)[0]!.body).toContain('رمز إعادة تعيين كلمة المرور');

    expect((await confirm(user.phone!, code)).status).toBe(204);
    expect((await browser.get('/api/auth/session')).status).toBe(401);
    await t.client().signIn(user.email!, NEW_PASSWORD);

    const reused = await confirm(user.phone!, code, 'Yet-Another-Password-5');
    expect([reused.status, reused.body.code]).toEqual([410, 'PHONE_CODE_INVALID']);
    await t.client().signIn(user.email!, NEW_PASSWORD);
    expect(await t.prisma.auditEvent.count({ where: { action: 'auth.password_reset', subjectUserId: user.id } })).toBe(1);
  });

  it('refuses an expired code and keeps the old password', async () => {
    const user = await person();
    await requestCode(user.phone!);
    const code = await codeSentTo(user.phone!);
    await t.prisma.phoneCode.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await confirm(user.phone!, code);
    expect([response.status, response.body.code]).toEqual([410, 'PHONE_CODE_INVALID']);
    await t.client().signIn(user.email!, TEST_PASSWORD);
  });

  it('makes an older code stop working when a newer one is sent', async () => {
    const user = await person();
    await requestCode(user.phone!);
    const first = await codeSentTo(user.phone!, 0);
    await requestCode(user.phone!);
    await sms.waitFor(user.phone!);
    while (sms.for(user.phone!).length < 2) await new Promise((r) => setTimeout(r, 25));
    const second = await codeSentTo(user.phone!, 1);
    if (first !== second) {
      const old = await confirm(user.phone!, first);
      expect([old.status, old.body.code]).toEqual([410, 'PHONE_CODE_INVALID']);
    }
    expect((await confirm(user.phone!, second)).status).toBe(204);
  });

  it('kills a code after five wrong guesses, even the right one afterwards', async () => {
    const user = await person();
    await requestCode(user.phone!);
    const code = await codeSentTo(user.phone!);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const response = await confirm(user.phone!, wrong);
      expect([response.status, response.body.code]).toEqual([410, 'PHONE_CODE_INVALID']);
    }
    const late = await confirm(user.phone!, code);
    expect([late.status, late.body.code]).toEqual([410, 'PHONE_CODE_INVALID']);
    await t.client().signIn(user.email!, TEST_PASSWORD);
  });

  it('keeps the code when the new password is refused, and sets nothing', async () => {
    const user = await person();
    await requestCode(user.phone!);
    const code = await codeSentTo(user.phone!);
    const weak = await confirm(user.phone!, code, 'password');
    expect(weak.status).toBe(400);
    expect((await t.prisma.phoneCode.findFirstOrThrow({ where: { userId: user.id } })).usedAt).toBeNull();
    await t.client().signIn(user.email!, TEST_PASSWORD);
    expect((await confirm(user.phone!, code)).status).toBe(204);
  });

  it('answers the same for a number without an account and for a disabled one', async () => {
    const disabled = await person();
    await t.prisma.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    await requestCode(disabled.phone!);
    expect(sms.for(disabled.phone!)).toHaveLength(0);
    const a = await confirm(disabled.phone!, '123456');
    const b = await confirm('+22379999999', '123456');
    expect([a.status, a.body.code, b.status, b.body.code]).toEqual([410, 'PHONE_CODE_INVALID', 410, 'PHONE_CODE_INVALID']);
  });
});
