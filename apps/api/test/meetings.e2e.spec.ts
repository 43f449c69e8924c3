import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingDetailSchema, meetingSummarySchema } from '@tadamon/shared';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createOrganisation, createUser, createWorld } from './support/factories.js';
import { createMeeting, meetingBody, meetingState } from './support/meeting-fixtures.js';
import type { TestClient } from './support/test-client.js';
import { failOutboxCommits, jobsWrittenBy, recordTransactions, writers } from './support/outbox-probe.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
const as: Record<string, TestClient> = {};

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  for (const who of ['coordinator', 'leaderA', 'volunteerA', 'leaderB', 'volunteerB', 'leaderC', 'otherCoordinator'] as const) {
    as[who] = t.client();
    await as[who].signIn(world[who].email, TEST_PASSWORD);
  }
});
afterAll(async () => t?.close());

const meetingCount = () => t.prisma.meeting.count();

describe('scheduling a meeting', () => {
  it('lets the host’s leader create it, stored as UTC instants with the host’s zone', async () => {
    const meeting = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { registrationDeadlineLocal: '2027-06-08T18:00' }));
    expect(meeting).toMatchObject({
      title: 'Échange Tanger–Bamako sur les mutuelles',
      description: 'Retours d’expérience et plan commun.',
      hostOrganisation: { id: world.orgA.id, name: 'Org A' },
      invitedOrganisations: [{ id: world.orgB.id, name: 'Org B', response: 'PENDING' }],
      wholeNetwork: false,
      format: 'HYBRID',
      address: 'Rue de Fès 12, Tanger',
      onlineUrl: 'https://meet.example.org/tadamon',
      // 10:00 in Casablanca (+01 in June) is 09:00 UTC.
      startsAt: '2027-06-10T09:00:00.000Z',
      endsAt: '2027-06-10T11:00:00.000Z',
      startLocal: '2027-06-10T10:00',
      timeZone: 'Africa/Casablanca',
      languages: ['fr', 'ar', 'bm'],
      interpretationNeeds: 'Bambara ↔ français',
      capacity: 30,
      registrationDeadline: '2027-06-08T17:00:00.000Z',
      registrationDeadlineLocal: '2027-06-08T18:00',
      reminderMinutes: [1440, 60],
      sequence: 0,
      canManage: true,
    });
    // The agenda keeps its order, presenters and durations.
    expect(meeting.agenda).toEqual([
      { title: 'Accueil', presenter: 'Nadia', durationMinutes: 15 },
      { title: 'Mutuelles de santé au Mali', presenter: 'Aminata', durationMinutes: 45 },
    ]);
  });

  it('keeps only the place that fits the format: an address in person, a link online', async () => {
    const inPerson = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { format: 'IN_PERSON' }));
    expect(inPerson).toMatchObject({ format: 'IN_PERSON', address: 'Rue de Fès 12, Tanger', onlineUrl: null });
    const online = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { format: 'ONLINE' }));
    expect(online).toMatchObject({ format: 'ONLINE', address: null, onlineUrl: 'https://meet.example.org/tadamon' });
  });

  it('mails the invited organisation’s leader with the .ics attached', async () => {
    const meeting = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { title: 'Mail check' }));
    const mail = await t.mailbox.waitFor(world.leaderB.email, (m) => m.subject === 'Invitation: Mail check');
    expect(mail.text).toContain('Org A invites your organisation to the meeting “Mail check”.');
    expect(mail.text).toContain(`/meetings/${meeting.id}`);
    const ics = mail.attachments.find((a) => a.filename === 'meeting.ics');
    expect(ics?.content.toString()).toContain('METHOD:REQUEST');
    expect(ics?.content.toString()).toContain(`UID:meeting-${meeting.id}@tadamon`);
  });

  it('lets a coordinator schedule for any organisation of the network, and edit it', async () => {
    const meeting = await createMeeting(as.coordinator!, meetingBody(world.orgB.id, [world.orgA.id]));
    const response = await as.coordinator!.put(`/api/meetings/${meeting.id}`, {
      ...meetingBody(world.orgB.id, [world.orgA.id], { title: 'Renamed' }),
      hostOrganisationId: undefined,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({ title: 'Renamed', sequence: 1 });
  });

  it('refuses volunteers (403), leaders of another organisation (403) and other networks (404)', async () => {
    const before = await meetingCount();
    expect((await as.volunteerA!.post('/api/meetings', meetingBody(world.orgA.id, [world.orgB.id]))).status).toBe(403);
    const leaderB = await as.leaderB!.post('/api/meetings', meetingBody(world.orgA.id, [world.orgB.id]));
    expect(leaderB.status).toBe(403);
    expect(leaderB.body.code).toBe('FORBIDDEN');
    const leaderC = await as.leaderC!.post('/api/meetings', meetingBody(world.orgA.id, [world.orgB.id]));
    expect(leaderC.status).toBe(404);
    // An organisation of another network cannot be invited: for this host it does not exist.
    const foreign = await as.leaderA!.post('/api/meetings', meetingBody(world.orgA.id, [world.orgC.id]));
    expect(foreign.status).toBe(404);
    expect(await meetingCount()).toBe(before);
  });

  it.each([
    ['end before start', { endLocal: '2027-06-10T09:00' }, 'endLocal', 'endBeforeStart'],
    ['unknown time zone', { timeZone: 'Africa/Tanger' }, 'timeZone', 'unknownTimeZone'],
    ['a time skipped by the clock change', { timeZone: 'Europe/Brussels', startLocal: '2027-03-28T02:30', endLocal: '2027-03-28T04:00' }, 'startLocal', 'nonexistentLocalTime'],
    ['a broken repetition rule', { recurrence: 'FREQ=WEEKLY;BYDAY=XX' }, 'recurrence', 'recurrence'],
    ['an online meeting without a link', { format: 'ONLINE', onlineUrl: null }, 'onlineUrl', 'onlineUrlRequired'],
    ['a meeting in person without an address', { format: 'IN_PERSON', address: null }, 'address', 'addressRequired'],
    ['nobody invited', { invitedOrganisationIds: [] }, 'invitedOrganisationIds', 'nobodyInvited'],
    ['a registration deadline after the meeting', { registrationDeadlineLocal: '2027-06-10T13:00' }, 'registrationDeadlineLocal', 'deadlineAfterMeeting'],
  ])('refuses %s with a field error and creates nothing', async (_label, overrides, field, code) => {
    const before = await meetingCount();
    const response = await as.leaderA!.post('/api/meetings', meetingBody(world.orgA.id, [world.orgB.id], overrides));
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details.fields[field][0].message).toBe(code);
    expect(await meetingCount()).toBe(before);
  });
});

