import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportTargetListSchema, reportTargetSchema } from '@tadamon/shared';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createWorld } from './support/factories.js';
import { signedIn } from './support/collaboration-world.js';
import type { TestClient } from './support/test-client.js';

/**
 * Targets of a network (issue 19): its coordinators set, change and remove them; the leaders
 * of its organisations read them; volunteers do not; another network's answer 404.
 */
let t: TestApp;
let w: Awaited<ReturnType<typeof createWorld>>;
const as: Record<string, TestClient> = {};
const targets = (networkId: string) => `/api/networks/${networkId}/report-targets`;
const certified = { metric: 'CERTIFIED_VOLUNTEERS', targetValue: 1000, periodStart: '2025-01-01', periodEnd: '2027-12-31', note: 'Danish partnership' };
const women = { metric: 'SHARE_WOMEN', targetValue: 50, periodStart: '2025-01-01', periodEnd: '2027-12-31', country: 'ma' };
let certifiedId: string;

beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t.prisma);
  for (const who of ['coordinator', 'otherCoordinator', 'leaderA', 'volunteerA', 'leaderC'] as const) as[who] = await signedIn(t, w[who]);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('a coordinator’s targets for their network', () => {
  it('creates targets for the network and for one country', async () => {
    const created = await as.coordinator!.post(targets(w.network.id), certified);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const view = reportTargetSchema.parse(created.body);
    expect(view).toMatchObject({ ...certified, country: null, kind: 'count', networkId: w.network.id, createdBy: { id: w.coordinator.id } });
    certifiedId = view.id;

    const perCountry = await as.coordinator!.post(targets(w.network.id), women);
    expect(perCountry.status).toBe(201);
    expect(perCountry.body).toMatchObject({ country: 'MA', kind: 'percentage', targetValue: 50, note: '' });
  });

  it('lists them for the coordinator and the network’s leaders, not its volunteers', async () => {
    for (const reader of [as.coordinator!, as.leaderA!]) {
      const listed = await reader.get(targets(w.network.id));
      expect(listed.status).toBe(200);
      expect(reportTargetListSchema.parse(listed.body).items.map((i) => i.metric).sort()).toEqual(['CERTIFIED_VOLUNTEERS', 'SHARE_WOMEN']);
    }
    expect((await as.volunteerA!.get(targets(w.network.id))).status).toBe(403);
  });

  it('refuses a percentage over 100, a negative value, and a period that does not end after it starts', async () => {
    const cases: [object, string, string][] = [
      [{ ...women, targetValue: 101 }, 'targetValue', 'percentageTooHigh'],
      [{ ...certified, targetValue: -1 }, 'targetValue', 'too_small'],
      [{ ...certified, targetValue: 12.5 }, 'targetValue', 'invalid_type'],
      [{ ...certified, periodEnd: '2024-12-31' }, 'periodEnd', 'periodEndBeforeStart'],
      [{ ...certified, periodEnd: certified.periodStart }, 'periodEnd', 'periodEndBeforeStart'],
      [{ ...certified, periodEnd: '2027-02-30' }, 'periodEnd', 'invalid_format'],
      [{ ...certified, periodStart: '0000-01-01' }, 'periodStart', 'date'],
      [{ ...certified, metric: 'HAPPINESS' }, 'metric', 'invalid_value'],
      [{ ...certified, country: 'Morocco' }, 'country', 'too_big'],
    ];
    const before = await t.prisma.reportTarget.count();
    for (const [body, field, code] of cases) {
      const refused = await as.coordinator!.post(targets(w.network.id), body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
      const issue = refused.body.details.fields[field]?.[0];
      expect([issue?.code, issue?.message], JSON.stringify(refused.body.details)).toContain(code);
    }
    // 100 % is allowed; a count far above 100 too.
    expect((await as.coordinator!.post(targets(w.network.id), { ...women, targetValue: 100 })).status).toBe(201);
    expect(await t.prisma.reportTarget.count()).toBe(before + 1);
  });

  it('changes a target, checking the result as a whole', async () => {
    const changed = await as.coordinator!.patch(`/api/report-targets/${certifiedId}`, { targetValue: 1200, country: 'ml' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ targetValue: 1200, country: 'ML', note: 'Danish partnership' });
    // 1,200 is fine as a count but not as a percentage; an end before the stored start is refused.
    const asShare = await as.coordinator!.patch(`/api/report-targets/${certifiedId}`, { metric: 'SHARE_UNDER_35' });
    expect(asShare.status).toBe(400);
    expect(asShare.body.details.fields.targetValue[0].message).toBe('percentageTooHigh');
    const early = await as.coordinator!.patch(`/api/report-targets/${certifiedId}`, { periodEnd: '2024-06-30' });
    expect(early.status).toBe(400);
    expect(early.body.details.fields.periodEnd[0].message).toBe('periodEndBeforeStart');
    expect((await as.coordinator!.patch(`/api/report-targets/${certifiedId}`, {})).status).toBe(400);
    const stored = await t.prisma.reportTarget.findUniqueOrThrow({ where: { id: certifiedId } });
    expect(stored).toMatchObject({ metric: 'CERTIFIED_VOLUNTEERS', targetValue: 1200 });
  });

  it('keeps another network’s targets out of reach (404) and leaders from changing theirs (403)', async () => {
    const before = await t.prisma.reportTarget.findUniqueOrThrow({ where: { id: certifiedId } });
    // Another network's coordinator and leader: the network and the target do not exist for them.
    for (const outsider of [as.otherCoordinator!, as.leaderC!]) {
      expect((await outsider.get(targets(w.network.id))).status).toBe(404);
    }
    expect((await as.otherCoordinator!.post(targets(w.network.id), certified)).status).toBe(404);
    expect((await as.otherCoordinator!.patch(`/api/report-targets/${certifiedId}`, { targetValue: 1 })).status).toBe(404);
    expect((await as.otherCoordinator!.delete(`/api/report-targets/${certifiedId}`)).status).toBe(404);
    // The same answer as an id that never existed.
    expect((await as.coordinator!.patch(`/api/report-targets/${randomUUID()}`, { targetValue: 1 })).status).toBe(404);
    // Leaders and volunteers of the network hold no right to change targets anywhere.
    for (const member of [as.leaderA!, as.volunteerA!]) {
      expect((await member.post(targets(w.network.id), certified)).status).toBe(403);
      expect((await member.patch(`/api/report-targets/${certifiedId}`, { targetValue: 1 })).status).toBe(403);
      expect((await member.delete(`/api/report-targets/${certifiedId}`)).status).toBe(403);
    }
    expect(await t.prisma.reportTarget.findUniqueOrThrow({ where: { id: certifiedId } })).toEqual(before);
    // The other network's own list is theirs alone.
    expect((await as.otherCoordinator!.get(targets(w.otherNetwork.id))).body.items).toEqual([]);
  });

  it('deletes a target', async () => {
    expect((await as.coordinator!.delete(`/api/report-targets/${certifiedId}`)).status).toBe(204);
    expect(await t.prisma.reportTarget.count({ where: { id: certifiedId } })).toBe(0);
    expect((await as.coordinator!.delete(`/api/report-targets/${certifiedId}`)).status).toBe(404);
    const audit = await t.prisma.auditEvent.findMany({ where: { networkId: w.network.id, action: { startsWith: 'report_target.' } }, select: { action: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(expect.arrayContaining(['report_target.created', 'report_target.deleted', 'report_target.updated']));
  });
});
