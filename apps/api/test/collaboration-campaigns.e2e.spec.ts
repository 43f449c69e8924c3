import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createCollaborationWorld, signedIn } from './support/collaboration-world.js';
import { createOrganisation, createUser } from './support/factories.js';
import { createLinkMaterial } from './support/linked-fixtures.js';
import { createMeeting, meetingBody } from './support/meeting-fixtures.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof createCollaborationWorld>>;
/** Org D is in the same network but not in the closed group. */
let leaderD: Awaited<ReturnType<typeof createUser>>;
let orgD: Awaited<ReturnType<typeof createOrganisation>>;

beforeAll(async () => {
  t = await startTestApp();
  w = await createCollaborationWorld(t);
  orgD = await createOrganisation(t.prisma, w.network.id, { name: 'Org D' });
  leaderD = await createUser(t.prisma, { role: 'ORG_LEADER', organisationId: orgD.id });
});
afterAll(async () => {
  await t?.close();
});

type Client = Awaited<ReturnType<typeof signedIn>>;
const as = (user: { email: string }) => signedIn(t, user);

async function startCampaign(client: Client, groupId = w.closedGroupId, fields: Record<string, unknown> = {}) {
  const response = await client.post(`/api/groups/${groupId}/campaigns`, {
    ownerOrganisationId: w.orgA.id,
    title: 'Ratify C189 by 2027',
    goal: 'Get **C189** ratified.\n\n<script>alert(1)</script>',
    milestones: [
      { title: 'Open letter signed', dueOn: '2027-03-08' },
      { title: 'Meeting the ministry', dueOn: '2027-01-15' },
    ],
    ...fields,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; milestones: { id: string; title: string }[] } & Record<string, unknown>;
}

describe('starting and reading a campaign', () => {
  it('gathers goal, timeline in date order, the owner as first participant and a progress view', async () => {
    const campaign = await startCampaign(await as(w.leaderA));
    expect(campaign).toMatchObject({
      title: 'Ratify C189 by 2027',
      groupName: 'Domestic workers’ rights',
      ownerOrganisationName: 'Org A',
      canEdit: true,
      organisations: [{ id: w.orgA.id, name: 'Org A' }],
      progress: { milestonesDone: 0, milestonesTotal: 2, documentsTotal: 0, documentsSigned: 0, documentsPublished: 0, organisations: 1 },
    });
    expect(campaign.milestones.map((m) => m.title)).toEqual(['Meeting the ministry', 'Open letter signed']);
    expect(campaign.nextMilestone).toMatchObject({ title: 'Meeting the ministry', dueOn: '2027-01-15', done: false });
    expect(campaign.goalHtml).toContain('<strong>C189</strong>');
    expect(campaign.goalHtml).not.toContain('<script');
    const list = await (await as(w.volunteerB)).get(`/api/groups/${w.closedGroupId}/campaigns`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(campaign.id);
  });

  it('is started only by the owner organisation’s leaders or coordinators, for an organisation of the group', async () => {
    expect((await (await as(w.volunteerA)).post(`/api/groups/${w.closedGroupId}/campaigns`, { ownerOrganisationId: w.orgA.id, title: 'x' })).status).toBe(403);
    expect((await (await as(w.leaderB)).post(`/api/groups/${w.closedGroupId}/campaigns`, { ownerOrganisationId: w.orgA.id, title: 'x' })).status).toBe(403);
    // Org D is not in the closed group: it cannot own a campaign there.
    expect((await (await as(w.coordinator)).post(`/api/groups/${w.closedGroupId}/campaigns`, { ownerOrganisationId: orgD.id, title: 'x' })).status).toBe(404);
    const byCoordinator = await (await as(w.coordinator)).post(`/api/groups/${w.closedGroupId}/campaigns`, { ownerOrganisationId: w.orgB.id, title: 'Coordinated' });
    expect(byCoordinator.status).toBe(201);
    const bad = await (await as(w.leaderA)).post(`/api/groups/${w.closedGroupId}/campaigns`, {
      ownerOrganisationId: w.orgA.id,
      title: '  ',
      milestones: [{ title: 'x', dueOn: '2027-02-30' }],
      extra: true,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(bad.body.details.fields)).toEqual(expect.arrayContaining(['title', 'milestones.0.dueOn']));
    const audit = await t.prisma.auditEvent.count({ where: { action: 'campaign.created', actorId: w.coordinator.id } });
    expect(audit).toBe(1);
  });
});

describe('a closed group’s campaign does not exist for outsiders', () => {
  it('answers 404 by list, by id and on every change, to other organisations and other networks', async () => {
    const campaign = await startCampaign(await as(w.leaderA));
    const milestoneId = campaign.milestones[0]!.id;
    for (const user of [leaderD, w.leaderC, w.otherCoordinator]) {
      const client = await as(user);
      const answers = await Promise.all([
        client.get(`/api/groups/${w.closedGroupId}/campaigns`),
        client.get(`/api/campaigns/${campaign.id}`),
        client.patch(`/api/campaigns/${campaign.id}`, { title: 'Taken over' }),
        client.post(`/api/campaigns/${campaign.id}/milestones`, { title: 'x', dueOn: '2027-01-01' }),
        client.patch(`/api/campaigns/${campaign.id}/milestones/${milestoneId}`, { done: true }),
        client.delete(`/api/campaigns/${campaign.id}/milestones/${milestoneId}`),
        client.put(`/api/campaigns/${campaign.id}/organisations/${[...(await t.prisma.organisationMembership.findMany({ where: { userId: user.id } }))][0]?.organisationId ?? orgD.id}`),
        client.post(`/api/campaigns/${campaign.id}/links`, { kind: 'material', targetId: campaign.id }),
      ]);
      for (const answer of answers) {
        expect(answer.status, `${user.email}: ${JSON.stringify(answer.body)}`).toBe(404);
        expect(JSON.stringify(answer.body)).not.toContain('Ratify');
      }
    }
    const stored = await t.prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id }, include: { milestones: true, organisations: true } });
    expect(stored.title).toBe('Ratify C189 by 2027');
    expect(stored.milestones.every((m) => m.doneAt === null)).toBe(true);
    expect(stored.organisations).toHaveLength(1);
    // The network's coordinator sees every group of the network, and so the campaign.
    expect((await (await as(w.coordinator)).get(`/api/campaigns/${campaign.id}`)).status).toBe(200);
  });
});

