import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createOrganisation, createUser } from './support/factories.js';
import { createCollaborationWorld, signedIn } from './support/collaboration-world.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof createCollaborationWorld>>;

beforeAll(async () => {
  t = await startTestApp();
  w = await createCollaborationWorld(t);
});
afterAll(async () => {
  await t?.close();
});

const names = (body: { items: { name: string }[] }) => body.items.map((g) => g.name).sort();

describe('who sees a working group', () => {
  it('shows a closed group to its organisations and the network coordinator, the open one to the whole network', async () => {
    for (const user of [w.leaderA, w.volunteerA, w.leaderB, w.coordinator]) {
      const response = await (await signedIn(t, user)).get('/api/groups');
      expect(response.status).toBe(200);
      expect(names(response.body)).toEqual(['Domestic workers’ rights', 'Social protection']);
    }
  });

  it('hides a closed group from a network member outside it: not in the list, not in search, 404 by id', async () => {
    const orgD = await createOrganisation(t.prisma, w.network.id, { name: 'Org D' });
    const outsider = await signedIn(t, await createUser(t.prisma, { role: 'ORG_LEADER', organisationId: orgD.id }));
    expect(names((await outsider.get('/api/groups')).body)).toEqual(['Social protection']);
    expect((await outsider.get('/api/groups?q=domestic')).body.items).toEqual([]);
    expect((await outsider.get(`/api/groups/${w.closedGroupId}`)).status).toBe(404);
    expect((await outsider.get(`/api/groups/${w.closedGroupId}/threads`)).status).toBe(404);
    expect((await outsider.get(`/api/groups/${w.closedGroupId}/members`)).status).toBe(404);
    expect((await outsider.put(`/api/groups/${w.closedGroupId}/follow`)).status).toBe(404);
    expect((await outsider.post(`/api/groups/${w.closedGroupId}/threads`, { title: 'x', body: 'y' })).status).toBe(404);
  });

  it('hides every group of a network from another network (404), even to its coordinator', async () => {
    for (const user of [w.leaderC, w.otherCoordinator]) {
      const client = await signedIn(t, user);
      expect((await client.get('/api/groups')).body.items).toEqual([]);
      expect((await client.get(`/api/groups/${w.openGroupId}`)).status).toBe(404);
    }
  });

  it('shows the group’s organisations, coordinators and sanitised description', async () => {
    const response = await (await signedIn(t, w.leaderB)).get(`/api/groups/${w.openGroupId}`);
    expect(response.body).toMatchObject({
      descriptionHtml: '<p>For <strong>everyone</strong> in the network</p>\n',
      canModerate: false,
      coordinators: [{ id: w.coordinator.id, name: w.coordinator.name }],
    });
    const closed = await (await signedIn(t, w.leaderA)).get(`/api/groups/${w.closedGroupId}`);
    expect(closed.body.organisations.map((o: { name: string }) => o.name)).toEqual(['Org A', 'Org B']);
    expect(closed.body.canModerate).toBe(true);
  });
});

describe('starting a group', () => {
  it('refuses volunteers (403), foreign networks (404) and organisations of another network (404)', async () => {
    const volunteer = await signedIn(t, w.volunteerA);
    const leader = await signedIn(t, w.leaderA);
    const body = { networkId: w.network.id, name: 'Youth', audience: 'NETWORK' };
    expect((await volunteer.post('/api/groups', body)).status).toBe(403);
    expect((await leader.post('/api/groups', { ...body, networkId: w.otherNetwork.id })).status).toBe(404);
    const smuggled = await leader.post('/api/groups', { ...body, audience: 'ORGANISATIONS', organisationIds: [w.orgC.id] });
    expect(smuggled.status).toBe(404);
    expect(await t.prisma.workingGroup.count({ where: { name: 'Youth' } })).toBe(0);
  });

  it('answers 400 with field errors for a missing name', async () => {
    const response = await (await signedIn(t, w.leaderA)).post('/api/groups', { networkId: w.network.id, name: ' ', audience: 'NETWORK' });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(response.body.details.fields)).toEqual(['name']);
  });
});

describe('following', () => {
  it('follows and unfollows a group', async () => {
    const leaderB = await signedIn(t, w.leaderB);
    expect((await leaderB.put(`/api/groups/${w.openGroupId}/follow`)).body.following).toBe(true);
    expect((await leaderB.get('/api/groups')).body.items.find((g: { id: string }) => g.id === w.openGroupId).following).toBe(true);
    expect((await leaderB.delete(`/api/groups/${w.openGroupId}/follow`)).body.following).toBe(false);
  });
});
