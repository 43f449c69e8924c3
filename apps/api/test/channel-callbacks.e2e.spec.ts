import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChannelsWorld, type ChannelsWorld } from './support/channels-world.js';

let world: ChannelsWorld;
let t: ChannelsWorld['t'];
let sms: ChannelsWorld['sms'];
let whatsApp: ChannelsWorld['whatsApp'];
let apiUrl: string;
const person = (...args: Parameters<ChannelsWorld['person']>) => world.person(...args);
const choose = (...args: Parameters<ChannelsWorld['choose']>) => world.choose(...args);
const send = (...args: Parameters<ChannelsWorld['send']>) => world.send(...args);

beforeAll(async () => {
  world = await startChannelsWorld();
  ({ t, sms, whatsApp, apiUrl } = world);
});
afterAll(async () => world?.close());

describe('a run that died while sending', () => {
  it('is taken up by the retry, which moves on to the next channel', async () => {
    const user = await person();
    await choose(user, 'MEETING', ['WHATSAPP', 'EMAIL']);
    const reason = `interrupted:${user.id}`;
    const stored = await t.prisma.outboundMessage.create({ data: { reason, userId: user.id, kind: 'MEETING' } });
    // What a worker killed between claiming WhatsApp and hearing back from Meta leaves behind.
    await t.prisma.messageDelivery.create({
      data: { messageId: stored.id, channel: 'WHATSAPP', provider: 'whatsapp-cloud', recipient: user.phone!, status: 'QUEUED', createdAt: new Date(Date.now() - 60_000) },
    });
    const message = await send(user, { reason });
    expect(message.deliveries.map((d) => [d.channel, d.status, d.errorCode])).toEqual([
      ['WHATSAPP', 'FAILED', 'INTERRUPTED'],
      ['EMAIL', 'SENT', null],
    ]);
    expect(whatsApp.sent.filter((m) => m.to === user.phone)).toHaveLength(0);
  });

  it('leaves a try still within the provider\u2019s deadline alone (another worker is on it)', async () => {
    const user = await person();
    await choose(user, 'MEETING', ['WHATSAPP', 'EMAIL']);
    const reason = `in-flight:${user.id}`;
    const stored = await t.prisma.outboundMessage.create({ data: { reason, userId: user.id, kind: 'MEETING' } });
    await t.prisma.messageDelivery.create({
      data: { messageId: stored.id, channel: 'WHATSAPP', provider: 'whatsapp-cloud', recipient: user.phone!, status: 'QUEUED' },
    });
    const message = await send(user, { reason });
    expect(message.deliveries.map((d) => [d.channel, d.status])).toEqual([['WHATSAPP', 'QUEUED']]);
    expect(t.mailbox.for(user.email!)).toHaveLength(0);
  });
});

describe('forged provider callbacks', () => {
  async function sentSms() {
    const user = await person();
    await choose(user, 'MEETING', ['SMS', 'EMAIL']);
    await send(user);
    return sms.waitFor(user.phone!);
  }

  it('refuses Twilio callbacks that are unsigned, signed with another token or changed after signing, and records nothing', async () => {
    const message = await sentSms();
    const unsigned = await sms.deliverStatus(message, 'failed', { forge: 'unsigned' });
    expect([unsigned.status, unsigned.body?.code]).toEqual([401, 'CALLBACK_UNSIGNED']);
    const wrong = await sms.deliverStatus(message, 'failed', { forge: 'wrong-token' });
    expect([wrong.status, wrong.body?.code]).toEqual([403, 'CALLBACK_SIGNATURE_INVALID']);
    const tampered = await sms.deliverStatus(message, 'undelivered', { forge: 'tampered' });
    expect([tampered.status, tampered.body?.code]).toEqual([403, 'CALLBACK_SIGNATURE_INVALID']);
    expect(typeof wrong.body?.requestId).toBe('string');
    await t.jobs.drain();
    const delivery = await t.prisma.messageDelivery.findFirstOrThrow({ where: { providerMessageId: message.sid }, include: { events: true } });
    expect(delivery.status).toBe('SENT');
    expect(delivery.events).toHaveLength(0);
    // No fallback was started by the forged failures.
    expect(await t.prisma.messageDelivery.count({ where: { messageId: delivery.messageId } })).toBe(1);
  });

  it('refuses WhatsApp webhooks signed with another secret, and unknown providers', async () => {
    const user = await person();
    await choose(user, 'MEETING', ['WHATSAPP', 'EMAIL']);
    await send(user);
    const message = await whatsApp.waitFor(user.phone!);
    const forged = await whatsApp.deliverStatus(message, 'failed', { forge: 'wrong-secret', errorCode: 131026 });
    expect([forged.status, forged.body?.code]).toEqual([403, 'CALLBACK_SIGNATURE_INVALID']);
    const unsigned = await whatsApp.deliverStatus(message, 'failed', { forge: 'unsigned' });
    expect([unsigned.status, unsigned.body?.code]).toEqual([401, 'CALLBACK_UNSIGNED']);
    const delivery = await t.prisma.messageDelivery.findFirstOrThrow({ where: { providerMessageId: message.id }, include: { events: true } });
    expect([delivery.status, delivery.events.length]).toEqual(['SENT', 0]);
    const unknown = await fetch(`${apiUrl}/api/channels/callbacks/carrier-pigeon`, { method: 'POST', body: '{}' });
    expect([unknown.status, ((await unknown.json()) as { code: string }).code]).toEqual([404, 'NOT_FOUND']);
  });

  it('accepts a signed callback about a message it never sent, and records nothing', async () => {
    const stranger = { sid: 'SM00000000000000000000000000000000', from: '+15005550006', to: '+212600000000', body: '', statusCallback: `${apiUrl}/api/channels/callbacks/twilio` };
    expect((await sms.deliverStatus(stranger, 'delivered')).status).toBe(204);
    expect(await t.prisma.messageDeliveryEvent.count({ where: { delivery: { providerMessageId: stranger.sid } } })).toBe(0);
  });
});