describe('steering the timeline', () => {
  it('lets the owner’s leaders and group coordinators add, tick and remove milestones; others get 403', async () => {
    const campaign = await startCampaign(await as(w.leaderA));
    const first = campaign.milestones[0]!.id;
    const ticked = await (await as(w.leaderA)).patch(`/api/campaigns/${campaign.id}/milestones/${first}`, { done: true });
    expect(ticked.status).toBe(200);
    expect(ticked.body.progress).toMatchObject({ milestonesDone: 1, milestonesTotal: 2 });
    expect(ticked.body.nextMilestone.title).toBe('Open letter signed');
    const added = await (await as(w.coordinator)).post(`/api/campaigns/${campaign.id}/milestones`, { title: 'Parliament vote', dueOn: '2027-06-01' });
    expect(added.status).toBe(201);
    expect(added.body.milestones.map((m: { title: string }) => m.title)).toEqual(['Meeting the ministry', 'Open letter signed', 'Parliament vote']);
    for (const user of [w.leaderB, w.volunteerA]) {
      expect((await (await as(user)).patch(`/api/campaigns/${campaign.id}/milestones/${first}`, { done: false })).status).toBe(403);
      expect((await (await as(user)).patch(`/api/campaigns/${campaign.id}`, { goal: 'mine' })).status).toBe(403);
    }
    // A milestone of another campaign is not this campaign's: 404, and it stays as it was.
    const other = await startCampaign(await as(w.leaderA));
    const foreign = await (await as(w.leaderA)).patch(`/api/campaigns/${campaign.id}/milestones/${other.milestones[0]!.id}`, { done: true });
    expect(foreign.status).toBe(404);
    expect((await t.prisma.campaignMilestone.findUniqueOrThrow({ where: { id: other.milestones[0]!.id } })).doneAt).toBeNull();
    const removed = await (await as(w.leaderA)).delete(`/api/campaigns/${campaign.id}/milestones/${first}`);
    expect(removed.body.progress).toMatchObject({ milestonesDone: 0, milestonesTotal: 2 });
    const renamed = await (await as(w.leaderA)).patch(`/api/campaigns/${campaign.id}`, { title: 'Ratify C189', goal: '## Why\nBecause.' });
    expect(renamed.body).toMatchObject({ title: 'Ratify C189', goalMarkdown: '## Why\nBecause.' });
    expect((await (await as(w.leaderA)).patch(`/api/campaigns/${campaign.id}`, {})).status).toBe(400);
  });
});

