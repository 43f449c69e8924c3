import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendeeListSchema, meetingDetailSchema } from '@tadamon/shared';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createOrganisation, createUser, createWorld } from './support/factories.js';
import { createMeeting, localIn, meetingBody, meetingState } from './support/meeting-fixtures.js';
import type { TestClient } from './support/test-client.js';
import { failOutboxCommits } from './support/outbox-probe.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
const as: Record<string, TestClient> = {};

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  for (const who of ['coordinator', 'leaderA', 'volunteerA', 'leaderB', 'volunteerB', 'leaderC'] as const) {
    as[who] = t.client();
    await as[who].signIn(world[who].email, TEST_PASSWORD);
  }
});
afterAll(async () => t?.close());

const answer = (who: string, id: string, value: 'YES' | 'MAYBE' | 'NO') =>
  as[who]!.put(`/api/meetings/${id}/registration`, { answer: value });

describe('individual registration and the waiting list', () => {
  it('seats people up to capacity, queues the rest and promotes the first in line when a seat frees up', async () => {
    const meeting = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { capacity: 2, title: 'Small room' }));
    expect((await answer('volunteerA', meeting.id, 'YES')).body.myRegistration).toMatchObject({ seat: 'CONFIRMED' });
    expect((await answer('volunteerB', meeting.id, 'YES')).body.myRegistration).toMatchObject({ seat: 'CONFIRMED' });
    const queued = meetingDetailSchema.parse((await answer('leaderB', meeting.id, 'YES')).body);
    expect(queued.myRegistration).toMatchObject({ answer: 'YES', seat: 'WAITING', waitingPosition: 1 });
    expect(queued.counts).toEqual({ yes: 2, maybe: 0, no: 0, waiting: 1 });

    // Capacity cannot drop below the seats already given; nothing changes.
    const before = await meetingState(t.prisma, meeting.id);
    const { hostOrganisationId: _h, ...update } = meetingBody(world.orgA.id, [world.orgB.id], { capacity: 1, title: 'Smaller room' });
    const refused = await as.leaderA!.put(`/api/meetings/${meeting.id}`, update);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('MEETING_CAPACITY_BELOW_REGISTRATIONS');
    expect(refused.body.details).toMatchObject({ confirmed: 2, fields: { capacity: [{ message: 'capacityBelowRegistrations' }] } });
    expect(await meetingState(t.prisma, meeting.id)).toEqual(before);
    expect(before.meeting).toMatchObject({ capacity: 2, title: 'Small room', sequence: 0 });

    // Volunteer A cannot come after all: the leader of B, first in line, gets the seat and a mail.
    const changed = await answer('volunteerA', meeting.id, 'NO');
    expect(changed.body.counts).toEqual({ yes: 2, maybe: 0, no: 1, waiting: 0 });
    const mine = await as.leaderB!.get(`/api/meetings/${meeting.id}`);
    expect(mine.body.myRegistration).toMatchObject({ seat: 'CONFIRMED', waitingPosition: null });
    const mail = await t.mailbox.waitFor(world.leaderB.email, (m) => m.subject === 'A seat is free for you: Small room');
    expect(mail.text).toContain('you are now registered for “Small room”');
  });

  it('refuses registration after the deadline and leaves no registration behind', async () => {
    const deadline = localIn(new Date(Date.now() - 3600_000), 'Africa/Casablanca');
    const meeting = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { registrationDeadlineLocal: deadline }));
    const before = await meetingState(t.prisma, meeting.id);
    const response = await answer('volunteerB', meeting.id, 'YES');
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('MEETING_REGISTRATION_CLOSED');
    expect(await meetingState(t.prisma, meeting.id)).toEqual(before);
    expect(before.meeting.registrations).toEqual([]);
  });

  it('closes registration when the meeting is over, even without a deadline', async () => {
    const meeting = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { startLocal: '2024-05-02T10:00', endLocal: '2024-05-02T11:00' }));
    const response = await answer('volunteerB', meeting.id, 'YES');
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('MEETING_REGISTRATION_CLOSED');
    // It is listed among past meetings, not upcoming ones.
    const ids = async (when: string) => (await as.volunteerB!.get(`/api/meetings?when=${when}`)).body.items.map((m: { id: string }) => m.id);
    expect(await ids('past')).toContain(meeting.id);
    expect(await ids('upcoming')).not.toContain(meeting.id);
  });

  it('answers 404 to a person of another network or of an organisation not invited, and 403 once their organisation declined', async () => {
    const orgD = await createOrganisation(t.prisma, world.network.id, { name: 'Org D (same network, not invited)' });
    const volunteerD = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: orgD.id });
    const clientD = t.client();
    await clientD.signIn(volunteerD.email, TEST_PASSWORD);
    const meeting = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id]));
    const untouched = await meetingState(t.prisma, meeting.id);
    expect((await answer('leaderC', meeting.id, 'YES')).status).toBe(404);
    const notInvited = await clientD.put(`/api/meetings/${meeting.id}/registration`, { answer: 'YES' });
    expect(notInvited.status).toBe(404);
    expect(notInvited.body.code).toBe('NOT_FOUND');
    expect(await meetingState(t.prisma, meeting.id)).toEqual(untouched);

    const declined = await as.leaderB!.put(`/api/meetings/${meeting.id}/organisations/${world.orgB.id}/response`, { response: 'DECLINED' });
    expect(declined.status).toBe(200);
    const before = await meetingState(t.prisma, meeting.id);
    const response = await answer('volunteerB', meeting.id, 'YES');
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('MEETING_NOT_OPEN_TO_ORGANISATION');
    expect(await meetingState(t.prisma, meeting.id)).toEqual(before);
    expect(before.meeting.registrations).toEqual([]);
  });

  it('lets a person cancel their registration', async () => {
    const meeting = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id]));
    await answer('volunteerB', meeting.id, 'MAYBE');
    const response = await as.volunteerB!.delete(`/api/meetings/${meeting.id}/registration`);
    expect(response.status).toBe(200);
    expect(response.body.myRegistration).toBeNull();
  });
});