describe('a refused edit leaves the meeting as it was', () => {
  it.each([
    ['end before start', { endLocal: '2027-06-10T09:00' }, 'endLocal', 'endBeforeStart'],
    ['unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone', 'unknownTimeZone'],
  ])('refuses %s: same meeting, agenda, invitations, seats, no audit entry, no notification', async (_label, overrides, field, code) => {
    const meeting = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { title: 'Stays put' }));
    await as.volunteerB!.put(`/api/meetings/${meeting.id}/registration`, { answer: 'YES' });
    const before = await meetingState(t.prisma, meeting.id);
    const { hostOrganisationId: _h, ...update } = meetingBody(world.orgA.id, [world.orgB.id], { title: 'Moved', agenda: [], ...overrides });
    const response = await as.leaderA!.put(`/api/meetings/${meeting.id}`, update);
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details.fields[field][0].message).toBe(code);
    expect(await meetingState(t.prisma, meeting.id)).toEqual(before);
  });
});

describe('times for each reader', () => {
  it('gives every reader the wall-clock time in their own profile zone beside the host’s', async () => {
    await t.prisma.user.update({ where: { id: world.leaderB.id }, data: { timeZone: 'America/New_York' } });
    const meeting = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { recurrence: 'FREQ=MONTHLY;COUNT=2' }));
    const detail = meetingDetailSchema.parse((await as.leaderB!.get(`/api/meetings/${meeting.id}`)).body);
    expect(detail.viewerTimeZone).toBe('America/New_York');
    expect(detail.upcomingOccurrences).toEqual([
      { startsAt: '2027-06-10T09:00:00.000Z', endsAt: '2027-06-10T11:00:00.000Z', hostLocal: '2027-06-10T10:00', viewerLocal: '2027-06-10T05:00' },
      { startsAt: '2027-07-10T09:00:00.000Z', endsAt: '2027-07-10T11:00:00.000Z', hostLocal: '2027-07-10T10:00', viewerLocal: '2027-07-10T05:00' },
    ]);
  });
});

