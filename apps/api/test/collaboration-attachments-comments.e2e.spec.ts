import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createCollaborationWorld, signedIn } from './support/collaboration-world.js';
import { createLinkMaterial } from './support/linked-fixtures.js';
import { createOrganisation, createUser } from './support/factories.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof createCollaborationWorld>>;

beforeAll(async () => {
  t = await startTestApp();
  w = await createCollaborationWorld(t);
});
afterAll(async () => {
  await t?.close();
});

const as = (user: { email: string }) => signedIn(t, user);
type Attachment = { materialId: string; available: boolean; title: string | null; kind: string | null };

describe('library attachments on posts', () => {
  it('shows the material to readers who may see it and “not available”, without title, to others', async () => {
    const leaderA = await as(w.leaderA);
    const shared = await createLinkMaterial(leaderA, { networkId: w.network.id, title: 'Network advocacy guide', visibility: 'NETWORK', organisationId: w.orgA.id });
    const own = await createLinkMaterial(leaderA, { networkId: w.network.id, organisationId: w.orgA.id, title: 'Org A internal contacts', visibility: 'ORGANISATION' });
    const thread = await leaderA.post(`/api/groups/${w.closedGroupId}/threads`, { title: 'Reading list', body: 'See attached.', attachments: [shared, own] });
    expect(thread.status, JSON.stringify(thread.body)).toBe(201);
    const forAuthor: Attachment[] = thread.body.posts[0].attachments;
    expect(forAuthor).toEqual([
      { materialId: shared, available: true, title: 'Network advocacy guide', kind: 'LINK' },
      { materialId: own, available: true, title: 'Org A internal contacts', kind: 'LINK' },
    ]);
    const forB = await (await as(w.volunteerB)).get(`/api/threads/${thread.body.id}`);
    expect(forB.body.posts[0].attachments).toEqual([
      { materialId: shared, available: true, title: 'Network advocacy guide', kind: 'LINK' },
      { materialId: own, available: false, title: null, kind: null },
    ]);
    expect(JSON.stringify(forB.body)).not.toContain('internal contacts');
    // Replies carry attachments too.
    const reply = await (await as(w.leaderB)).post(`/api/threads/${thread.body.id}/posts`, { body: 'Thanks', attachments: [shared] });
    expect(reply.status).toBe(201);
    expect(reply.body.posts[1].attachments).toEqual([{ materialId: shared, available: true, title: 'Network advocacy guide', kind: 'LINK' }]);
  });

  it('refuses attaching material the author cannot see (404) and keeps nothing of the post', async () => {
    const own = await createLinkMaterial(await as(w.leaderA), { networkId: w.network.id, organisationId: w.orgA.id, title: 'Private', visibility: 'ORGANISATION' });
    const elsewhere = await createLinkMaterial(await as(w.leaderC), { networkId: w.otherNetwork.id, organisationId: w.orgC.id, title: 'Elsewhere', visibility: 'NETWORK' });
    const leaderB = await as(w.leaderB);
    const before = await t.prisma.discussionThread.count();
    for (const materialId of [own, elsewhere, '00000000-0000-4000-8000-000000000000']) {
      const answer = await leaderB.post(`/api/groups/${w.closedGroupId}/threads`, { title: 'Sneaky', body: 'x', attachments: [materialId] });
      expect(answer.status).toBe(404);
      expect(JSON.stringify(answer.body)).not.toMatch(/Private|Elsewhere/);
    }
    expect(await t.prisma.discussionThread.count()).toBe(before);
    const tooMany = await leaderB.post(`/api/groups/${w.closedGroupId}/threads`, { title: 'Many', body: 'x', attachments: Array.from({ length: 11 }, () => own) });
    expect(tooMany.status).toBe(400);
  });

  it('opens no attachment through the group: outsiders and members without library access get 404 from the material’s own URL', async () => {
    const leaderA = await as(w.leaderA);
    const own = await createLinkMaterial(leaderA, { networkId: w.network.id, organisationId: w.orgA.id, title: 'Org A strategy notes', visibility: 'ORGANISATION' });
    const shared = await createLinkMaterial(leaderA, { networkId: w.network.id, organisationId: w.orgA.id, title: 'Network brief on C189', visibility: 'NETWORK' });
    const thread = await leaderA.post(`/api/groups/${w.closedGroupId}/threads`, { title: 'Attached strategy', body: 'See both.', attachments: [own, shared] });
    expect(thread.status).toBe(201);
    expect((await leaderA.get(`/api/materials/${own}`)).status).toBe(200);

    const orgD = await createOrganisation(t.prisma, w.network.id, { name: 'Org D attachments' });
    const outsider = await signedIn(t, await createUser(t.prisma, { role: 'ORG_LEADER', organisationId: orgD.id }));
    const otherNetwork = await as(w.leaderC);
    const memberWithoutLibraryAccess = await as(w.volunteerB);
    for (const client of [outsider, otherNetwork, memberWithoutLibraryAccess]) {
      expect((await client.get(`/api/materials/${own}`)).status).toBe(404);
      const search = await client.get('/api/materials?q=strategy');
      expect(JSON.stringify(search.body)).not.toContain('Org A strategy notes');
    }
    // Outsiders cannot even learn what is attached: the thread does not exist for them.
    for (const client of [outsider, otherNetwork]) {
      const answer = await client.get(`/api/threads/${thread.body.id}`);
      expect(answer.status).toBe(404);
      expect(JSON.stringify(answer.body)).not.toMatch(/strategy|C189/i);
    }
    // Material of the whole network stays the library's business: the other network never sees it.
    expect((await otherNetwork.get(`/api/materials/${shared}`)).status).toBe(404);
    expect((await outsider.get(`/api/materials/${shared}`)).status).toBe(200);
  });

  it('withholds the attachments of a hidden post like its text', async () => {
    const leaderA = await as(w.leaderA);
    const shared = await createLinkMaterial(leaderA, { networkId: w.network.id, organisationId: w.orgA.id, title: 'Hidden along', visibility: 'NETWORK' });
    const thread = await leaderA.post(`/api/groups/${w.closedGroupId}/threads`, { title: 'Hide me', body: 'x' });
    const reply = await (await as(w.volunteerB)).post(`/api/threads/${thread.body.id}/posts`, { body: 'spam', attachments: [shared] });
    await leaderA.patch(`/api/posts/${reply.body.posts[1].id}/moderation`, { hidden: true });
    const seen = await (await as(w.volunteerA)).get(`/api/threads/${thread.body.id}`);
    expect(seen.body.posts[1]).toMatchObject({ hidden: true, bodyMarkdown: '', attachments: [] });
  });
});

