import { randomInt } from 'node:crypto';
import { expect } from 'vitest';
import type { MessageChannel, MessageKind } from '@tadamon/shared';
import type { JobPayload } from '../../src/common/jobs/job-catalogue.js';
import { freePort } from './clamd-test-server.js';
import { TEST_PASSWORD, createNetwork, createOrganisation, createUser } from './factories.js';
import { SmsProviderServer } from './sms-provider-server.js';
import { startTestApp, type TestApp } from './test-app.js';
import { WhatsAppProviderServer } from './whatsapp-provider-server.js';

export const newPhone = () => `+2126${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;

/**
 * The API listening on a real port (so the providers' callbacks are real HTTP requests to it),
 * with a Twilio-speaking SMS server and a WhatsApp Cloud API server, one network and one
 * organisation, and the helpers the channel tests share.
 */
export async function startChannelsWorld(env: Record<string, string> = {}) {
  const sms = await new SmsProviderServer().start();
  const whatsApp = await new WhatsAppProviderServer().start();
  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}`;
  const t: TestApp = await startTestApp({ ...sms.env, ...whatsApp.env, PUBLIC_URL: apiUrl, CHANNEL_TIMEOUT_MS: '400', ...env });
  await t.app.listen(port, '127.0.0.1');
  whatsApp.webhookUrl = `${apiUrl}/api/channels/callbacks/whatsapp`;
  const network = await createNetwork(t.prisma);
  const organisationId = (await createOrganisation(t.prisma, network.id)).id;

  async function person(options: { language?: string; phone?: string | null } = {}) {
    const user = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId });
    return t.prisma.user.update({
      where: { id: user.id },
      data: { preferredLanguage: options.language ?? 'en', phone: options.phone === undefined ? newPhone() : options.phone },
    });
  }
  type Person = Awaited<ReturnType<typeof person>>;

  /** Chooses channels the way the person would, through the profile API. */
  async function choose(user: Person, kind: MessageKind, channels: MessageChannel[]) {
    const browser = t.client();
    await browser.signIn(user.email!, TEST_PASSWORD);
    const response = await browser.put('/api/me/channels', { preferences: [{ kind, channels }] });
    expect(response.status).toBe(200);
  }

  let sequence = 0;
  /** Queues a message the way the features do (meeting reminders, certificate expiry…) and lets it run. */
  async function send(user: Person, overrides: Partial<JobPayload<'messages.send'>> = {}) {
    const reason = overrides.reason ?? `test-message:${user.id}:${sequence++}`;
    await t.jobs.enqueue(
      'messages.send',
      {
        reason,
        kind: 'MEETING',
        userId: user.id,
        email: { subject: 'Meeting tomorrow: Women in unions', text: 'The meeting starts tomorrow at 10:00.' },
        short: { template: 'notice', values: { subject: 'Meeting tomorrow: Women in unions', link: `${apiUrl}/meetings/1` } },
        ...overrides,
      },
      { jobId: reason },
    );
    await t.jobs.drain();
    return t.prisma.outboundMessage.findUniqueOrThrow({
      where: { reason },
      include: { deliveries: { orderBy: { createdAt: 'asc' }, include: { events: true } } },
    });
  }

  return {
    t,
    sms,
    whatsApp,
    apiUrl,
    networkId: network.id,
    organisationId,
    person,
    choose,
    send,
    async close() {
      await t.close();
      await sms.stop();
      await whatsApp.stop();
    },
  };
}

export type ChannelsWorld = Awaited<ReturnType<typeof startChannelsWorld>>;
