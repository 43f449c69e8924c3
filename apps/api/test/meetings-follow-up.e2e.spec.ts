import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionItemListSchema, minutesResponseSchema } from '@tadamon/shared';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createOrganisation, createWorld } from './support/factories.js';
import { createMeeting, meetingBody } from './support/meeting-fixtures.js';
import type { TestClient } from './support/test-client.js';
import { failOutboxCommits, jobsWrittenBy, recordTransactions, writers } from './support/outbox-probe.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let meetingId: string;
const as: Record<string, TestClient> = {};

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  for (const who of ['coordinator', 'leaderA', 'volunteerA', 'leaderB', 'volunteerB', 'leaderC'] as const) {
    as[who] = t.client();
    await as[who].signIn(world[who].email, TEST_PASSWORD);
  }
  meetingId = (await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { title: 'Bilan' }))).id;
  await as.volunteerB!.put(`/api/meetings/${meetingId}/registration`, { answer: 'YES' });
});
afterAll(async () => t?.close());

const notices = (userId: string, kind: string) => t.prisma.notification.findMany({ where: { userId, kind } });

describe('minutes', () => {
  it('keeps a draft for the host, then shares the published minutes as sanitised HTML with participants, notified once', async () => {
    const body = '## Décisions\n\n**Mutuelles** : plan commun.\n\n<script>alert(1)</script> [lien](javascript:alert(1))';
    const draft = await as.leaderA!.put(`/api/meetings/${meetingId}/minutes`, { body, publish: false });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect(draft.body.minutes).toMatchObject({ body, publishedAt: null, canEdit: true });
    expect(minutesResponseSchema.parse((await as.volunteerB!.get(`/api/meetings/${meetingId}/minutes`)).body).minutes).toBeNull();
    expect(await notices(world.volunteerB.id, 'meetingMinutes')).toHaveLength(0);

    await as.leaderA!.put(`/api/meetings/${meetingId}/minutes`, { body, publish: true });
    const seen = minutesResponseSchema.parse((await as.volunteerB!.get(`/api/meetings/${meetingId}/minutes`)).body);
    expect(seen.canEdit).toBe(false);
    expect(seen.minutes!.body).toBeNull();
    expect(seen.minutes!.publishedAt).not.toBeNull();
    expect(seen.minutes!.html).toContain('<h2>Décisions</h2>');
    expect(seen.minutes!.html).toContain('<strong>Mutuelles</strong>');
    // The script and the javascript: link stay visible as text, never as a tag or a link.
    expect(seen.minutes!.html).not.toMatch(/<script|href="javascript:/i);
    expect(seen.minutes!.html).toContain('&lt;script&gt;');
    expect((await as.leaderB!.get(`/api/meetings/${meetingId}/minutes`)).body.minutes.html).toContain('Décisions');

    // A correction after publishing does not announce the minutes again.
    await as.leaderA!.put(`/api/meetings/${meetingId}/minutes`, { body: `${body}\n\nCorrigé.`, publish: true });
    expect(await notices(world.volunteerB.id, 'meetingMinutes')).toHaveLength(1);
    expect(await notices(world.leaderB.id, 'meetingMinutes')).toHaveLength(1);
    await t.mailbox.waitFor(world.volunteerB.email, (m) => !!m.text?.includes('The minutes of the meeting “Bilan” have been published.'));
  });

  it('shows minutes to participants only: 403 to a member who did not register, 404 outside the invitation', async () => {
    const volunteerA = await as.volunteerA!.get(`/api/meetings/${meetingId}/minutes`);
    expect(volunteerA.status).toBe(403);
    expect((await as.leaderC!.get(`/api/meetings/${meetingId}/minutes`)).status).toBe(404);
    expect((await as.leaderB!.put(`/api/meetings/${meetingId}/minutes`, { body: 'x', publish: true })).status).toBe(403);
  });
});

describe('attendance', () => {
  it('lets the host record present / absent / excused for registered people', async () => {
    const list = await as.leaderA!.get(`/api/meetings/${meetingId}/attendance`);
    expect(list.body.items).toEqual([{ userId: world.volunteerB.id, name: world.volunteerB.name, organisationName: 'Org B', status: null }]);
    const saved = await as.leaderA!.put(`/api/meetings/${meetingId}/attendance`, { entries: [{ userId: world.volunteerB.id, status: 'EXCUSED' }] });
    expect(saved.status).toBe(200);
    expect(saved.body.items[0].status).toBe('EXCUSED');
  });

  it('refuses someone who is not registered and records nothing of that request', async () => {
    const response = await as.leaderA!.put(`/api/meetings/${meetingId}/attendance`, {
      entries: [{ userId: world.volunteerB.id, status: 'PRESENT' }, { userId: world.volunteerA.id, status: 'PRESENT' }],
    });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('MEETING_ATTENDEE_NOT_REGISTERED');
    expect(response.body.details.userIds).toEqual([world.volunteerA.id]);
    const rows = await t.prisma.meetingAttendance.findMany({ where: { meetingId } });
    expect(rows.map((r) => [r.userId, r.status])).toEqual([[world.volunteerB.id, 'EXCUSED']]);
  });

  it('is the host’s to record: 403 for an invited leader, 404 outside', async () => {
    const entries = [{ userId: world.volunteerB.id, status: 'PRESENT' }];
    expect((await as.leaderB!.put(`/api/meetings/${meetingId}/attendance`, { entries })).status).toBe(403);
    expect((await as.leaderC!.put(`/api/meetings/${meetingId}/attendance`, { entries })).status).toBe(404);
    expect((await as.leaderC!.get(`/api/meetings/${meetingId}/attendance`)).status).toBe(404);
  });
});

describe('action items', () => {
  let itemId: string;

  it('assigns an item to an invited organisation, notifies its leaders, and lists it on that organisation’s home page', async () => {
    const created = await as.leaderA!.post(`/api/meetings/${meetingId}/action-items`, {
      title: 'Envoyer le modèle de statuts',
      description: 'Version arabe et française',
      assigneeOrganisationId: world.orgB.id,
      dueDate: '2027-07-01',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ status: 'OPEN', dueDate: '2027-07-01', assigneeOrganisation: { id: world.orgB.id, name: 'Org B' }, canEdit: true });
    itemId = created.body.id;
    const notice = await notices(world.leaderB.id, 'meetingActionItem');
    expect(notice).toHaveLength(1);
    expect(notice[0]!.data).toMatchObject({ title: 'Envoyer le modèle de statuts', group: 'Bilan', organisation: 'Org B' });

    const home = actionItemListSchema.parse((await as.volunteerB!.get(`/api/organisations/${world.orgB.id}/meeting-action-items`)).body);
    expect(home.items.map((i) => [i.title, i.meetingTitle, i.canUpdateStatus])).toEqual([['Envoyer le modèle de statuts', 'Bilan', false]]);
    expect((await as.leaderC!.get(`/api/organisations/${world.orgB.id}/meeting-action-items`)).status).toBe(404);
    expect((await as.leaderC!.get(`/api/meetings/${meetingId}/action-items`)).status).toBe(404);
  });

  it('lets the assignee’s leader move the status along, but not edit the item; a volunteer cannot', async () => {
    const byLeader = await as.leaderB!.put(`/api/meetings/${meetingId}/action-items/${itemId}/status`, { status: 'IN_PROGRESS' });
    expect(byLeader.status).toBe(200);
    expect(byLeader.body).toMatchObject({ status: 'IN_PROGRESS', canEdit: false, canUpdateStatus: true });
    expect((await as.volunteerB!.put(`/api/meetings/${meetingId}/action-items/${itemId}/status`, { status: 'DONE' })).status).toBe(403);
    const edit = await as.leaderB!.put(`/api/meetings/${meetingId}/action-items/${itemId}`, { title: 'Autre', assigneeOrganisationId: world.orgB.id });
    expect(edit.status).toBe(403);
    expect((await as.leaderB!.put(`/api/meetings/${meetingId}/action-items/${itemId}/status`, { status: 'DONE' })).status).toBe(200);
    // Done items leave the home page list.
    expect((await as.volunteerB!.get(`/api/organisations/${world.orgB.id}/meeting-action-items`)).body.items).toEqual([]);
  });

  it('refuses an organisation that is not invited, or an impossible date, and creates nothing', async () => {
    const notInvited = await createOrganisation(t.prisma, world.network.id, { name: 'Org D' });
    const before = await t.prisma.meetingActionItem.count();
    for (const organisation of [notInvited.id, world.orgC.id]) {
      const response = await as.leaderA!.post(`/api/meetings/${meetingId}/action-items`, { title: 'X', assigneeOrganisationId: organisation });
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('MEETING_ASSIGNEE_NOT_INVITED');
    }
    const badDate = await as.leaderA!.post(`/api/meetings/${meetingId}/action-items`, { title: 'X', assigneeOrganisationId: world.orgB.id, dueDate: '2027-02-30' });
    expect(badDate.status).toBe(400);
    expect(badDate.body.details.fields.dueDate[0].message).toBe('date');
    const reassign = await as.leaderA!.put(`/api/meetings/${meetingId}/action-items/${itemId}`, { title: 'X', assigneeOrganisationId: notInvited.id });
    expect(reassign.status).toBe(422);
    expect(await t.prisma.meetingActionItem.count()).toBe(before);
    expect((await t.prisma.meetingActionItem.findUniqueOrThrow({ where: { id: itemId } })).assigneeOrganisationId).toBe(world.orgB.id);
  });
});

describe('in-app notifications of a meeting', () => {
  it('tells invited people once per event: invitation, time changed (not a mere rename), cancelled', async () => {
    const meeting = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { title: 'Annonces' }));
    await as.volunteerB!.put(`/api/meetings/${meeting.id}/registration`, { answer: 'YES' });
    const { hostOrganisationId: _h, ...body } = meetingBody(world.orgA.id, [world.orgB.id], { title: 'Annonces' });
    await as.leaderA!.put(`/api/meetings/${meeting.id}`, { ...body, title: 'Annonces (salle 2)' });
    await as.leaderA!.put(`/api/meetings/${meeting.id}`, { ...body, title: 'Annonces (salle 2)', startLocal: '2027-06-10T14:00', endLocal: '2027-06-10T15:00' });
    await as.leaderA!.post(`/api/meetings/${meeting.id}/cancel`);
    await as.leaderA!.post(`/api/meetings/${meeting.id}/cancel`);
    const of = async (userId: string) =>
      (await t.prisma.notification.findMany({ where: { userId, link: `/meetings/${meeting.id}` }, orderBy: { createdAt: 'asc' } })).map((n) => n.kind);
    expect(await of(world.leaderB.id)).toEqual(['meetingInvitation', 'meetingTimeChanged', 'meetingCancelled']);
    expect(await of(world.volunteerB.id)).toEqual(['meetingTimeChanged', 'meetingCancelled']);
    // The meeting's own e-mails carry these; the notifications are not mailed a second time.
    const mailed = await t.prisma.notification.findMany({ where: { link: `/meetings/${meeting.id}`, emailedAt: null } });
    expect(mailed).toEqual([]);
    const inbox = await as.leaderB!.get('/api/me/notifications');
    expect(inbox.body.items.some((n: { kind: string; data: { title: string } }) => n.kind === 'meetingCancelled' && n.data.title === 'Annonces (salle 2)')).toBe(true);
  });
});

