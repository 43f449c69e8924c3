import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createCollaborationWorld, signedIn } from './support/collaboration-world.js';
import { NotificationsService, nextDigest } from '../src/modules/notifications/notifications.service.js';
import { failOutboxCommits, jobsWrittenBy, recordTransactions, writers } from './support/outbox-probe.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof createCollaborationWorld>>;

beforeAll(async () => {
  t = await startTestApp();
  w = await createCollaborationWorld(t);
});
afterAll(async () => {
  await t?.close();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

describe('notification centre', () => {
  it('counts unread notifications, marks them read, and never touches someone else’s', async () => {
    const leaderA = await signedIn(t, w.leaderA);
    const thread = await leaderA.post(`/api/groups/${w.openGroupId}/threads`, { title: 'Budget 2027', body: 'Ideas?', mentions: [w.volunteerA.id, w.volunteerB.id] });
    expect(thread.status).toBe(201);
    const volunteerA = await signedIn(t, w.volunteerA);
    const inbox = await volunteerA.get('/api/me/notifications');
    expect(inbox.body.unreadCount).toBe(1);
    expect(inbox.body.items[0]).toMatchObject({ kind: 'mention', read: false, link: `/collaboration/threads/${thread.body.id}` });

    const foreign = await t.prisma.notification.findFirstOrThrow({ where: { userId: w.volunteerB.id } });
    await volunteerA.post('/api/me/notifications/read', { ids: [foreign.id] });
    expect((await t.prisma.notification.findUniqueOrThrow({ where: { id: foreign.id } })).readAt).toBeNull();

    const read = await volunteerA.post('/api/me/notifications/read', { ids: [inbox.body.items[0].id] });
    expect(read.body.unreadCount).toBe(0);
    expect(read.body.items[0].read).toBe(true);
  });

  it('notifies followers of a new thread but not its author', async () => {
    const leaderB = await signedIn(t, w.leaderB);
    await leaderB.put(`/api/groups/${w.openGroupId}/follow`);
    await (await signedIn(t, w.coordinator)).post(`/api/groups/${w.openGroupId}/threads`, { title: 'Pension reform', body: 'Start here' });
    const items = (await leaderB.get('/api/me/notifications')).body.items;
    expect(items.filter((n: { kind: string }) => n.kind === 'newThread').map((n: { data: { title: string } }) => n.data.title)).toEqual(['Pension reform']);
    const toAuthor = await t.prisma.notification.findMany({ where: { userId: w.coordinator.id, kind: 'newThread' } });
    expect(toAuthor.map((n) => (n.data as { title: string }).title)).not.toContain('Pension reform');
  });
});

describe('e-mail', () => {
  it('mails immediately by default, in the person’s language, exactly once per event', async () => {
    await t.prisma.user.update({ where: { id: w.leaderB.id }, data: { preferredLanguage: 'fr' } });
    const notifications = t.app.get(NotificationsService);
    const event = { eventKey: 'test:once', kind: 'documentStatus' as const, recipients: [w.leaderB.id], data: { title: 'Lettre commune', status: 'PUBLISHED' }, link: '/collaboration/documents/x' };
    await notifications.notify(event);
    await notifications.notify(event); // the same event again: a retried request
    await t.jobs.drain();
    await t.mailbox.waitFor(w.leaderB.email, (m) => (m.text ?? '').includes('« Lettre commune » est maintenant : publié.'));
    await settle();
    expect(t.mailbox.for(w.leaderB.email).filter((m) => (m.text ?? '').includes('Lettre commune'))).toHaveLength(1);
    expect(await t.prisma.notification.count({ where: { userId: w.leaderB.id, eventKey: 'test:once' } })).toBe(1);
  });

  it('gathers notifications into one daily digest for people who chose it, sent once', async () => {
    const volunteerB = await signedIn(t, w.volunteerB);
    expect((await volunteerB.put('/api/me/notifications/preference', { emailMode: 'DAILY' })).body.emailMode).toBe('DAILY');
    const before = t.mailbox.for(w.volunteerB.email).length;
    const leaderA = await signedIn(t, w.leaderA);
    await leaderA.post(`/api/groups/${w.openGroupId}/threads`, { title: 'Digest one', body: 'x', mentions: [w.volunteerB.id] });
    await leaderA.post(`/api/groups/${w.openGroupId}/threads`, { title: 'Digest two', body: 'y', mentions: [w.volunteerB.id] });
    await t.jobs.drain();
    await settle();
    expect(t.mailbox.for(w.volunteerB.email)).toHaveLength(before);

    // One delayed digest job for the person and day, however many notifications.
    const { day } = nextDigest(new Date());
    const queue = await t.bullQueue();
    const delayed = (await queue.getDelayed()).filter((j) => j.name === 'notifications.digest' && j.data.userId === w.volunteerB.id);
    expect(delayed.map((j) => j.data.day)).toEqual([day]);
    // Run it now, twice, as a worker retrying would.
    await delayed[0]!.promote();
    await t.jobs.drain();
    await t.jobs.enqueue('notifications.digest', { userId: w.volunteerB.id, day }, { jobId: `digest-rerun:${w.volunteerB.id}` });
    await t.jobs.drain();
    const digest = await t.mailbox.waitFor(w.volunteerB.email, (m) => (m.subject ?? '').startsWith('Your Tadamon daily summary'));
    expect(digest.text).toContain('mentioned you in “Digest one”');
    expect(digest.text).toContain('mentioned you in “Digest two”');
    await settle();
    expect(t.mailbox.for(w.volunteerB.email).filter((m) => (m.subject ?? '').startsWith('Your Tadamon daily summary'))).toHaveLength(1);
  });

  it('sends nothing to people who turned e-mail off, but keeps the in-app notification', async () => {
    const volunteerA = await signedIn(t, w.volunteerA);
    await volunteerA.put('/api/me/notifications/preference', { emailMode: 'OFF' });
    const before = t.mailbox.for(w.volunteerA.email).length;
    await (await signedIn(t, w.leaderA)).post(`/api/groups/${w.openGroupId}/threads`, { title: 'Quiet', body: 'x', mentions: [w.volunteerA.id] });
    await t.jobs.drain();
    await settle();
    expect(t.mailbox.for(w.volunteerA.email)).toHaveLength(before);
    expect((await volunteerA.get('/api/me/notifications')).body.items[0].data.title).toBe('Quiet');
  });
});

describe('notification mails in the notification’s transaction (outbox)', () => {
  it('a notification whose transaction fails after queueing its mail leaves neither; the retried event then mails once', async () => {
    const notifications = t.app.get(NotificationsService);
    const event = { eventKey: 'test:outbox-retry', kind: 'documentStatus' as const, recipients: [w.leaderA.id], data: { title: 'Outbox letter', status: 'PUBLISHED' }, link: '/collaboration/documents/y' };
    const restore = await failOutboxCommits(t.prisma);
    try {
      await expect(notifications.notify(event)).rejects.toThrow();
    } finally {
      await restore();
    }
    expect(await t.prisma.notification.count({ where: { eventKey: 'test:outbox-retry' } })).toBe(0);
    await t.jobs.drain();
    await settle();
    expect(t.mailbox.for(w.leaderA.email).filter((m) => (m.text ?? '').includes('Outbox letter'))).toHaveLength(0);

    // Before, the notification row survived alone and the retry found it taken: no mail ever.
    await recordTransactions(t.prisma, ['Notification']);
    await notifications.notify(event);
    const notification = await t.prisma.notification.findFirstOrThrow({ where: { eventKey: 'test:outbox-retry', userId: w.leaderA.id } });
    expect(await jobsWrittenBy(t.prisma, await writers(t.prisma, 'Notification', notification.id))).toContain(`notification:${notification.id}`);
    await t.mailbox.waitFor(w.leaderA.email, (m) => (m.text ?? '').includes('Outbox letter'));
    await settle();
    expect(t.mailbox.for(w.leaderA.email).filter((m) => (m.text ?? '').includes('Outbox letter'))).toHaveLength(1);
  });

  it('the digest handler writes its mail in the transaction that marks the notifications mailed', async () => {
    const notifications = t.app.get(NotificationsService);
    await t.prisma.notificationPreference.upsert({ where: { userId: w.leaderB.id }, create: { userId: w.leaderB.id, emailMode: 'DAILY' }, update: { emailMode: 'DAILY' } });
    await notifications.notify({ eventKey: 'test:digest-outbox', kind: 'documentStatus', recipients: [w.leaderB.id], data: { title: 'Digest letter', status: 'PUBLISHED' }, link: '/collaboration/documents/z' });
    const pending = await t.prisma.notification.findFirstOrThrow({ where: { eventKey: 'test:digest-outbox', userId: w.leaderB.id } });
    expect(pending.emailedAt).toBeNull();

    const restore = await failOutboxCommits(t.prisma);
    try {
      await expect(notifications.sendDigest(w.leaderB.id, '2030-01-01')).rejects.toThrow();
    } finally {
      await restore();
    }
    // Nothing queued, so the notification is still waiting for a digest.
    expect((await t.prisma.notification.findUniqueOrThrow({ where: { id: pending.id } })).emailedAt).toBeNull();
    expect(await t.prisma.outboxJob.count({ where: { jobId: `digest-mail:${w.leaderB.id}:2030-01-01` } })).toBe(0);

    await recordTransactions(t.prisma, ['Notification']);
    await notifications.sendDigest(w.leaderB.id, '2030-01-01');
    const marked = (await writers(t.prisma, 'Notification', pending.id)).slice(-1);
    expect(await jobsWrittenBy(t.prisma, marked)).toEqual([`digest-mail:${w.leaderB.id}:2030-01-01`]);
    const digest = await t.mailbox.waitFor(w.leaderB.email, (m) => (m.text ?? '').includes('Digest letter'));
    expect(digest.subject).toMatch(/Tadamon/);
  });
});

/** Runs `request` while every transaction that queues a job fails at COMMIT. */
async function withFailingCommits<T>(request: () => Promise<T>): Promise<T> {
  const restore = await failOutboxCommits(t.prisma);
  try {
    return await request();
  } finally {
    await restore();
  }
}

describe('a change and its notifications in one transaction (outbox)', () => {
  it('a reply whose transaction fails after queueing its notices leaves no post and no notification; posted again, post, notices and mails commit together', async () => {
    // People who get their mails at once (others in this file chose a digest or none).
    const coordinator = await signedIn(t, w.coordinator);
    const thread = await coordinator.post(`/api/groups/${w.openGroupId}/threads`, { title: 'Outbox thread', body: 'Opening' });
    expect(thread.status).toBe(201);
    const volunteerA = await signedIn(t, w.volunteerA);
    const reply = { body: 'A reply that must not vanish', mentions: [w.leaderA.id] };
    const failed = await withFailingCommits(() => volunteerA.post(`/api/threads/${thread.body.id}/posts`, reply));
    expect(failed.status).toBe(500);
    expect(await t.prisma.discussionPost.count({ where: { threadId: thread.body.id, body: reply.body } })).toBe(0);
    expect(await t.prisma.notification.count({ where: { link: `/collaboration/threads/${thread.body.id}`, kind: { in: ['mention', 'reply'] } } })).toBe(0);

    await recordTransactions(t.prisma, ['DiscussionPost', 'Notification']);
    expect((await volunteerA.post(`/api/threads/${thread.body.id}/posts`, reply)).status).toBe(201);
    const post = await t.prisma.discussionPost.findFirstOrThrow({ where: { threadId: thread.body.id, body: reply.body } });
    const [postWriter] = await writers(t.prisma, 'DiscussionPost', post.id);
    const notices = await t.prisma.notification.findMany({ where: { eventKey: { in: [`mention:${post.id}`, `reply:${post.id}`] } } });
    // Leader A is mentioned, the coordinator (the thread's author) hears of the reply.
    expect(notices.map((n) => [n.userId, n.kind]).sort()).toEqual([[w.coordinator.id, 'reply'], [w.leaderA.id, 'mention']].sort());
    const jobs = await jobsWrittenBy(t.prisma, [postWriter!]);
    for (const notice of notices) {
      expect([...new Set(await writers(t.prisma, 'Notification', notice.id))]).toEqual([postWriter]);
      expect(jobs).toContain(`notification:${notice.id}`);
    }
    await t.mailbox.waitFor(w.leaderA.email, (m) => (m.text ?? '').includes('Outbox thread'));
  });

  it('a comment or a signature whose transaction fails leaves neither it nor its notices; the owner’s leaders hear of each once it commits', async () => {
    const leaderA = await signedIn(t, w.leaderA);
    const created = await leaderA.post(`/api/groups/${w.closedGroupId}/documents`, {
      kind: 'LETTER',
      ownerOrganisationId: w.orgA.id,
      language: 'en',
      title: 'Outbox letter to the ministry',
      body: 'We ask for a meeting.',
      signatoryOrganisationIds: [w.orgB.id],
    });
    const id = created.body.id as string;
    const leaderB = await signedIn(t, w.leaderB);
    // Mailed at once (an earlier test chose the digest), so each notice queues a mail of its own.
    expect((await leaderB.put('/api/me/notifications/preference', { emailMode: 'IMMEDIATE' })).status).toBe(200);
    const comment = { language: 'en', quote: 'a meeting', body: 'Before June, please.' };
    expect((await withFailingCommits(() => leaderB.post(`/api/documents/${id}/comments`, comment))).status).toBe(500);
    expect(await t.prisma.jointDocumentComment.count({ where: { documentId: id } })).toBe(0);
    expect(await t.prisma.notification.count({ where: { link: `/collaboration/documents/${id}` } })).toBe(0);

    // Opening for signature tells the signatories' leaders; failing, it leaves the status as it was.
    expect((await leaderA.post(`/api/documents/${id}/status`, { status: 'IN_REVIEW' })).status).toBe(200);
    expect((await withFailingCommits(() => leaderA.post(`/api/documents/${id}/status`, { status: 'OPEN_FOR_SIGNATURE' }))).status).toBe(500);
    expect((await leaderA.get(`/api/documents/${id}`)).body.status).toBe('IN_REVIEW');
    expect(await t.prisma.notification.count({ where: { link: `/collaboration/documents/${id}`, kind: 'signatureRequested' } })).toBe(0);
    expect((await leaderA.post(`/api/documents/${id}/status`, { status: 'OPEN_FOR_SIGNATURE' })).status).toBe(200);
    expect(await t.prisma.notification.count({ where: { link: `/collaboration/documents/${id}`, kind: 'signatureRequested', userId: w.leaderB.id } })).toBe(1);

    const sign = () => leaderB.post(`/api/documents/${id}/signatories/${w.orgB.id}/decision`, { decision: 'SIGN' });
    expect((await withFailingCommits(sign)).status).toBe(500);
    expect((await leaderB.get(`/api/documents/${id}`)).body.signatories[0].status).toBe('INVITED');
    expect(await t.prisma.notification.count({ where: { link: `/collaboration/documents/${id}`, kind: 'signatureDecided' } })).toBe(0);

    await recordTransactions(t.prisma, ['JointDocumentComment', 'Notification']);
    expect((await leaderB.post(`/api/documents/${id}/comments`, comment)).status).toBe(201);
    expect((await sign()).status).toBe(200);
    const saved = await t.prisma.jointDocumentComment.findFirstOrThrow({ where: { documentId: id } });
    const notice = await t.prisma.notification.findFirstOrThrow({ where: { eventKey: `document-comment:${saved.id}`, userId: w.leaderA.id } });
    const [commentWriter] = await writers(t.prisma, 'JointDocumentComment', saved.id);
    expect([...new Set(await writers(t.prisma, 'Notification', notice.id))]).toEqual([commentWriter]);
    expect(await jobsWrittenBy(t.prisma, [commentWriter!])).toContain(`notification:${notice.id}`);
    const decided = await t.prisma.notification.findMany({ where: { link: `/collaboration/documents/${id}`, kind: 'signatureDecided' } });
    expect(decided.map((n) => n.userId)).toEqual([w.leaderA.id]);
    expect(await t.prisma.outboxJob.count({ where: { jobId: `notification:${decided[0]!.id}` } })).toBe(1);
  });
});