describe('participating organisations', () => {
  it('are joined and left by their own leaders only; the owner stays', async () => {
    const campaign = await startCampaign(await as(w.leaderA));
    const leaderB = await as(w.leaderB);
    expect((await leaderB.get(`/api/campaigns/${campaign.id}`)).body.canJoinFor).toEqual([{ id: w.orgB.id, name: 'Org B' }]);
    expect((await (await as(w.coordinator)).put(`/api/campaigns/${campaign.id}/organisations/${w.orgB.id}`)).status).toBe(403);
    expect((await (await as(w.volunteerB)).put(`/api/campaigns/${campaign.id}/organisations/${w.orgB.id}`)).status).toBe(403);
    expect((await (await as(w.leaderA)).put(`/api/campaigns/${campaign.id}/organisations/${w.orgB.id}`)).status).toBe(403);
    const joined = await leaderB.put(`/api/campaigns/${campaign.id}/organisations/${w.orgB.id}`);
    expect(joined.status).toBe(200);
    expect(joined.body.organisations.map((o: { name: string }) => o.name)).toEqual(['Org A', 'Org B']);
    expect(joined.body).toMatchObject({ canJoinFor: [], canLeaveFor: [w.orgB.id], progress: { organisations: 2 } });
    // Joining twice changes nothing.
    expect((await leaderB.put(`/api/campaigns/${campaign.id}/organisations/${w.orgB.id}`)).body.organisations).toHaveLength(2);
    const ownerLeaves = await (await as(w.leaderA)).delete(`/api/campaigns/${campaign.id}/organisations/${w.orgA.id}`);
    expect(ownerLeaves.status).toBe(409);
    expect(ownerLeaves.body.code).toBe('CAMPAIGN_OWNER_STAYS');
    const left = await leaderB.delete(`/api/campaigns/${campaign.id}/organisations/${w.orgB.id}`);
    expect(left.body.organisations.map((o: { name: string }) => o.name)).toEqual(['Org A']);
    const audit = await t.prisma.auditEvent.findMany({ where: { organisationId: w.orgB.id, action: { startsWith: 'campaign.organisation_' } }, orderBy: { at: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['campaign.organisation_joined', 'campaign.organisation_left']);
  });

  it('in a network-wide group, lets any organisation of the network join', async () => {
    const campaign = await startCampaign(await as(w.coordinator), w.openGroupId);
    const leader = await as(leaderD);
    const joined = await leader.put(`/api/campaigns/${campaign.id}/organisations/${orgD.id}`);
    expect(joined.status).toBe(200);
    expect(joined.body.organisations.map((o: { name: string }) => o.name)).toContain('Org D');
    expect((await (await as(w.leaderC)).get(`/api/campaigns/${campaign.id}`)).status).toBe(404);
  });
});

describe('links to documents, meetings and material', () => {
  it('shows each link only to readers who may see what it points at, and never its title to others', async () => {
    const leaderA = await as(w.leaderA);
    const campaign = await startCampaign(leaderA);
    const doc = await leaderA.post(`/api/groups/${w.closedGroupId}/documents`, {
      kind: 'LETTER', ownerOrganisationId: w.orgA.id, language: 'en', title: 'Open letter on C189', body: 'We ask…', signatoryOrganisationIds: [w.orgB.id],
    });
    // A meeting of Org A with Org D and material kept to Org A: Org B may see neither.
    const meeting = await createMeeting(leaderA, meetingBody(w.orgA.id, [orgD.id], { title: 'Org A strategy evening' }));
    const material = await createLinkMaterial(leaderA, { networkId: w.network.id, organisationId: w.orgA.id, title: 'Org A lobbying notes', visibility: 'ORGANISATION' });
    for (const link of [
      { kind: 'document', targetId: doc.body.id },
      { kind: 'meeting', targetId: meeting.id },
      { kind: 'material', targetId: material },
    ]) {
      const answer = await leaderA.post(`/api/campaigns/${campaign.id}/links`, link);
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    }
    const owner = (await leaderA.get(`/api/campaigns/${campaign.id}`)).body;
    expect(owner.documents).toEqual([{ id: doc.body.id, title: 'Open letter on C189', status: 'DRAFT', signedCount: 0 }]);
    expect(owner.meetings).toMatchObject([{ id: meeting.id, title: 'Org A strategy evening', cancelled: false }]);
    expect(owner.materials).toEqual([{ id: material, title: 'Org A lobbying notes', kind: 'LINK' }]);

    const readerB = await (await as(w.volunteerB)).get(`/api/campaigns/${campaign.id}`);
    expect(readerB.body.documents.map((d: { id: string }) => d.id)).toEqual([doc.body.id]);
    expect(readerB.body.meetings).toEqual([]);
    expect(readerB.body.materials).toEqual([]);
    expect(JSON.stringify(readerB.body)).not.toMatch(/strategy evening|lobbying notes|${meeting.id}|${material}/);

    // Org B's leader cannot link what they cannot see, nor learn that it exists.
    const sneaky = await (await as(w.leaderB)).post(`/api/campaigns/${campaign.id}/links`, { kind: 'meeting', targetId: meeting.id });
    expect(sneaky.status).toBe(403);
    const coordinatorOfB = await (await as(w.leaderC)).post(`/api/campaigns/${campaign.id}/links`, { kind: 'material', targetId: material });
    expect(coordinatorOfB.status).toBe(404);
    // The coordinator can edit the campaign but may not link material of another network.
    const foreignMaterial = await createLinkMaterial(await as(w.leaderC), { networkId: w.otherNetwork.id, organisationId: w.orgC.id, title: 'Elsewhere', visibility: 'NETWORK' });
    const foreign = await (await as(w.coordinator)).post(`/api/campaigns/${campaign.id}/links`, { kind: 'material', targetId: foreignMaterial });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('NOT_FOUND');

    const removed = await leaderA.delete(`/api/campaigns/${campaign.id}/links/meeting/${meeting.id}`);
    expect(removed.body.meetings).toEqual([]);
    expect((await leaderA.delete(`/api/campaigns/${campaign.id}/links/meeting/${meeting.id}`)).status).toBe(404);
  });

  it('counts linked documents signed and published in the progress view', async () => {
    const leaderA = await as(w.leaderA);
    const campaign = await startCampaign(leaderA);
    const doc = await leaderA.post(`/api/groups/${w.closedGroupId}/documents`, {
      kind: 'STATEMENT', ownerOrganisationId: w.orgA.id, language: 'en', title: 'Joint statement', body: 'Text', signatoryOrganisationIds: [w.orgB.id],
    });
    const draft = await leaderA.post(`/api/groups/${w.closedGroupId}/documents`, { kind: 'LETTER', ownerOrganisationId: w.orgA.id, language: 'en', title: 'Draft', body: 'Text' });
    await leaderA.post(`/api/campaigns/${campaign.id}/links`, { kind: 'document', targetId: doc.body.id });
    await leaderA.post(`/api/campaigns/${campaign.id}/links`, { kind: 'document', targetId: draft.body.id });
    await leaderA.post(`/api/documents/${doc.body.id}/status`, { status: 'IN_REVIEW' });
    await leaderA.post(`/api/documents/${doc.body.id}/status`, { status: 'OPEN_FOR_SIGNATURE' });
    await (await as(w.leaderB)).post(`/api/documents/${doc.body.id}/signatories/${w.orgB.id}/decision`, { decision: 'SIGN' });
    let progress = (await leaderA.get(`/api/campaigns/${campaign.id}`)).body.progress;
    expect(progress).toMatchObject({ documentsTotal: 2, documentsSigned: 1, documentsPublished: 0 });
    await leaderA.post(`/api/documents/${doc.body.id}/status`, { status: 'PUBLISHED' });
    progress = (await leaderA.get(`/api/groups/${w.closedGroupId}/campaigns`)).body.items.find((c: { id: string }) => c.id === campaign.id).progress;
    expect(progress).toMatchObject({ documentsTotal: 2, documentsSigned: 1, documentsPublished: 1 });
  });
});
