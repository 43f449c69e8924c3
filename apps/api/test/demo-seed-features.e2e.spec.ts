import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticator } from 'otplib';
import { DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD } from '../src/seed/demo-data.js';
import { seedDemoIfEmpty } from '../src/seed/seed-demo.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  expect(await seedDemoIfEmpty(t.databaseUrl, { info: () => {} })).toBe(true);
});
afterAll(async () => t?.close());

async function demo(email: string) {
  const client = t.client();
  await client.signIn(email, DEMO_PASSWORD);
  return client;
}

describe('the demo network: something to try in every feature (README)', () => {
  it('has a platform admin who must give the TOTP code of the secret printed in the README', async () => {
    const client = t.client();
    const signIn = await client.post('/api/auth/sign-in', { email: 'admin@example.org', password: DEMO_PASSWORD });
    expect(signIn.status).toBe(200);
    expect(signIn.body.secondFactor).toBe('verify');
    const verify = await client.post('/api/auth/second-factor/verify', { code: authenticator.generate(DEMO_ADMIN_TOTP_SECRET) });
    expect(verify.status).toBe(204);
    const session = await client.get('/api/auth/session');
    expect(session.body.user).toMatchObject({ isPlatformAdmin: true, name: 'Youssef Administrateur' });
    expect(session.body.permissions).toEqual(expect.arrayContaining(['networks.create', 'accounts.disable', 'jobs.manage']));
    const networks = await client.get('/api/admin/networks');
    expect(networks.body.items).toEqual([expect.objectContaining({ name: 'INSP!R demo network', timeZone: 'Africa/Casablanca' })]);
  });

  it('has a weekly meeting that stays at 10:00 in Tangier across the Ramadan clock change, a poll, and a past meeting with minutes', async () => {
    const leader = await demo('leader@example.org');
    const upcoming = (await leader.get('/api/meetings?when=upcoming')).body.items as { id: string; title: string; recurring: boolean; status: string }[];
    const weekly = upcoming.find((m) => m.recurring)!;
    expect(weekly.title).toMatch(/Permanence juridique/);
    const detail = (await leader.get(`/api/meetings/${weekly.id}`)).body;
    const byDay = new Map(
      (detail.upcomingOccurrences as { startsAt: string; hostLocal: string }[]).map((o) => [o.hostLocal.slice(0, 10), o]),
    );
    // Before Ramadan Morocco is UTC+1, during it UTC+0: same wall clock, instants an hour apart.
    expect(byDay.get('2027-02-04')).toMatchObject({ hostLocal: '2027-02-04T10:00', startsAt: '2027-02-04T09:00:00.000Z' });
    expect(byDay.get('2027-02-18')).toMatchObject({ hostLocal: '2027-02-18T10:00', startsAt: '2027-02-18T10:00:00.000Z' });
    expect(byDay.get('2027-03-25')).toMatchObject({ hostLocal: '2027-03-25T10:00', startsAt: '2027-03-25T09:00:00.000Z' });

    const planning = upcoming.find((m) => m.status === 'PLANNING')!;
    const poll = await (await demo('leader.bamako@example.org')).get(`/api/meetings/${planning.id}/poll`);
    expect(poll.status).toBe(200);
    expect(poll.body.slots).toHaveLength(3);

    const past = (await leader.get('/api/meetings?when=past')).body.items as { id: string; title: string }[];
    const steering = past.find((m) => /Comité de pilotage/.test(m.title))!;
    const minutes = await leader.get(`/api/meetings/${steering.id}/minutes`);
    expect(minutes.body.minutes.html).toMatch(/Decisions/);
    const actions = await leader.get(`/api/meetings/${steering.id}/action-items`);
    expect(actions.body.items.map((a: { title: string }) => a.title)).toContain('Collect the signatures for the joint letter');
  });

  it('has a working group with a discussion, a joint letter signed by one organisation and waiting for another, and a campaign', async () => {
    const bamako = await demo('leader.bamako@example.org');
    const groups = (await bamako.get('/api/groups')).body.items as { id: string; name: string }[];
    const group = groups.find((g) => g.name === 'Protection sociale pour tous')!;
    expect(group).toBeTruthy();
    const threads = (await bamako.get(`/api/groups/${group.id}/threads`)).body.items;
    expect(threads[0].title).toMatch(/letter to the Ministry/);
    const documents = (await bamako.get(`/api/groups/${group.id}/documents`)).body.items as { id: string }[];
    const letter = (await bamako.get(`/api/documents/${documents[0]!.id}`)).body;
    const statuses = Object.fromEntries(
      (letter.signatories as { organisationName: string; status: string }[]).map((s) => [s.organisationName, s.status]),
    );
    expect(statuses).toMatchObject({ 'Association Al Amal Tanger': 'SIGNED', 'Union Technique de la Mutualité Malienne': 'INVITED' });
    const campaigns = (await bamako.get(`/api/groups/${group.id}/campaigns`)).body.items as { title: string }[];
    expect(campaigns.map((c) => c.title)).toEqual([expect.stringMatching(/AMO pour toutes/)]);
  });

  it('has certificate types with rules, a certificate about to expire and a revoked one', async () => {
    const volunteer = await demo('volunteer@example.org');
    const mine = (await volunteer.get('/api/me/certificates')).body.items as { expiresAt: string | null }[];
    expect(mine).toHaveLength(1);
    const daysLeft = (Date.parse(mine[0]!.expiresAt!) - Date.now()) / 86_400_000;
    expect(daysLeft).toBeGreaterThan(15);
    expect(daysLeft).toBeLessThan(30);

    const coordinator = await demo('coordinator@example.org');
    const network = await t.prisma.network.findFirstOrThrow();
    const types = (await coordinator.get(`/api/networks/${network.id}/certificate-types`)).body.items as { validityMonths: number | null }[];
    expect(types.map((type) => type.validityMonths).sort()).toEqual([24, null]);
    const revoked = await t.prisma.certificate.findFirstOrThrow({ where: { revokedAt: { not: null } } });
    const verify = await t.client().get(`/api/verify/${revoked.code}`);
    expect(JSON.stringify(verify.body)).toMatch(/revoked/i);
  });

  it('has an accreditation framework with a self-assessment waiting for the coordinator’s review', async () => {
    const coordinator = await demo('coordinator@example.org');
    const network = await t.prisma.network.findFirstOrThrow();
    const assessments = (await coordinator.get(`/api/networks/${network.id}/accreditation-assessments`)).body.items as { status: string }[];
    expect(assessments.map((a) => a.status)).toEqual(['SUBMITTED']);
  });

  it('is seeded once: a second start changes nothing', async () => {
    const meetings = await t.prisma.meeting.count();
    expect(await seedDemoIfEmpty(t.databaseUrl, { info: () => {} })).toBe(false);
    expect(await t.prisma.meeting.count()).toBe(meetings);
  });
});
