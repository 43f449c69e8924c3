import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createOrganisation, createUser, createWorld } from './support/factories.js';
import type { TestClient } from './support/test-client.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;

async function as(user: { email: string }): Promise<TestClient> {
  const client = t.client();
  await client.signIn(user.email, TEST_PASSWORD);
  return client;
}
const membership = (userId: string, organisationId: string) =>
  t.prisma.organisationMembership.findUniqueOrThrow({ where: { userId_organisationId: { userId, organisationId } } });
const members = (organisationId: string) => `/api/organisations/${organisationId}/members`;

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/organisations/:id/members', () => {
  it('shows a leader everyone in their organisation', async () => {
    const response = await (await as(world.leaderA)).get(members(world.orgA.id));
    expect(response.status).toBe(200);
    const byName = Object.fromEntries(response.body.items.map((m: { name: string; role: string }) => [m.name, m.role]));
    expect(byName).toEqual({ [world.leaderA.name]: 'ORG_LEADER', [world.volunteerA.name]: 'VOLUNTEER' });
    expect(response.body.items[0]).toMatchObject({ email: expect.any(String), disabled: false, joinedAt: expect.any(String) });
  });

  it('lets a coordinator see the members of every organisation in their network', async () => {
    const coordinator = await as(world.coordinator);
    expect((await coordinator.get(members(world.orgA.id))).status).toBe(200);
    expect((await coordinator.get(members(world.orgB.id))).body.items).toHaveLength(2);
  });

  it('refuses volunteers and leaders of other organisations (403), other networks (404)', async () => {
    expect((await (await as(world.volunteerA)).get(members(world.orgA.id))).status).toBe(403);
    expect((await (await as(world.leaderB)).get(members(world.orgA.id))).status).toBe(403);
    expect((await (await as(world.leaderC)).get(members(world.orgA.id))).status).toBe(404);
    expect((await (await as(world.otherCoordinator)).get(members(world.orgA.id))).status).toBe(404);
  });
});

describe('a leader of one organisation and another organisation’s members', () => {
  it('can neither see nor change nor remove them, and nothing changes', async () => {
    const leaderA = await as(world.leaderA);
    const target = await membership(world.volunteerB.id, world.orgB.id);
    const countBefore = await t.prisma.organisationMembership.count({ where: { organisationId: world.orgB.id } });

    expect((await leaderA.get(members(world.orgB.id))).status).toBe(403);
    // Through org B's own path: the organisation is in the directory (403 above), its
    // memberships are private to it, so their ids answer as unknown ones (404).
    expect((await leaderA.patch(`${members(world.orgB.id)}/${target.id}`, { role: 'ORG_LEADER' })).status).toBe(404);
    expect((await leaderA.delete(`${members(world.orgB.id)}/${target.id}`)).status).toBe(404);
    // Smuggling org B's membership id through org A's path: not a member of org A.
    expect((await leaderA.patch(`${members(world.orgA.id)}/${target.id}`, { role: 'ORG_LEADER' })).status).toBe(404);
    expect((await leaderA.delete(`${members(world.orgA.id)}/${target.id}`)).status).toBe(404);

    expect((await membership(world.volunteerB.id, world.orgB.id)).role).toBe('VOLUNTEER');
    expect(await t.prisma.organisationMembership.count({ where: { organisationId: world.orgB.id } })).toBe(countBefore);
    expect(await t.prisma.auditEvent.count({ where: { organisationId: world.orgB.id } })).toBe(0);
  });
});

describe('another network', () => {
  it('answers 404 on every member route', async () => {
    const target = await membership(world.leaderC.id, world.orgC.id);
    for (const user of [world.leaderA, world.coordinator]) {
      const client = await as(user);
      expect((await client.get(members(world.orgC.id))).status).toBe(404);
      expect((await client.patch(`${members(world.orgC.id)}/${target.id}`, { role: 'VOLUNTEER' })).status).toBe(404);
      expect((await client.delete(`${members(world.orgC.id)}/${target.id}`)).status).toBe(404);
    }
    expect((await membership(world.leaderC.id, world.orgC.id)).role).toBe('ORG_LEADER');
  });
});