describe('who sees a meeting', () => {
  it('shows it to invited and host members and coordinators, and answers 404 to everyone else', async () => {
    const orgD = await createOrganisation(t.prisma, world.network.id, { name: 'Org D (not invited)' });
    const leaderD = await createUser(t.prisma, { role: 'ORG_LEADER', organisationId: orgD.id });
    const clientD = t.client();
    await clientD.signIn(leaderD.email, TEST_PASSWORD);
    const meeting = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { title: 'Private to A and B' }));
    for (const who of ['leaderA', 'volunteerA', 'leaderB', 'volunteerB', 'coordinator']) {
      expect((await as[who]!.get(`/api/meetings/${meeting.id}`)).status, who).toBe(200);
    }
    for (const client of [clientD, as.leaderC!, as.otherCoordinator!]) {
      const response = await client.get(`/api/meetings/${meeting.id}`);
      expect(response.status).toBe(404);
      expect((await client.get(`/api/meetings/${meeting.id}/calendar.ics`)).status).toBe(404);
      const list = await client.get('/api/meetings');
      expect(list.body.items.map((m: { id: string }) => m.id)).not.toContain(meeting.id);
    }
    const listB = await as.volunteerB!.get('/api/meetings');
    const summary = meetingSummarySchema.parse(listB.body.items.find((m: { id: string }) => m.id === meeting.id));
    expect(summary).toMatchObject({
      hostOrganisationName: 'Org A',
      timeZone: 'Africa/Casablanca',
      startsAt: '2027-06-10T09:00:00.000Z',
      startHostLocal: '2027-06-10T10:00',
      startViewerLocal: '2027-06-10T09:00', // volunteer B's profile zone is UTC
      viewerTimeZone: 'UTC',
    });
  });

  it('opens a whole-network meeting to every organisation of that network only', async () => {
    const meeting = await createMeeting(
      as.coordinator!,
      meetingBody(world.orgA.id, [], { wholeNetwork: true, title: 'Assemblée du réseau' }),
    );
    expect((await as.volunteerB!.get(`/api/meetings/${meeting.id}`)).status).toBe(200);
    expect((await as.leaderC!.get(`/api/meetings/${meeting.id}`)).status).toBe(404);
  });

  it('lets only the host’s leaders and coordinators edit or cancel (403 for an invited leader)', async () => {
    const meeting = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id]));
    const { hostOrganisationId: _host, ...update } = meetingBody(world.orgA.id, [world.orgB.id], { title: 'Hijacked' });
    expect((await as.leaderB!.put(`/api/meetings/${meeting.id}`, update)).status).toBe(403);
    expect((await as.leaderB!.post(`/api/meetings/${meeting.id}/cancel`)).status).toBe(403);
    expect((await as.leaderC!.put(`/api/meetings/${meeting.id}`, update)).status).toBe(404);
    const stored = await t.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(stored).toMatchObject({ title: meeting.title, status: 'SCHEDULED', sequence: 0 });
  });
});

describe('cancelling single occurrences of a recurring meeting', () => {
  it('drops the occurrence from the upcoming list and refuses a time that is not an occurrence', async () => {
    const meeting = await createMeeting(
      as.leaderA!,
      meetingBody(world.orgA.id, [world.orgB.id], {
        startLocal: '2027-01-25T10:00',
        endLocal: '2027-01-25T11:00',
        recurrence: 'FREQ=WEEKLY;COUNT=4',
        registrationDeadlineLocal: null,
      }),
    );
    const ramadanMonday = '2027-02-08T10:00:00.000Z';
    expect(meeting.upcomingOccurrences.map((o) => o.startsAt)).toContain(ramadanMonday);
    const wrong = await as.leaderA!.post(`/api/meetings/${meeting.id}/occurrences/cancel`, { occurrenceStart: '2027-02-08T09:00:00Z' });
    expect(wrong.status).toBe(400);
    const response = await as.leaderA!.post(`/api/meetings/${meeting.id}/occurrences/cancel`, { occurrenceStart: ramadanMonday });
    expect(response.status).toBe(200);
    const after = meetingDetailSchema.parse(response.body);
    expect(after.upcomingOccurrences.map((o) => o.startsAt)).toEqual([
      '2027-01-25T09:00:00.000Z',
      '2027-02-01T09:00:00.000Z',
      '2027-02-15T10:00:00.000Z',
    ]);
    expect(after.sequence).toBe(1);
  });
});