describe('organisations answer and name delegates; leaders see who comes', () => {
  it('records the acceptance with delegates, who then count as coming', async () => {
    const meeting = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { title: 'Delegates' }));
    const response = await as.leaderB!.put(`/api/meetings/${meeting.id}/organisations/${world.orgB.id}/response`, {
      response: 'ACCEPTED',
      delegateUserIds: [world.volunteerB.id],
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.invitedOrganisations).toEqual([expect.objectContaining({ id: world.orgB.id, response: 'ACCEPTED' })]);
    const forDelegate = await as.volunteerB!.get(`/api/meetings/${meeting.id}`);
    expect(forDelegate.body.myRegistration).toMatchObject({ answer: 'YES', delegate: true, seat: 'CONFIRMED' });

    const list = attendeeListSchema.parse((await as.leaderA!.get(`/api/meetings/${meeting.id}/attendees`)).body);
    expect(list.items).toEqual([
      expect.objectContaining({ userId: world.volunteerB.id, organisationName: 'Org B', answer: 'YES', delegate: true }),
    ]);
    // The invited organisation's leader sees who comes too; a volunteer does not.
    expect((await as.leaderB!.get(`/api/meetings/${meeting.id}/attendees`)).status).toBe(200);
    expect((await as.volunteerB!.get(`/api/meetings/${meeting.id}/attendees`)).status).toBe(403);
    expect((await as.leaderC!.get(`/api/meetings/${meeting.id}/attendees`)).status).toBe(404);

    // Declining withdraws the delegates.
    await as.leaderB!.put(`/api/meetings/${meeting.id}/organisations/${world.orgB.id}/response`, { response: 'DECLINED' });
    expect((await as.volunteerB!.get(`/api/meetings/${meeting.id}`)).body.myRegistration).toBeNull();
  });

  it('refuses a delegate from another organisation, and answering for someone else’s organisation', async () => {
    const meeting = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id]));
    const notMember = await as.leaderB!.put(`/api/meetings/${meeting.id}/organisations/${world.orgB.id}/response`, {
      response: 'ACCEPTED',
      delegateUserIds: [world.volunteerA.id],
    });
    expect(notMember.status).toBe(400);
    expect(notMember.body.details.fields.delegateUserIds[0].message).toBe('delegateNotMember');
    const forOther = await as.leaderA!.put(`/api/meetings/${meeting.id}/organisations/${world.orgB.id}/response`, { response: 'ACCEPTED' });
    expect(forOther.status).toBe(404);
    const stored = await t.prisma.meetingInvitedOrganisation.findFirstOrThrow({ where: { meetingId: meeting.id } });
    expect(stored.response).toBe('PENDING');
  });
});

