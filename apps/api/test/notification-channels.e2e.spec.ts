import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsLength } from '../src/common/channels/sms-segments.js';
import { CertificatesService } from '../src/modules/certificates/certificates.service.js';
import { TEST_PASSWORD } from './support/factories.js';
import { startChannelsWorld, type ChannelsWorld } from './support/channels-world.js';

let world: ChannelsWorld;
let t: ChannelsWorld['t'];
let sms: ChannelsWorld['sms'];
let whatsApp: ChannelsWorld['whatsApp'];
let apiUrl: string;
let networkId: string;
let organisationId: string;
const person = (...args: Parameters<ChannelsWorld['person']>) => world.person(...args);
const choose = (...args: Parameters<ChannelsWorld['choose']>) => world.choose(...args);
const send = (...args: Parameters<ChannelsWorld['send']>) => world.send(...args);

beforeAll(async () => {
  world = await startChannelsWorld();
  ({ t, sms, whatsApp, apiUrl, networkId, organisationId } = world);
});
afterAll(async () => world?.close());

describe('channel choices in the profile', () => {
  it('shows the defaults, saves an order per kind, and refuses channels that cannot reach the person', async () => {
    const user = await person();
    const browser = t.client();
    await browser.signIn(user.email!, TEST_PASSWORD);
    const initial = await browser.get('/api/me/channels');
    expect(initial.status).toBe(200);
    expect(initial.body.reachable).toEqual({ EMAIL: true, SMS: true, WHATSAPP: true });
    expect(initial.body.preferences).toHaveLength(8);
    expect(initial.body.preferences[0]).toEqual({ kind: 'INVITATION', channels: ['EMAIL', 'SMS'] });

    const saved = await browser.put('/api/me/channels', { preferences: [{ kind: 'MEETING', channels: ['WHATSAPP', 'SMS'] }] });
    expect(saved.status).toBe(200);
    expect(saved.body.preferences.find((p: { kind: string }) => p.kind === 'MEETING').channels).toEqual(['WHATSAPP', 'SMS']);

    const required = await browser.put('/api/me/channels', { preferences: [{ kind: 'PASSWORD_CODE', channels: [] }] });
    expect([required.status, required.body.code]).toEqual([422, 'CHANNEL_REQUIRED']);
    const duplicate = await browser.put('/api/me/channels', { preferences: [{ kind: 'MEETING', channels: ['SMS', 'SMS'] }] });
    expect([duplicate.status, duplicate.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('refuses SMS to someone without a phone, and changes nothing of a refused request', async () => {
    const user = await person({ phone: null });
    const browser = t.client();
    await browser.signIn(user.email!, TEST_PASSWORD);
    expect((await browser.get('/api/me/channels')).body.reachable).toEqual({ EMAIL: true, SMS: false, WHATSAPP: false });
    const refused = await browser.put('/api/me/channels', {
      preferences: [
        { kind: 'COURSE_DUE', channels: [] },
        { kind: 'MEETING', channels: ['SMS'] },
      ],
    });
    expect([refused.status, refused.body.code]).toEqual([422, 'CHANNEL_NOT_REACHABLE']);
    expect(refused.body.details).toEqual({ kind: 'MEETING', channels: ['SMS'] });
    expect(await t.prisma.messageChannelPreference.count({ where: { userId: user.id } })).toBe(0);
    expect((await t.client().get('/api/me/channels')).status).toBe(401);
  });
});

describe('sending through the person\u2019s channels', () => {
  it('sends an SMS through the Twilio API in the person\u2019s language, and records the delivery receipt', async () => {
    const user = await person({ language: 'fr' });
    await choose(user, 'MEETING', ['SMS', 'EMAIL']);
    const subject = 'Réunion demain : Les femmes dans les syndicats';
    const message = await send(user, { short: { template: 'notice', values: { subject, link: `${apiUrl}/meetings/1` } } });
    const received = await sms.waitFor(user.phone!);
    expect(received.body).toBe(`${subject}\n${apiUrl}/meetings/1`);
    expect(received.from).toBe('+15005550006');
    expect(received.statusCallback).toBe(`${apiUrl}/api/channels/callbacks/twilio`);
    expect(message.deliveries).toMatchObject([{ channel: 'SMS', provider: 'twilio', status: 'SENT', providerMessageId: received.sid, units: 1 }]);
    expect(t.mailbox.for(user.email!)).toHaveLength(0);

    expect((await sms.deliverStatus(received, 'sent')).status).toBe(204);
    expect((await sms.deliverStatus(received, 'delivered')).status).toBe(204);
    // A late "sent" does not take a delivered message back.
    expect((await sms.deliverStatus(received, 'sent')).status).toBe(204);
    const delivery = await t.prisma.messageDelivery.findFirstOrThrow({ where: { providerMessageId: received.sid }, include: { events: true, message: true } });
    expect(delivery.status).toBe('DELIVERED');
    expect(delivery.events.map((e) => e.providerStatus).sort()).toEqual(['delivered', 'sent', 'sent']);
    expect(delivery.message.payload).toBeNull();
  });

  it('keeps a long Arabic SMS within two UCS-2 segments and counts them', async () => {
    const user = await person({ language: 'ar' });
    await choose(user, 'CERTIFICATE_EXPIRY', ['SMS']);
    const subject = `تنتهي صلاحية شهادتك "${'الإسعافات الأولية في العمل النقابي '.repeat(4)}" قريبًا`;
    const link = `${apiUrl}/certificates`;
    const message = await send(user, { kind: 'CERTIFICATE_EXPIRY', short: { template: 'notice', values: { subject, link } } });
    const received = await sms.waitFor(user.phone!);
    expect(smsLength(received.body)).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    expect(received.body.endsWith(link)).toBe(true);
    expect(received.body.startsWith('تنتهي صلاحية شهادتك')).toBe(true);
    expect(message.deliveries[0]).toMatchObject({ channel: 'SMS', units: 2 });
  });

  it('sends WhatsApp template messages with a Bearer token, in the person\u2019s language', async () => {
    const user = await person({ language: 'ar' });
    await choose(user, 'MEETING', ['WHATSAPP']);
    const message = await send(user);
    const received = await whatsApp.waitFor(user.phone!);
    expect(received).toMatchObject({
      template: 'tadamon_notice',
      language: 'ar',
      parameters: ['Meeting tomorrow: Women in unions', `${apiUrl}/meetings/1`],
    });
    expect(message.deliveries).toMatchObject([{ channel: 'WHATSAPP', provider: 'whatsapp-cloud', status: 'SENT', providerMessageId: received.id }]);
    expect((await whatsApp.deliverStatus(received, 'read')).status).toBe(204);
    expect((await t.prisma.messageDelivery.findFirstOrThrow({ where: { providerMessageId: received.id } })).status).toBe('READ');
  });

  it('flattens line breaks in WhatsApp parameters, which Meta refuses', async () => {
    const user = await person();
    await choose(user, 'MEETING', ['WHATSAPP']);
    const message = await send(user, { short: { template: 'notice', values: { subject: 'Agenda:\n\tbudget', link: `${apiUrl}/m` } } });
    expect((await whatsApp.waitFor(user.phone!)).parameters[0]).toBe('Agenda: budget');
    expect(message.deliveries).toMatchObject([{ channel: 'WHATSAPP', status: 'SENT' }]);
  });

  it('never keeps an invitation\u2019s link (a secret) in the message record', async () => {
    const user = await person();
    await choose(user, 'INVITATION', ['SMS']);
    const message = await send(user, {
      kind: 'INVITATION',
      short: { template: 'notice', values: { subject: 'Invitation to join Al Amal', link: `${apiUrl}/invite?token=secret-token-123456` } },
    });
    expect((await sms.waitFor(user.phone!)).body).toContain('token=secret-token-123456');
    expect(message.payload).toBeNull();
  });

  it('sends a password code only to the phone, by WhatsApp when that comes first, never by e-mail', async () => {
    const user = await person({ language: 'fr' });
    await choose(user, 'PASSWORD_CODE', ['EMAIL', 'WHATSAPP', 'SMS']);
    whatsApp.next.push({ status: 400, body: { error: { message: 'Recipient is not a WhatsApp user', code: 131026 } } });
    const message = await send(user, {
      kind: 'PASSWORD_CODE',
      onlyChannels: ['SMS', 'WHATSAPP'],
      email: undefined,
      short: { template: 'password-code', values: { code: '082914' } },
    });
    expect(message.deliveries.map((d) => [d.channel, d.status, d.errorCode])).toEqual([
      ['WHATSAPP', 'FAILED', 'whatsapp:131026'],
      ['SMS', 'SENT', null],
    ]);
    expect((await sms.waitFor(user.phone!)).body).toContain('082914');
    expect(t.mailbox.for(user.email!)).toHaveLength(0);
    expect(message.payload).toBeNull();

    const other = await person({ language: 'es' });
    await choose(other, 'PASSWORD_CODE', ['WHATSAPP']);
    await send(other, { kind: 'PASSWORD_CODE', onlyChannels: ['SMS', 'WHATSAPP'], short: { template: 'password-code', values: { code: '551203' } } });
    expect(await whatsApp.waitFor(other.phone!)).toMatchObject({ template: 'tadamon_password_code', language: 'es', parameters: ['551203'] });
  });

  it('sends once when the same event is queued twice', async () => {
    const user = await person();
    await choose(user, 'MEETING', ['SMS']);
    await send(user, { reason: `twice:${user.id}` });
    await send(user, { reason: `twice:${user.id}` });
    expect(sms.for(user.phone!)).toHaveLength(1);
  });

  it('answers Meta\u2019s webhook check only with the verify token', async () => {
    const ok = await fetch(`${whatsApp.webhookUrl}?hub.mode=subscribe&hub.verify_token=whatsapp-verify-token&hub.challenge=1158201444`);
    expect([ok.status, await ok.text()]).toEqual([200, '1158201444']);
    const wrong = await fetch(`${whatsApp.webhookUrl}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1`);
    expect([wrong.status, ((await wrong.json()) as { code: string }).code]).toEqual([403, 'CALLBACK_SIGNATURE_INVALID']);
  });
});

describe('falling back to the next channel', () => {
  it('uses e-mail when the SMS provider refuses the number', async () => {
    const user = await person();
    await choose(user, 'MEETING', ['SMS', 'EMAIL']);
    sms.next.push({ status: 400, body: { code: 21211, message: 'The To number is not a valid phone number.', status: 400 } });
    const message = await send(user);
    expect(message.deliveries).toMatchObject([
      { channel: 'SMS', status: 'FAILED', errorCode: 'twilio:21211' },
      { channel: 'EMAIL', status: 'SENT' },
    ]);
    const mail = await t.mailbox.waitFor(user.email!);
    expect(mail.subject).toBe('Meeting tomorrow: Women in unions');
  });

  it('moves on when the SMS provider does not answer in time', async () => {
    const user = await person();
    await choose(user, 'MEETING', ['SMS', 'WHATSAPP']);
    sms.next.push('hang');
    const started = Date.now();
    const message = await send(user);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(message.deliveries).toMatchObject([
      { channel: 'SMS', status: 'FAILED', errorCode: 'TIMEOUT' },
      { channel: 'WHATSAPP', status: 'SENT' },
    ]);
    await whatsApp.waitFor(user.phone!);
  });

  it('records the provider\u2019s error codes (WhatsApp template missing, server errors)', async () => {
    const user = await person();
    await choose(user, 'MEETING', ['WHATSAPP', 'SMS', 'EMAIL']);
    whatsApp.next.push({ status: 404, body: { error: { message: 'Template name does not exist', code: 132001 } } });
    sms.next.push({ status: 503, body: '<html>Service Unavailable</html>' });
    const message = await send(user);
    expect(message.deliveries).toMatchObject([
      { channel: 'WHATSAPP', status: 'FAILED', errorCode: 'whatsapp:132001' },
      { channel: 'SMS', status: 'FAILED', errorCode: 'HTTP_503' },
      { channel: 'EMAIL', status: 'SENT' },
    ]);
  });

  it('falls back when a callback later reports the WhatsApp message failed', async () => {
    const user = await person({ language: 'es' });
    await choose(user, 'COURSE_DUE', ['WHATSAPP', 'SMS']);
    const message = await send(user, { kind: 'COURSE_DUE' });
    const first = await whatsApp.waitFor(user.phone!);
    expect(sms.for(user.phone!)).toHaveLength(0);
    expect((await whatsApp.deliverStatus(first, 'failed', { errorCode: 131026 })).status).toBe(204);
    await t.jobs.drain();
    await sms.waitFor(user.phone!);
    const deliveries = await t.prisma.messageDelivery.findMany({ where: { messageId: message.id }, orderBy: { createdAt: 'asc' } });
    expect(deliveries).toMatchObject([
      { channel: 'WHATSAPP', status: 'FAILED', errorCode: 'whatsapp:131026' },
      { channel: 'SMS', status: 'SENT' },
    ]);
    // The same failure reported again starts nothing new.
    expect((await whatsApp.deliverStatus(first, 'failed', { errorCode: 131026 })).status).toBe(204);
    await t.jobs.drain();
    expect(sms.for(user.phone!)).toHaveLength(1);
  });
});

describe('features send through the channels', () => {
  it('a certificate expiry reminder reaches its holder by SMS, in Arabic, when that is their choice', async () => {
    const holder = await person({ language: 'ar' });
    await choose(holder, 'CERTIFICATE_EXPIRY', ['SMS', 'EMAIL']);
    const type = await t.prisma.certificateType.create({
      data: { networkId, names: { en: 'First aid volunteer', ar: 'مسعف متطوع' }, validityMonths: 1 },
    });
    const { certificate } = await t.app.get(CertificatesService).issue({
      certificateTypeId: type.id,
      holderUserId: holder.id,
      organisationId,
      reason: 'assessor',
      issuedById: null,
    });
    await t.jobs.enqueue('certificate.expiry-reminder', { certificateId: certificate.id, daysBefore: 14 }, { jobId: `test-expiry-${certificate.id}` });
    await t.jobs.drain();
    const received = await sms.waitFor(holder.phone!);
    expect(received.body).toContain('مسعف متطوع');
    expect(received.body.endsWith(`${apiUrl}/certificates`)).toBe(true);
    expect(smsLength(received.body).segments).toBeLessThanOrEqual(2);
    const message = await t.prisma.outboundMessage.findFirstOrThrow({ where: { userId: holder.id, kind: 'CERTIFICATE_EXPIRY' }, include: { deliveries: true } });
    expect(message.networkId).toBe(networkId);
    expect(message.deliveries).toMatchObject([{ channel: 'SMS', status: 'SENT' }]);
    expect(t.mailbox.for(holder.email!)).toHaveLength(0);
  });
});