describe('PATCH …/members/:membershipId (role change)', () => {
  it('lets a coordinator promote across their network, recording old and new role', async () => {
    const target = await membership(world.volunteerB.id, world.orgB.id);
    const response = await (await as(world.coordinator)).patch(`${members(world.orgB.id)}/${target.id}`, { role: 'ORG_LEADER' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ membershipId: target.id, userId: world.volunteerB.id, role: 'ORG_LEADER' });
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'membership.role_changed', subjectUserId: world.volunteerB.id } });
    expect(event).toMatchObject({ actorId: world.coordinator.id, organisationId: world.orgB.id, networkId: world.network.id });
    expect(event.details).toMatchObject({ oldRole: 'VOLUNTEER', newRole: 'ORG_LEADER' });
    // The new leader can use their new rights on the very next request.
    expect((await (await as(world.volunteerB)).get(members(world.orgB.id))).status).toBe(200);
  });

  it('refuses to demote the last leader', async () => {
    const self = await membership(world.leaderA.id, world.orgA.id);
    const response = await (await as(world.leaderA)).patch(`${members(world.orgA.id)}/${self.id}`, { role: 'VOLUNTEER' });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('LAST_LEADER');
    expect((await membership(world.leaderA.id, world.orgA.id)).role).toBe('ORG_LEADER');
  });

  it('does not count a disabled leader as the one who remains', async () => {
    const org = await createOrganisation(t.prisma, world.network.id);
    const leader = await createUser(t.prisma, { role: 'ORG_LEADER', organisationId: org.id });
    await createUser(t.prisma, { role: 'ORG_LEADER', organisationId: org.id, disabled: true });
    const self = await membership(leader.id, org.id);
    const response = await (await as(leader)).patch(`${members(org.id)}/${self.id}`, { role: 'VOLUNTEER' });
    expect(response.body.code).toBe('LAST_LEADER');
  });

  it('rejects roles that are not organisation roles and unknown fields', async () => {
    const target = await membership(world.volunteerA.id, world.orgA.id);
    const leaderA = await as(world.leaderA);
    const coordinator = await leaderA.patch(`${members(world.orgA.id)}/${target.id}`, { role: 'COORDINATOR' });
    expect(coordinator.status).toBe(400);
    expect(coordinator.body.details.fields).toHaveProperty('role');
    const extra = await leaderA.patch(`${members(world.orgA.id)}/${target.id}`, { role: 'ORG_LEADER', note: 'x' });
    expect(extra.body.details.fields.note[0].code).toBe('unknown_field');
    expect((await membership(world.volunteerA.id, world.orgA.id)).role).toBe('VOLUNTEER');
  });

  it('lets only one of two leaders who demote each other at the same moment succeed', async () => {
    const org = await createOrganisation(t.prisma, world.network.id);
    const first = await createUser(t.prisma, { role: 'ORG_LEADER', organisationId: org.id });
    const second = await createUser(t.prisma, { role: 'ORG_LEADER', organisationId: org.id });
    const [a, b] = await Promise.all([as(first), as(second)]);
    const [firstM, secondM] = await Promise.all([membership(first.id, org.id), membership(second.id, org.id)]);
    const answers = await Promise.all([
      a.patch(`${members(org.id)}/${secondM.id}`, { role: 'VOLUNTEER' }),
      b.patch(`${members(org.id)}/${firstM.id}`, { role: 'VOLUNTEER' }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await t.prisma.organisationMembership.count({ where: { organisationId: org.id, role: 'ORG_LEADER' } })).toBe(1);
  });
});

describe('DELETE …/members/:membershipId', () => {
  it('takes a volunteer’s access away on their very next request', async () => {
    const org = await createOrganisation(t.prisma, world.network.id, { name: 'Leaving org' });
    const leader = await createUser(t.prisma, { role: 'ORG_LEADER', organisationId: org.id });
    const volunteer = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: org.id });
    const volunteerClient = await as(volunteer);
    expect((await volunteerClient.get(`/api/organisations/${org.id}`)).status).toBe(200);

    const target = await membership(volunteer.id, org.id);
    expect((await (await as(leader)).delete(`${members(org.id)}/${target.id}`)).status).toBe(204);

    // Same session, no sign-out: they hold no role anywhere any more, so the guard refuses.
    const after = await volunteerClient.get(`/api/organisations/${org.id}`);
    expect(after.status).toBe(403);
    expect(after.body.code).toBe('FORBIDDEN');
    expect((await volunteerClient.get('/api/networks')).body.items).toEqual([]);
    const event = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'membership.removed', subjectUserId: volunteer.id } });
    expect(event).toMatchObject({ actorId: leader.id, organisationId: org.id });
    expect(event.details).toMatchObject({ role: 'VOLUNTEER' });
  });

  it('ends a removed leader’s management rights at once, leaving their other memberships', async () => {
    const org = await createOrganisation(t.prisma, world.network.id);
    const stays = await createUser(t.prisma, { role: 'ORG_LEADER', organisationId: org.id });
    const leaves = await createUser(t.prisma, { role: 'ORG_LEADER', organisationId: org.id });
    await t.prisma.organisationMembership.create({ data: { userId: leaves.id, organisationId: world.orgA.id, role: 'VOLUNTEER' } });
    const leavesClient = await as(leaves);
    expect((await leavesClient.get(members(org.id))).status).toBe(200);

    const target = await membership(leaves.id, org.id);
    expect((await (await as(stays)).delete(`${members(org.id)}/${target.id}`)).status).toBe(204);
    expect((await leavesClient.get(members(org.id))).status).toBe(403);
    expect((await leavesClient.get(`/api/organisations/${world.orgA.id}`)).status).toBe(200);
  });

  it('never removes the last leader, even at their own request', async () => {
    const self = await membership(world.leaderA.id, world.orgA.id);
    const response = await (await as(world.leaderA)).delete(`${members(world.orgA.id)}/${self.id}`);
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('LAST_LEADER');
    expect(await t.prisma.organisationMembership.count({ where: { id: self.id } })).toBe(1);
  });

  it('lets a leader leave once another leader remains', async () => {
    const org = await createOrganisation(t.prisma, world.network.id);
    const leaving = await createUser(t.prisma, { role: 'ORG_LEADER', organisationId: org.id });
    await createUser(t.prisma, { role: 'ORG_LEADER', organisationId: org.id });
    const self = await membership(leaving.id, org.id);
    expect((await (await as(leaving)).delete(`${members(org.id)}/${self.id}`)).status).toBe(204);
  });

  it('refuses volunteers and another network’s coordinator', async () => {
    const target = await membership(world.volunteerA.id, world.orgA.id);
    expect((await (await as(world.volunteerA)).delete(`${members(world.orgA.id)}/${target.id}`)).status).toBe(403);
    expect((await (await as(world.otherCoordinator)).delete(`${members(world.orgA.id)}/${target.id}`)).status).toBe(404);
    expect(await t.prisma.organisationMembership.count({ where: { id: target.id } })).toBe(1);
  });

  it('answers 404 for an unknown membership and 400 for a malformed one', async () => {
    const leaderA = await as(world.leaderA);
    expect((await leaderA.delete(`${members(world.orgA.id)}/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    const malformed = await leaderA.delete(`${members(world.orgA.id)}/42`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.details.fields).toHaveProperty('membershipId');
  });
});