describe('changing who is invited', () => {
  it('invites the newly added organisation by mail and removes the seats of the one taken off', async () => {
    const orgE = await createOrganisation(t.prisma, world.network.id, { name: 'Org E' });
    const leaderE = await createUser(t.prisma, { role: 'ORG_LEADER', organisationId: orgE.id });
    const meeting = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { title: 'Reshuffle' }));
    await answer('volunteerB', meeting.id, 'YES');
    const { hostOrganisationId: _h, ...update } = meetingBody(world.orgA.id, [orgE.id], { title: 'Reshuffle' });
    expect((await as.leaderA!.put(`/api/meetings/${meeting.id}`, update)).status).toBe(200);
    await t.mailbox.waitFor(leaderE.email, (m) => m.subject === 'Invitation: Reshuffle');
    expect(await t.prisma.meetingRegistration.count({ where: { meetingId: meeting.id } })).toBe(0);
    expect((await as.volunteerB!.get(`/api/meetings/${meeting.id}`)).status).toBe(404);
  });
});

describe('conflicts with a person’s other meetings', () => {
  it('shows the overlapping meeting the person already said yes to', async () => {
    const person = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: world.orgB.id });
    const client = t.client();
    await client.signIn(person.email, TEST_PASSWORD);
    const first = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { title: 'Morning in Tangier', startLocal: '2027-09-01T10:00', endLocal: '2027-09-01T12:00' }));
    await client.put(`/api/meetings/${first.id}/registration`, { answer: 'YES' });
    // 11:00 in Brussels is 10:00 in Casablanca that day: it overlaps the first meeting.
    const second = await createMeeting(
      as.coordinator!,
      meetingBody(world.orgB.id, [world.orgA.id], { title: 'Brussels call', format: 'ONLINE', address: null, timeZone: 'Europe/Brussels', startLocal: '2027-09-01T11:30', endLocal: '2027-09-01T12:30' }),
    );
    const detail = meetingDetailSchema.parse((await client.get(`/api/meetings/${second.id}`)).body);
    expect(detail.conflicts).toEqual([
      { id: first.id, title: 'Morning in Tangier', startsAt: '2027-09-01T09:00:00.000Z', endsAt: '2027-09-01T11:00:00.000Z', viewerLocal: '2027-09-01T09:00' },
    ]);
    const unrelated = meetingDetailSchema.parse((await as.volunteerB!.get(`/api/meetings/${second.id}`)).body);
    expect(unrelated.conflicts).toEqual([]);
  });
});

describe('the promotion mail in the seat change’s transaction (outbox)', () => {
  it('a seat change whose transaction fails after queueing the promotion mail keeps everyone where they were, and mails nobody', async () => {
    const meeting = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { capacity: 1, title: 'Tiny room' }));
    expect((await answer('volunteerA', meeting.id, 'YES')).body.myRegistration).toMatchObject({ seat: 'CONFIRMED' });
    expect((await answer('volunteerB', meeting.id, 'YES')).body.myRegistration).toMatchObject({ seat: 'WAITING' });
    const before = await meetingState(t.prisma, meeting.id);

    const restore = await failOutboxCommits(t.prisma);
    let failed;
    try {
      failed = await answer('volunteerA', meeting.id, 'NO');
    } finally {
      await restore();
    }
    expect(failed.status).toBe(500);
    expect(await meetingState(t.prisma, meeting.id)).toEqual(before);
    await t.jobs.drain();
    expect(t.mailbox.for(world.volunteerB.email).filter((m) => m.subject === 'A seat is free for you: Tiny room')).toEqual([]);

    // Tried again, the seat moves and the mail goes, once.
    expect((await answer('volunteerA', meeting.id, 'NO')).status).toBe(200);
    await t.mailbox.waitFor(world.volunteerB.email, (m) => m.subject === 'A seat is free for you: Tiny room');
  });

  it('an edit whose transaction fails after queueing its mails changes nothing and tells nobody', async () => {
    const meeting = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { title: 'Steady' }));
    const before = await meetingState(t.prisma, meeting.id);
    const { hostOrganisationId: _h, ...update } = meetingBody(world.orgA.id, [world.orgB.id], { title: 'Renamed in vain', startLocal: '2027-06-11T10:00', endLocal: '2027-06-11T12:00' });
    const restore = await failOutboxCommits(t.prisma);
    let failed;
    try {
      failed = await as.leaderA!.put(`/api/meetings/${meeting.id}`, update);
    } finally {
      await restore();
    }
    expect(failed.status).toBe(500);
    expect(await meetingState(t.prisma, meeting.id)).toEqual(before);
    expect(await t.prisma.outboxJob.count({ where: { jobId: { startsWith: `meeting:${meeting.id}:updated` } } })).toBe(0);
    expect(await t.prisma.notification.count({ where: { eventKey: { startsWith: `meeting:${meeting.id}:time` } } })).toBe(0);
  });
});