describe('@mentions in replies', () => {
  it('tells a mentioned participant once (as a mention, not also as a reply)', async () => {
    const leaderA = await as(w.leaderA);
    const thread = await leaderA.post(`/api/groups/${w.closedGroupId}/threads`, { title: 'Once only', body: 'start' });
    await (await as(w.volunteerB)).post(`/api/threads/${thread.body.id}/posts`, { body: 'me too' });
    await leaderA.post(`/api/threads/${thread.body.id}/posts`, { body: '@Ana see this', mentions: [w.volunteerB.id] });
    const rows = await t.prisma.notification.findMany({ where: { userId: w.volunteerB.id, link: `/collaboration/threads/${thread.body.id}` } });
    expect(rows.map((n) => n.kind)).toEqual(['mention']);
  });
});

describe('notifications for comments on passages', () => {
  async function letter() {
    const leaderA = await as(w.leaderA);
    const doc = await leaderA.post(`/api/groups/${w.closedGroupId}/documents`, {
      kind: 'LETTER', ownerOrganisationId: w.orgA.id, language: 'en', title: 'Letter on care work', body: 'Paragraph one.\n\nParagraph two.', signatoryOrganisationIds: [w.orgB.id],
    });
    return doc.body.id as string;
  }
  const commentNotes = (documentId: string) =>
    t.prisma.notification.findMany({ where: { kind: 'documentComment', link: `/collaboration/documents/${documentId}` }, orderBy: { createdAt: 'asc' } });

  it('tells the owner organisation’s members and earlier commenters, never the commenter, once each', async () => {
    const id = await letter();
    const first = await (await as(w.leaderB)).post(`/api/documents/${id}/comments`, { language: 'en', quote: 'Paragraph one.', body: 'Too vague.' });
    expect(first.status).toBe(201);
    let notes = await commentNotes(id);
    expect(notes.map((n) => n.userId).sort()).toEqual([w.leaderA.id, w.volunteerA.id].sort());
    expect(notes[0]!.data).toMatchObject({ actor: w.leaderB.name, title: 'Letter on care work' });
    await t.mailbox.waitFor(w.volunteerA.email, (m) => (m.text ?? '').includes(`${w.leaderB.name} commented on a passage of “Letter on care work”`));

    // Volunteer A belongs to the owner AND comments later: for Volunteer B's comment they hear once.
    await (await as(w.volunteerA)).post(`/api/documents/${id}/comments`, { language: 'en', quote: 'Paragraph two.', body: 'Agree with B.' });
    await (await as(w.volunteerB)).post(`/api/documents/${id}/comments`, { language: 'en', quote: '', body: 'Looks good overall.' });
    notes = await commentNotes(id);
    const perEvent = new Map<string, string[]>();
    for (const n of notes) perEvent.set(n.eventKey, [...(perEvent.get(n.eventKey) ?? []), n.userId]);
    expect(perEvent.size).toBe(3);
    const [, second, third] = [...perEvent.values()];
    // Volunteer A's comment: Leader A (owner), Leader B (earlier commenter); not Volunteer A.
    expect(second!.sort()).toEqual([w.leaderA.id, w.leaderB.id].sort());
    // Volunteer B's comment: owner members and both earlier commenters, each once, never Volunteer B.
    expect(third!.sort()).toEqual([w.leaderA.id, w.volunteerA.id, w.leaderB.id].sort());
    for (const users of perEvent.values()) expect(new Set(users).size).toBe(users.length);
  });

  it('does not tell an earlier commenter who can no longer see the group', async () => {
    const id = await letter();
    await (await as(w.volunteerB)).post(`/api/documents/${id}/comments`, { language: 'en', quote: '', body: 'First!' });
    // Org B leaves the closed group: its people no longer see it.
    await t.prisma.workingGroupOrganisation.delete({ where: { groupId_organisationId: { groupId: w.closedGroupId, organisationId: w.orgB.id } } });
    try {
      await (await as(w.volunteerA)).post(`/api/documents/${id}/comments`, { language: 'en', quote: '', body: 'Second' });
      const notes = await commentNotes(id);
      const forSecond = notes.filter((n) => n.data && (n.data as { actor: string }).actor === w.volunteerA.name);
      expect(forSecond.map((n) => n.userId)).toEqual([w.leaderA.id]);
    } finally {
      await t.prisma.workingGroupOrganisation.create({ data: { groupId: w.closedGroupId, organisationId: w.orgB.id } });
    }
  });
});
