import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createNetwork, createOrganisation, createUser } from './support/factories.js';
import { SmsProviderServer } from './support/sms-provider-server.js';
import { budgetMonth } from '../src/modules/channels/message-dispatcher.js';

/**
 * A network's own monthly message budget: its coordinators see this month's use and set the
 * limit (or go back to the platform default, MESSAGE_BUDGET_PER_NETWORK); the dispatcher
 * obeys the network's limit; nobody else may see or change it.
 */
let t: TestApp;
let sms: SmsProviderServer;
let sequence = 0;

beforeAll(async () => {
  sms = await new SmsProviderServer().start();
  t = await startTestApp({ ...sms.env, MESSAGE_BUDGET_PER_NETWORK: '5', MESSAGE_BUDGET_ALERT_PERCENT: '80' });
});
afterAll(async () => {
  await t?.close();
  await sms?.stop();
});

function expectError(response: request.Response, status: number, code: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body.code).toBe(code);
}

async function world() {
  const network = await createNetwork(t.prisma);
  const organisation = await createOrganisation(t.prisma, network.id);
  const coordinator = await createUser(t.prisma, { role: 'COORDINATOR', networkId: network.id });
  const leader = await createUser(t.prisma, { role: 'ORG_LEADER', organisationId: organisation.id });
  const volunteer = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: organisation.id });
  const phone = `+2126${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
  await t.prisma.user.update({ where: { id: volunteer.id }, data: { phone } });
  const browser = t.client();
  await browser.signIn(volunteer.email, TEST_PASSWORD);
  expect((await browser.put('/api/me/channels', { preferences: [{ kind: 'MEETING', channels: ['SMS'] }] })).status).toBe(200);
  const coordinatorClient = t.client();
  await coordinatorClient.signIn(coordinator.email, TEST_PASSWORD);
  return { network, coordinator, coordinatorClient, leader, volunteer, phone };
}

async function sendSms(userId: string) {
  const reason = `limit-test:${sequence++}`;
  await t.jobs.enqueue(
    'messages.send',
    {
      reason,
      kind: 'MEETING',
      userId,
      email: { subject: 'Meeting', text: 'See you.' },
      short: { template: 'notice', values: { subject: 'Meeting tomorrow', link: 'http://tadamon.test/meetings/1' } },
    },
    { jobId: reason },
  );
  await t.jobs.drain();
  return t.prisma.outboundMessage.findUniqueOrThrow({ where: { reason }, include: { deliveries: true } });
}

describe('a coordinator and the network’s message budget', () => {
  it('shows this month’s use against the platform default, then the network’s own limit', async () => {
    const { network, coordinatorClient, volunteer } = await world();
    const initial = await coordinatorClient.get(`/api/networks/${network.id}/message-budget`);
    expect(initial.status, JSON.stringify(initial.body)).toBe(200);
    expect(initial.body).toEqual({
      networkId: network.id,
      month: budgetMonth(),
      used: 0,
      monthlyLimit: 5,
      platformDefault: 5,
      custom: false,
      alertPercent: 80,
      updatedAt: null,
    });
    await sendSms(volunteer.id);
    expect((await coordinatorClient.get(`/api/networks/${network.id}/message-budget`)).body.used).toBe(1);

    const raised = await coordinatorClient.put(`/api/networks/${network.id}/message-budget`, { monthlyLimit: 250 });
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({ used: 1, monthlyLimit: 250, platformDefault: 5, custom: true });
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'channels.budget_changed', networkId: network.id } });
    expect(audit.details).toEqual({ from: null, to: 250, platformDefault: 5 });

    const reset = await coordinatorClient.put(`/api/networks/${network.id}/message-budget`, { monthlyLimit: null });
    expect(reset.body).toMatchObject({ monthlyLimit: 5, custom: false, updatedAt: null });
    expect(await t.prisma.messageBudgetLimit.count({ where: { networkId: network.id } })).toBe(0);
  });

  it('the dispatcher obeys the network’s own limit: lowered stops sending, raised resumes it', async () => {
    const { network, coordinatorClient, volunteer, phone } = await world();
    expect((await coordinatorClient.put(`/api/networks/${network.id}/message-budget`, { monthlyLimit: 1 })).status).toBe(200);
    expect((await sendSms(volunteer.id)).deliveries.map((d) => d.status)).toEqual(['SENT']);
    const refused = await sendSms(volunteer.id);
    expect(refused.deliveries.map((d) => [d.status, d.errorCode])).toEqual([['FAILED', 'BUDGET_EXHAUSTED']]);
    expect(sms.for(phone)).toHaveLength(1);

    // Above the platform default of 5: the network's own limit counts, not the default.
    expect((await coordinatorClient.put(`/api/networks/${network.id}/message-budget`, { monthlyLimit: 8 })).status).toBe(200);
    for (let i = 0; i < 6; i++) expect((await sendSms(volunteer.id)).deliveries[0]!.status).toBe('SENT');
    expect(sms.for(phone)).toHaveLength(7);
    expect((await coordinatorClient.get(`/api/networks/${network.id}/message-budget`)).body).toMatchObject({ used: 7, monthlyLimit: 8 });
  });

  it('refuses bad limits with field errors and changes nothing', async () => {
    const { network, coordinatorClient } = await world();
    for (const body of [{ monthlyLimit: -1 }, { monthlyLimit: 1.5 }, { monthlyLimit: '100' }, { monthlyLimit: 2_000_000 }, {}, { monthlyLimit: 10, extra: true }]) {
      expectError(await coordinatorClient.put(`/api/networks/${network.id}/message-budget`, body), 400, 'VALIDATION_FAILED');
    }
    expect(await t.prisma.messageBudgetLimit.count({ where: { networkId: network.id } })).toBe(0);
  });

  it('another network’s coordinator gets 404, a leader 403, a visitor 401, and nothing changes', async () => {
    const mine = await world();
    const theirs = await world();
    expect((await mine.coordinatorClient.put(`/api/networks/${mine.network.id}/message-budget`, { monthlyLimit: 40 })).status).toBe(200);
    expectError(await theirs.coordinatorClient.get(`/api/networks/${mine.network.id}/message-budget`), 404, 'NOT_FOUND');
    expectError(await theirs.coordinatorClient.put(`/api/networks/${mine.network.id}/message-budget`, { monthlyLimit: 0 }), 404, 'NOT_FOUND');
    const leader = t.client();
    await leader.signIn(mine.leader.email, TEST_PASSWORD);
    expectError(await leader.get(`/api/networks/${mine.network.id}/message-budget`), 403, 'FORBIDDEN');
    expectError(await leader.put(`/api/networks/${mine.network.id}/message-budget`, { monthlyLimit: 0 }), 403, 'FORBIDDEN');
    expectError(await t.client().get(`/api/networks/${mine.network.id}/message-budget`), 401, 'UNAUTHENTICATED');
    const row = await t.prisma.messageBudgetLimit.findUniqueOrThrow({ where: { networkId: mine.network.id } });
    expect(row.monthlyLimit).toBe(40);
  });
});