describe('meeting mails and reminders in the transaction of the change (outbox)', () => {
  it('a creation or cancellation whose transaction fails leaves no meeting change, no job and no mail', async () => {
    const before = await meetingCount();
    const restore = await failOutboxCommits(t.prisma);
    let failed;
    try {
      failed = await as.leaderA!.post('/api/meetings', meetingBody(world.orgA.id, [world.orgB.id], { title: 'Never committed' }));
    } finally {
      await restore();
    }
    expect(failed.status).toBe(500);
    expect(await meetingCount()).toBe(before);

    const kept = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { title: 'Stays on' }));
    const restoreAgain = await failOutboxCommits(t.prisma);
    let cancel;
    try {
      cancel = await as.leaderA!.post(`/api/meetings/${kept.id}/cancel`, {});
    } finally {
      await restoreAgain();
    }
    expect(cancel.status).toBe(500);
    // The cancellation rolled back with its mails: the meeting stands, and nobody heard otherwise.
    expect((await t.prisma.meeting.findUniqueOrThrow({ where: { id: kept.id } })).status).toBe('SCHEDULED');
    expect(await t.prisma.outboxJob.count({ where: { jobId: { contains: `${kept.id}:cancelled` } } })).toBe(0);
    await t.mailbox.waitFor(world.leaderB.email, (m) => m.subject === 'Invitation: Stays on');
    await t.jobs.drain();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const subjects = t.mailbox.for(world.leaderB.email).map((m) => m.subject);
    expect(subjects.some((s) => s?.includes('Never committed'))).toBe(false);
    expect(subjects.filter((s) => s?.includes('Stays on'))).toEqual(['Invitation: Stays on']);
    expect(await t.prisma.notification.count({ where: { eventKey: { startsWith: `meeting:${kept.id}:cancelled` } } })).toBe(0);
  });

  it('writes the invitation, its notification and the reminders in the very transaction that creates the meeting, and the cancellation’s with the cancellation', async () => {
    await recordTransactions(t.prisma, ['Meeting', 'Notification']);
    const meeting = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { title: 'One commit' }));
    const created = await writers(t.prisma, 'Meeting', meeting.id);
    const jobs = await jobsWrittenBy(t.prisma, created);
    expect(jobs).toEqual(
      expect.arrayContaining([
        `meeting:${meeting.id}:invitation:0:${world.leaderB.id}`,
        `meeting-reminder:${meeting.id}:${Date.parse(meeting.startsAt)}:1440m`,
        `meeting-reminder:${meeting.id}:${Date.parse(meeting.startsAt)}:60m`,
      ]),
    );
    const notification = await t.prisma.notification.findFirstOrThrow({ where: { eventKey: `meeting:${meeting.id}:invitation`, userId: world.leaderB.id } });
    expect(created).toEqual(expect.arrayContaining(await writers(t.prisma, 'Notification', notification.id)));

    const cancelled = await as.leaderA!.post(`/api/meetings/${meeting.id}/cancel`, {});
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    const cancelTx = (await writers(t.prisma, 'Meeting', meeting.id)).filter((id) => !created.includes(id));
    expect(await jobsWrittenBy(t.prisma, cancelTx)).toEqual(
      expect.arrayContaining([
        `meeting:${meeting.id}:cancelled:1:${world.leaderB.id}`,
        `meeting-reminder:${meeting.id}:${Date.parse(meeting.startsAt)}:1440m`,
      ]),
    );
    await t.mailbox.waitFor(world.leaderB.email, (m) => m.subject === 'Invitation: One commit');
  });
});
