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

async function startThread(title = 'Draft position on ILO C189') {
  const response = await (await signedIn(t, w.leaderA)).post(`/api/groups/${w.closedGroupId}/threads`, {
    title,
    body: 'What do we ask **first**?',
  });
  expect(response.status).toBe(201);
  return response.body as { id: string; posts: { id: string }[] };
}

describe('threads and replies', () => {
  it('lets members start a thread and reply, in order, with rendered Markdown', async () => {
    const thread = await startThread();
    const reply = await (await signedIn(t, w.volunteerB)).post(`/api/threads/${thread.id}/posts`, { body: 'Ratification _now_' });
    expect(reply.status).toBe(201);
    expect(reply.body.posts.map((p: { bodyHtml: string }) => p.bodyHtml)).toEqual([
      '<p>What do we ask <strong>first</strong>?</p>\n',
      '<p>Ratification <em>now</em></p>\n',
    ]);
    const list = await (await signedIn(t, w.coordinator)).get(`/api/groups/${w.closedGroupId}/threads?q=ilo`);
    expect(list.body.items).toMatchObject([{ id: thread.id, postCount: 2, authorName: w.leaderA.name }]);
  });

  it('keeps every thread of a closed group from outsiders: by list, search, id and post id (404)', async () => {
    const thread = await startThread('Secret strategy');
    const orgD = await createOrganisation(t.prisma, w.network.id, { name: 'Org D2' });
    const outsider = await signedIn(t, await createUser(t.prisma, { role: 'ORG_LEADER', organisationId: orgD.id }));
    const other = await signedIn(t, w.leaderC);
    for (const client of [outsider, other]) {
      expect((await client.get(`/api/threads/${thread.id}`)).status).toBe(404);
      expect((await client.post(`/api/threads/${thread.id}/posts`, { body: 'hi' })).status).toBe(404);
      expect((await client.patch(`/api/posts/${thread.posts[0]!.id}`, { body: 'changed' })).status).toBe(404);
      expect((await client.get(`/api/posts/${thread.posts[0]!.id}/revisions`)).status).toBe(404);
      expect((await client.post(`/api/posts/${thread.posts[0]!.id}/report`, { reason: 'x' })).status).toBe(404);
    }
    expect((await t.prisma.discussionPost.findUniqueOrThrow({ where: { id: thread.posts[0]!.id } })).body).toBe('What do we ask **first**?');
  });
});

describe('edits keep history', () => {
  it('lets the author edit, keeps the earlier text, and refuses anyone else (403)', async () => {
    const thread = await startThread('Edits');
    const postId = thread.posts[0]!.id;
    const author = await signedIn(t, w.leaderA);
    const edited = await author.patch(`/api/posts/${postId}`, { body: 'What do we ask second?' });
    expect(edited.status).toBe(200);
    expect(edited.body.posts[0]).toMatchObject({ bodyMarkdown: 'What do we ask second?', revisionCount: 1, editedAt: expect.any(String) });
    const history = await author.get(`/api/posts/${postId}/revisions`);
    expect(history.body.items.map((r: { bodyMarkdown: string }) => r.bodyMarkdown)).toEqual(['What do we ask **first**?']);
    expect((await (await signedIn(t, w.leaderB)).patch(`/api/posts/${postId}`, { body: 'mine now' })).status).toBe(403);
  });
});

describe('moderation', () => {
  it('lets a coordinator of the group hide a reported post; others see it hidden without text', async () => {
    const thread = await startThread('Moderated');
    const reply = await (await signedIn(t, w.volunteerB)).post(`/api/threads/${thread.id}/posts`, { body: 'insulting text' });
    const postId = reply.body.posts[1].id;
    expect((await (await signedIn(t, w.leaderB)).post(`/api/posts/${postId}/report`, { reason: 'Insult' })).status).toBe(204);
    const moderator = await signedIn(t, w.leaderA); // started the group, so coordinates it
    expect((await moderator.get(`/api/threads/${thread.id}`)).body.posts[1].reportCount).toBe(1);
    expect((await (await signedIn(t, w.leaderB)).patch(`/api/posts/${postId}/moderation`, { hidden: true })).status).toBe(403);
    const hidden = await moderator.patch(`/api/posts/${postId}/moderation`, { hidden: true });
    expect(hidden.body.posts[1]).toMatchObject({ hidden: true, bodyMarkdown: 'insulting text', reportCount: 0 });
    const seenByMember = (await (await signedIn(t, w.volunteerB)).get(`/api/threads/${thread.id}`)).body.posts[1];
    expect(seenByMember).toMatchObject({ hidden: true, bodyMarkdown: '', bodyHtml: '' });
  });

  it('locks a thread: replies and edits answer THREAD_LOCKED, nothing is added', async () => {
    const thread = await startThread('Locked');
    const coordinator = await signedIn(t, w.coordinator); // network coordinators moderate every group
    expect((await coordinator.patch(`/api/threads/${thread.id}/moderation`, { locked: true })).body.locked).toBe(true);
    const member = await signedIn(t, w.leaderB);
    const refused = await member.post(`/api/threads/${thread.id}/posts`, { body: 'late' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('THREAD_LOCKED');
    expect((await (await signedIn(t, w.leaderA)).patch(`/api/posts/${thread.posts[0]!.id}`, { body: 'x' })).body.code).toBe('THREAD_LOCKED');
    expect(await t.prisma.discussionPost.count({ where: { threadId: thread.id } })).toBe(1);
  });

  it('hides a whole thread: gone for members (404 and not listed), still there for moderators', async () => {
    const thread = await startThread('Off topic');
    await (await signedIn(t, w.coordinator)).patch(`/api/threads/${thread.id}/moderation`, { hidden: true });
    const member = await signedIn(t, w.volunteerA);
    expect((await member.get(`/api/threads/${thread.id}`)).status).toBe(404);
    expect((await member.get(`/api/groups/${w.closedGroupId}/threads`)).body.items.map((i: { id: string }) => i.id)).not.toContain(thread.id);
    expect((await (await signedIn(t, w.leaderA)).get(`/api/threads/${thread.id}`)).body.hidden).toBe(true);
  });
});

describe('@mentions', () => {
  it('notifies a mentioned member once, and refuses mentioning someone outside the group', async () => {
    const author = await signedIn(t, w.leaderA);
    const thread = await startThread('Mentions');
    const reply = await author.post(`/api/threads/${thread.id}/posts`, { body: 'What do you think, Ana?', mentions: [w.volunteerB.id] });
    expect(reply.body.posts[1].mentions).toEqual([{ id: w.volunteerB.id, name: w.volunteerB.name }]);
    const inbox = await (await signedIn(t, w.volunteerB)).get('/api/me/notifications');
    const mentions = inbox.body.items.filter((n: { kind: string; link: string }) => n.kind === 'mention' && n.link.endsWith(thread.id));
    expect(mentions).toHaveLength(1);
    expect(mentions[0].data).toMatchObject({ actor: w.leaderA.name, title: 'Mentions' });
    const mail = await t.mailbox.waitFor(w.volunteerB.email, (m) => (m.text ?? '').includes('mentioned you in “Mentions”'));
    expect(mail.text).toContain(`http://tadamon.test/collaboration/threads/${thread.id}`);

    const outside = await author.post(`/api/threads/${thread.id}/posts`, { body: 'hey', mentions: [w.leaderC.id] });
    expect(outside.status).toBe(400);
    expect(outside.body.details.fields.mentions).toBeDefined();
    expect(await t.prisma.notification.count({ where: { userId: w.leaderC.id } })).toBe(0);
  });
});
