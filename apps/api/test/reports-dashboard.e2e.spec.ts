import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardSchema, type Dashboard, type DashboardMetric, type PublishedCount } from '@tadamon/shared';
import { createReportsWorld } from './support/reports-fixture.js';
import { TEST_PASSWORD } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import type { TestClient } from './support/test-client.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof createReportsWorld>>;
const as = {} as Record<'coordinator' | 'otherCoordinator' | 'leaderTanger' | 'volunteerTanger' | 'leaderGent', TestClient>;
const PERIOD = 'from=2026-01&to=2026-06';

beforeAll(async () => {
  t = await startTestApp();
  w = await createReportsWorld(t.prisma);
  for (const who of Object.keys(w.cast) as (keyof typeof w.cast)[]) {
    as[who] = t.client();
    await as[who].signIn(w.cast[who].email, TEST_PASSWORD);
  }
});
afterAll(async () => t?.close());

async function dashboard(client: TestClient, path: string): Promise<Dashboard> {
  const answer = await client.get(`${path}?${PERIOD}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return dashboardSchema.parse(answer.body);
}

/** Every number shown is the known one, and every known count of 1–4 people is withheld. */
function expectPublished(shown: PublishedCount | undefined, known: number, person = true) {
  expect(shown).toBeDefined();
  if (person && known > 0 && known < 5) expect(shown).toEqual({ value: null, suppressed: true });
  else if (!shown!.suppressed) expect(shown!.value).toBe(known);
  else expect(person).toBe(true);
}

const row = (d: Dashboard, dimension: string, key: string) => d.breakdowns.find((b) => b.dimension === dimension)!.rows.find((r) => r.key === key);

describe('the network dashboard', () => {
  it('adds up every figure of the seeded network over the period, and nothing of another network', async () => {
    const d = await dashboard(as.coordinator, `/api/networks/${w.network.id}/dashboard`);
    expect(d.scope).toMatchObject({ kind: 'network', networkId: w.network.id, organisationId: null, name: 'Reports network' });
    expect(d.period).toEqual({ from: '2026-01', to: '2026-06' });
    const value = (m: DashboardMetric) => d.figures[m];
    expect(value('peopleTrained')).toEqual({ value: 29, suppressed: false });
    expect(value('coursesCompleted')).toEqual({ value: 31, suppressed: false });
    expect(value('certificatesIssued')).toEqual({ value: 21, suppressed: false });
    expect(value('certificatesValid')).toEqual({ value: 15, suppressed: false });
    expect(value('organisationsAccredited')).toEqual({ value: 2, suppressed: false });
    expect(value('meetingsHeld')).toEqual({ value: 2, suppressed: false });
    expect(value('meetingsAttended')).toEqual({ value: 9, suppressed: false });
    expect(value('materialsUsed')).toEqual({ value: 1, suppressed: false });
    expect(d.breakdowns.find((b) => b.dimension === 'country')!.rows.map((r) => r.key)).toEqual(['BE', 'MA', 'ML']);
    expect(d.breakdowns.find((b) => b.dimension === 'continent')!.rows.map((r) => r.key)).toEqual(['AF', 'EU']);
  });

  it('counts each month and quarter in the network’s time', async () => {
    const d = await dashboard(as.coordinator, `/api/networks/${w.network.id}/dashboard`);
    expect(d.months.map((m) => m.key)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    expect(d.quarters.map((q) => q.key)).toEqual(['2026-Q1', '2026-Q2']);
    const completions = [7, 7, 3, 6, 8, 0];
    completions.forEach((known, i) => expectPublished(d.months[i]!.values.coursesCompleted, known));
    expectPublished(d.quarters[0]!.values.coursesCompleted, 17);
    expectPublished(d.quarters[1]!.values.coursesCompleted, 14);
    // Meetings are not people: a month with one meeting shows 1.
    expect(d.months.map((m) => m.values.meetingsHeld!.value)).toEqual([0, 0, 1, 0, 0, 1]);
    // Valid certificates at each month's end: 10 from March, 9 after April's revocation, Bamako's 5 until mid-May, Gent's 6 in June.
    [0, 0, 10, 14, 9, 15].forEach((known, i) => expectPublished(d.months[i]!.values.certificatesValid, known));
  });

  it('breaks the figures down by country, continent, organisation, topic and language', async () => {
    const d = await dashboard(as.coordinator, `/api/networks/${w.network.id}/dashboard`);
    expectPublished(row(d, 'country', 'MA')!.values.peopleTrained, 15);
    expectPublished(row(d, 'country', 'BE')!.values.certificatesIssued, 6);
    expectPublished(row(d, 'continent', 'AF')!.values.coursesCompleted, 23);
    expectPublished(row(d, 'continent', 'EU')!.values.coursesCompleted, 8);
    expectPublished(row(d, 'organisation', w.org.tanger.id)!.values.coursesCompleted, 14);
    expect(row(d, 'organisation', w.org.tanger.id)!.label).toBe('Tanger');
    expectPublished(row(d, 'organisation', w.org.rabat.id)!.values.peopleTrained, 3);
    expectPublished(row(d, 'organisation', w.org.gent.id)!.values.organisationsAccredited, 1, false);
    expectPublished(row(d, 'topic', 'FIRST_AID')!.values.coursesCompleted, 23);
    expectPublished(row(d, 'topic', 'LEADERSHIP')!.values.coursesCompleted, 8);
    expectPublished(row(d, 'topic', 'HYGIENE')!.values.materialsUsed, 1, false);
    expectPublished(row(d, 'language', 'ar')!.values.peopleTrained, 21);
    expectPublished(row(d, 'language', 'nl')!.values.peopleTrained, 8);
    expect(d.breakdowns.find((b) => b.dimension === 'topic')!.metrics).not.toContain('certificatesIssued');
  });

  it('withholds small cells and whatever would give them away by subtraction', async () => {
    const d = await dashboard(as.coordinator, `/api/networks/${w.network.id}/dashboard`);
    // Rabat's 3 learners are withheld, and so is Tanger, or MA − Tanger would tell them.
    expect(row(d, 'organisation', w.org.rabat.id)!.values.peopleTrained).toEqual({ value: null, suppressed: true });
    expect(row(d, 'organisation', w.org.tanger.id)!.values.peopleTrained!.suppressed).toBe(true);
    // March's 3 completions are withheld with at least one more month of the first quarter.
    const q1 = d.months.slice(0, 3).filter((m) => m.values.coursesCompleted!.suppressed);
    expect(q1.length).toBeGreaterThanOrEqual(2);
    // No published relation (parts → total) is left with exactly one gap, for any person metric.
    for (const metric of ['peopleTrained', 'coursesCompleted', 'certificatesIssued', 'certificatesValid', 'meetingsAttended'] as const) {
      const lines: PublishedCount[][] = [];
      if (metric !== 'certificatesValid') lines.push([...d.months.map((m) => m.values[metric]!), d.figures[metric]!], [...d.quarters.map((q) => q.values[metric]!), d.figures[metric]!]);
      for (const b of d.breakdowns) if (b.metrics.includes(metric)) lines.push([...b.rows.map((r) => r.values[metric]!), d.figures[metric]!]);
      for (const line of lines) expect(line.filter((p) => p.suppressed).length, metric).not.toBe(1);
    }
    // Meetings held, organisations accredited and materials are not people: never withheld.
    expect(d.months.some((m) => m.values.meetingsHeld!.suppressed)).toBe(false);
  });

  it('reports gender and age band only as consented counts, and a withdrawal changes the aggregate', async () => {
    let d = await dashboard(as.coordinator, `/api/networks/${w.network.id}/dashboard`);
    expectPublished(row(d, 'ageBand', 'UNDER_25')!.values.peopleTrained, 6);
    expectPublished(row(d, 'ageBand', 'AGE_35_44')!.values.peopleTrained, 6);
    expectPublished(row(d, 'ageBand', 'NOT_ANSWERED')!.values.peopleTrained, 17);
    // 4 men: withheld, with the women beside them.
    expect(row(d, 'gender', 'MAN')!.values.peopleTrained).toEqual({ value: null, suppressed: true });
    expect(row(d, 'gender', 'WOMAN')!.values.peopleTrained!.suppressed).toBe(true);
    // Withdrawing consent removes the answer (the demographics feature deletes the row).
    await t.prisma.personDemographics.delete({ where: { userId: w.learners.tanger[0]! } });
    d = await dashboard(as.coordinator, `/api/networks/${w.network.id}/dashboard`);
    expectPublished(row(d, 'ageBand', 'UNDER_25')!.values.peopleTrained, 5);
    expectPublished(row(d, 'ageBand', 'NOT_ANSWERED')!.values.peopleTrained, 18);
    await t.prisma.personDemographics.create({ data: { userId: w.learners.tanger[0]!, gender: 'WOMAN', ageBand: 'UNDER_25', consentedAt: new Date(), consentVersion: '2026-12-07' } });
  });

  it('shows each target with its value, its monthly trend and whether it is on track', async () => {
    const base = { networkId: w.network.id, periodStart: new Date('2026-01-01'), periodEnd: new Date('2026-06-30') };
    const trained = await t.prisma.reportTarget.create({ data: { ...base, metric: 'PEOPLE_TRAINED', targetValue: 25 } });
    const youth = await t.prisma.reportTarget.create({ data: { ...base, metric: 'SHARE_UNDER_35', targetValue: 60, country: 'MA' } });
    const completions = await t.prisma.reportTarget.create({ data: { ...base, periodEnd: new Date('2030-12-31'), metric: 'COURSES_COMPLETED', targetValue: 1000 } });
    try {
      const d = await dashboard(as.coordinator, `/api/networks/${w.network.id}/dashboard`);
      const target = (id: string) => d.targets.find((x) => x.id === id)!;
      expect(target(trained.id)).toMatchObject({ metric: 'PEOPLE_TRAINED', kind: 'count', current: { value: 29, suppressed: false }, status: 'achieved' });
      // Running totals 7, 12, 15, 21, 29, 29: February's 12 is withheld, since 15 − 12 would show March's 3 people.
      expect(target(trained.id).trend.map((p) => p.value.value)).toEqual([7, null, 15, 21, 29, 29]);
      // Under 35 among Morocco's trained people who answered: 6 of 12.
      expect(target(youth.id)).toMatchObject({ kind: 'percentage', current: { value: 50, suppressed: false }, status: 'missed', country: 'MA' });
      const running = target(completions.id);
      expect(running.current).toEqual({ value: 31, suppressed: false });
      expect(running.status).toBe('behind');
      expect(running.expectedByNow).toBeGreaterThan(31);
    } finally {
      await t.prisma.reportTarget.deleteMany({ where: { id: { in: [trained.id, youth.id, completions.id] } } });
    }
  });

  it('refuses a period that ends before it starts', async () => {
    const answer = await as.coordinator.get(`/api/networks/${w.network.id}/dashboard?from=2026-06&to=2026-01`);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('who sees which dashboard', () => {
  it('gives a leader their organisation’s figures only', async () => {
    const d = await dashboard(as.leaderTanger, `/api/organisations/${w.org.tanger.id}/dashboard`);
    expect(d.scope).toMatchObject({ kind: 'organisation', organisationId: w.org.tanger.id, name: 'Tanger' });
    expect(d.figures.peopleTrained).toEqual({ value: 12, suppressed: false });
    expect(d.figures.coursesCompleted).toEqual({ value: 14, suppressed: false });
    expect(d.figures.meetingsAttended).toEqual({ value: 7, suppressed: false });
    expect(d.targets).toEqual([]);
  });

  it('lets coordinators open any organisation of their network', async () => {
    const d = await dashboard(as.coordinator, `/api/organisations/${w.org.gent.id}/dashboard`);
    expect(d.figures.peopleTrained).toEqual({ value: 8, suppressed: false });
  });

  it('answers 404 to everyone else: another organisation’s leader, another network', async () => {
    const refused: [TestClient, string][] = [
      [as.leaderTanger, `/api/organisations/${w.org.gent.id}/dashboard`],
      [as.leaderTanger, `/api/networks/${w.network.id}/dashboard`],
      [as.otherCoordinator, `/api/networks/${w.network.id}/dashboard`],
      [as.otherCoordinator, `/api/organisations/${w.org.tanger.id}/dashboard`],
      [as.coordinator, `/api/organisations/${w.org.paris.id}/dashboard`],
    ];
    for (const [client, path] of refused) {
      const answer = await client.get(path);
      expect([path, answer.status, answer.body.code]).toEqual([path, 404, 'NOT_FOUND']);
    }
  });

  it('answers 403 to a volunteer, whose role holds no report at all (the session guard’s coarse check)', async () => {
    const answer = await as.volunteerTanger.get(`/api/organisations/${w.org.tanger.id}/dashboard`);
    expect([answer.status, answer.body.code]).toEqual([403, 'FORBIDDEN']);
  });
});
