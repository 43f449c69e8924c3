import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createNetwork, createOrganisation, createUser } from './support/factories.js';
import { SmsProviderServer } from './support/sms-provider-server.js';
import { budgetMonth } from '../src/modules/channels/message-dispatcher.js';
import { ChannelsRepository } from '../src/modules/channels/channels.repository.js';
import { failOutboxCommits } from './support/outbox-probe.js';
import type { JobTx } from '../src/common/jobs/job-catalogue.js';

let t: TestApp;
let sms: SmsProviderServer;
let sequence = 0;

beforeAll(async () => {
  sms = await new SmsProviderServer().start();
  t = await startTestApp({ ...sms.env, MESSAGE_BUDGET_PER_NETWORK: '10', MESSAGE_BUDGET_ALERT_PERCENT: '90' });
});
afterAll(async () => {
  await t?.close();
  await sms?.stop();
});

const newPhone = () => `+2126${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;

/** A network with a French-speaking coordinator and one volunteer who wants meeting news by SMS, then e-mail. */
async function world() {
  const network = await createNetwork(t.prisma);
  const organisation = await createOrganisation(t.prisma, network.id);
  const coordinator = await createUser(t.prisma, { role: 'COORDINATOR', networkId: network.id });
  await t.prisma.user.update({ where: { id: coordinator.id }, data: { preferredLanguage: 'fr' } });
  const volunteer = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: organisation.id });
  const phone = newPhone();
  await t.prisma.user.update({ where: { id: volunteer.id }, data: { phone } });
  const browser = t.client();
  await browser.signIn(volunteer.email, TEST_PASSWORD);
  expect((await browser.put('/api/me/channels', { preferences: [{ kind: 'MEETING', channels: ['SMS', 'EMAIL'] }] })).status).toBe(200);
  return { network, coordinator, volunteer, phone };
}

async function send(userId: string, subject = 'Meeting tomorrow') {
  const reason = `budget-test:${sequence++}`;
  await t.jobs.enqueue(
    'messages.send',
    {
      reason,
      kind: 'MEETING',
      userId,
      email: { subject, text: 'See you there.' },
      short: { template: 'notice', values: { subject, link: 'http://tadamon.test/meetings/1' } },
    },
    { jobId: reason },
  );
  await t.jobs.drain();
  return t.prisma.outboundMessage.findUniqueOrThrow({ where: { reason }, include: { deliveries: { orderBy: { createdAt: 'asc' } } } });
}

const used = async (networkId: string) =>
  (await t.prisma.messageBudget.findUnique({ where: { networkId_month: { networkId, month: budgetMonth() } } }))?.used ?? 0;

describe('the monthly SMS and WhatsApp budget of a network', () => {
  it('warns coordinators once at 90 %, stops before the budget is passed, and falls back to e-mail', async () => {
    const { network, coordinator, volunteer, phone } = await world();
    for (let i = 0; i < 8; i++) await send(volunteer.id);
    expect(await used(network.id)).toBe(8);
    expect(t.mailbox.for(coordinator.email)).toHaveLength(0);

    await send(volunteer.id); // 9 of 10: the warning
    const warning = await t.mailbox.waitFor(coordinator.email);
    expect(warning.subject).toBe(`${network.name} : 90 % du budget SMS et WhatsApp du mois est utilisé`);
    expect(warning.text).toContain(`${network.name} a utilisé 9 de ses 10 messages SMS et WhatsApp pour ${budgetMonth()}.`);

    // A two-part SMS would pass the budget: refused whole, the e-mail goes instead.
    const long = await send(volunteer.id, 'Meeting tomorrow: '.padEnd(200, 'x'));
    expect(long.deliveries).toMatchObject([
      { channel: 'SMS', status: 'FAILED', errorCode: 'BUDGET_EXHAUSTED' },
      { channel: 'EMAIL', status: 'SENT' },
    ]);
    expect(await used(network.id)).toBe(9);

    await send(volunteer.id); // 10 of 10
    const refused = await send(volunteer.id);
    expect(refused.deliveries.map((d) => [d.channel, d.status, d.errorCode])).toEqual([
      ['SMS', 'FAILED', 'BUDGET_EXHAUSTED'],
      ['EMAIL', 'SENT', null],
    ]);
    await send(volunteer.id);
    expect(await used(network.id)).toBe(10);
    expect(sms.for(phone)).toHaveLength(10);

    await t.jobs.drain();
    const alerts = t.mailbox.for(coordinator.email);
    expect(alerts.map((m) => m.subject)).toEqual([
      `${network.name} : 90 % du budget SMS et WhatsApp du mois est utilisé`,
      `${network.name} : SMS et WhatsApp arrêtés pour ce mois`,
    ]);
    // The volunteer got every message: ten by SMS, the rest by e-mail.
    expect(t.mailbox.for(volunteer.email)).toHaveLength(3);
  });

  it('gives back what a refused SMS had taken, and keeps each network\u2019s budget apart', async () => {
    const a = await world();
    const b = await world();
    sms.next.push({ status: 400, body: { code: 21610, message: 'Attempt to send to unsubscribed recipient', status: 400 } });
    const refused = await send(a.volunteer.id);
    expect(refused.deliveries[0]).toMatchObject({ channel: 'SMS', status: 'FAILED', errorCode: 'twilio:21610' });
    expect(await used(a.network.id)).toBe(0);
    await send(a.volunteer.id);
    await send(b.volunteer.id);
    await send(b.volunteer.id);
    expect([await used(a.network.id), await used(b.network.id)]).toEqual([1, 2]);
  });

  it('never passes the budget when many messages go at once', async () => {
    const { network, volunteer } = await world();
    const reasons = Array.from({ length: 15 }, () => `budget-burst:${sequence++}`);
    await Promise.all(
      reasons.map((reason) =>
        t.jobs.enqueue(
          'messages.send',
          { reason, kind: 'MEETING', userId: volunteer.id, email: { subject: 'Now', text: 'Now' }, short: { template: 'notice', values: { subject: 'Now', link: 'http://tadamon.test/m' } } },
          { jobId: reason },
        ),
      ),
    );
    await t.jobs.drain();
    expect(await used(network.id)).toBe(10);
    const sent = await t.prisma.messageDelivery.count({ where: { message: { reason: { in: reasons } }, channel: 'SMS', status: 'SENT' } });
    expect(sent).toBe(10);
  });
});

describe('budget alerts and their mails in one transaction (outbox)', () => {
  it('an alert whose mails fail to commit is not marked as given, so it is raised again; once given, never twice', async () => {
    const { network } = await world();
    const repository = t.app.get(ChannelsRepository);
    const month = '2031-01';
    const queueMail = (tx: JobTx) =>
      t.jobs.enqueue('mail.send', { to: 'alerts@example.test', subject: 'Budget', text: 'x', reason: `alert-test:${network.id}` }, { jobId: `alert-test:${network.id}`, tx });
    const restore = await failOutboxCommits(t.prisma);
    try {
      await expect(repository.claimAlert(network.id, month, 'nearly', queueMail)).rejects.toThrow();
    } finally {
      await restore();
    }
    expect(await t.prisma.outboxJob.count({ where: { jobId: `alert-test:${network.id}` } })).toBe(0);
    // Before, the claim committed on its own and the coordinators were never warned.
    expect(await repository.claimAlert(network.id, month, 'nearly', queueMail)).toBe(true);
    expect(await t.prisma.outboxJob.count({ where: { jobId: `alert-test:${network.id}` } })).toBe(1);
    expect(await repository.claimAlert(network.id, month, 'nearly', queueMail)).toBe(false);
  });
});
