import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMOGRAPHICS_CONSENT_VERSION, REPORT_MIN_GROUP_SIZE, YOUTH_AGE_BANDS } from '@tadamon/shared';
import { seedDemoIfEmpty } from '../src/seed/seed-demo.js';
import { seedDemoReports } from '../src/seed/seed-demo-reports.js';
import { DemoContext } from '../src/seed/demo-context.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  expect(await seedDemoIfEmpty(t.databaseUrl, { info: () => {} })).toBe(true);
});
afterAll(async () => t?.close());

describe('report data in the demo seed', () => {
  it('gives the network answers with consent in realistic shares, groups large enough to show', async () => {
    const answers = await t.prisma.personDemographics.findMany();
    expect(answers.length).toBeGreaterThanOrEqual(30);
    expect(answers.every((a) => a.consentVersion === DEMOGRAPHICS_CONSENT_VERSION && a.consentedAt instanceof Date)).toBe(true);
    const women = answers.filter((a) => a.gender === 'WOMAN').length;
    const men = answers.filter((a) => a.gender === 'MAN').length;
    const young = answers.filter((a) => YOUTH_AGE_BANDS.includes(a.ageBand)).length;
    expect(women / answers.length).toBeGreaterThan(0.45);
    expect(women / answers.length).toBeLessThan(0.65);
    expect(young / answers.length).toBeGreaterThan(0.35);
    expect(young / answers.length).toBeLessThan(0.6);
    expect(Math.min(women, men, young, answers.length - young)).toBeGreaterThanOrEqual(REPORT_MIN_GROUP_SIZE);
    // The accounts a visitor signs in with to try the form have not answered yet.
    const salma = await t.prisma.user.findUniqueOrThrow({ where: { email: 'volunteer@example.org' }, include: { demographics: true } });
    expect(salma.demographics).toBeNull();
    // Some members never answered: no row at all.
    expect(await t.prisma.user.count({ where: { username: { startsWith: 'demo.' }, demographics: null } })).toBeGreaterThanOrEqual(1);
  });

  it('sets the network’s targets to the end of 2027, visible to its coordinator', async () => {
    const coordinator = t.client();
    await coordinator.signIn('coordinator@example.org', 'tadamon-demo');
    const network = await t.prisma.network.findFirstOrThrow();
    const listed = await coordinator.get(`/api/networks/${network.id}/report-targets`);
    expect(listed.status).toBe(200);
    const byMetric = Object.fromEntries(listed.body.items.filter((i: { country: string | null }) => !i.country).map((i: { metric: string; targetValue: number }) => [i.metric, i.targetValue]));
    expect(byMetric).toMatchObject({ CERTIFIED_VOLUNTEERS: 1000, SHARE_WOMEN: 50, SHARE_UNDER_35: 50 });
    expect(listed.body.items.every((i: { periodEnd: string }) => i.periodEnd === '2027-12-31')).toBe(true);
  });

  it('adds nothing twice when run again', async () => {
    const before = { users: await t.prisma.user.count(), answers: await t.prisma.personDemographics.count(), targets: await t.prisma.reportTarget.count() };
    const network = await t.prisma.network.findFirstOrThrow();
    const organisations = await t.prisma.organisation.findMany();
    const users = await t.prisma.user.findMany({ where: { email: { not: null } } });
    const keys: Record<string, string> = {
      'Association Al Amal Tanger': 'tangier',
      'Union des femmes de Tanger': 'tangier-women',
      'Union Technique de la Mutualité Malienne': 'bamako-mutual',
      'Kondo Jigima': 'bamako-savings',
      'Netwerk tegen Armoede': 'brussels',
    };
    const context = new DemoContext(
      network.id,
      new Map(organisations.map((o) => [keys[o.name]!, o.id])),
      new Map(users.map((u) => [u.email!, u.id])),
    );
    await t.prisma.$transaction((tx) => seedDemoReports(tx, context, new Date()));
    expect({ users: await t.prisma.user.count(), answers: await t.prisma.personDemographics.count(), targets: await t.prisma.reportTarget.count() }).toEqual(before);
  });
});