describe('the minutes notice in the publishing transaction (outbox)', () => {
  it('publishing that fails after queueing the notice leaves the minutes unpublished and notifies nobody; publishing again notifies once', async () => {
    const id = (await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { title: 'Outbox minutes' }))).id;
    await as.volunteerB!.put(`/api/meetings/${id}/registration`, { answer: 'YES' });
    const restore = await failOutboxCommits(t.prisma);
    let failed;
    try {
      failed = await as.leaderA!.put(`/api/meetings/${id}/minutes`, { body: 'Décidé.', publish: true });
    } finally {
      await restore();
    }
    expect(failed.status).toBe(500);
    expect(minutesResponseSchema.parse((await as.volunteerB!.get(`/api/meetings/${id}/minutes`)).body).minutes).toBeNull();
    expect(await t.prisma.notification.count({ where: { eventKey: `meeting:${id}:minutes` } })).toBe(0);

    expect((await as.leaderA!.put(`/api/meetings/${id}/minutes`, { body: 'Décidé.', publish: true })).status).toBe(200);
    expect(await t.prisma.notification.count({ where: { eventKey: `meeting:${id}:minutes`, userId: world.volunteerB.id } })).toBe(1);
  });
});

describe('an action item and its assignee notice in one transaction (outbox)', () => {
  it('an item whose save fails after queueing the notice leaves neither item nor notice; saved again, the item and its mailed notice commit together', async () => {
    const item = { title: 'Traduire le rapport', description: '', assigneeOrganisationId: world.orgB.id, dueDate: null };
    const restore = await failOutboxCommits(t.prisma);
    let failed;
    try {
      failed = await as.leaderA!.post(`/api/meetings/${meetingId}/action-items`, item);
    } finally {
      await restore();
    }
    expect(failed.status).toBe(500);
    expect(await t.prisma.meetingActionItem.count({ where: { meetingId, title: 'Traduire le rapport' } })).toBe(0);
    expect(await t.prisma.notification.count({ where: { kind: 'meetingActionItem', data: { path: ['title'], equals: 'Traduire le rapport' } } })).toBe(0);

    await recordTransactions(t.prisma, ['MeetingActionItem', 'Notification']);
    const created = await as.leaderA!.post(`/api/meetings/${meetingId}/action-items`, item);
    expect(created.status).toBe(201);
    const notice = await t.prisma.notification.findFirstOrThrow({ where: { eventKey: `meeting-action-item:${created.body.id}:${world.orgB.id}`, userId: world.leaderB.id } });
    // The item, its notification and the notification's mail job: one transaction.
    const [itemWriter] = await writers(t.prisma, 'MeetingActionItem', created.body.id);
    expect(await writers(t.prisma, 'Notification', notice.id)).toContain(itemWriter);
    expect(await jobsWrittenBy(t.prisma, [itemWriter!])).toContain(`notification:${notice.id}`);
  });
});
