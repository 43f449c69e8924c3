import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { meetingPollSchema, type MeetingPoll } from '@tadamon/shared';
import { MeetingClock } from '../src/modules/meetings/meeting-clock.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createWorld } from './support/factories.js';
import { createMeeting, meetingBody } from './support/meeting-fixtures.js';
import { createPoll, pollBody } from './support/poll-fixtures.js';
import type { TestClient } from './support/test-client.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let clock: MeetingClock;
const realNow = MeetingClock.prototype.now;
const as: Record<string, TestClient> = {};

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  clock = t.app.get(MeetingClock);
  // Bamako is UTC all year; Casablanca is +01 in June: the reader sees the slot an hour earlier.
  await t.prisma.user.update({ where: { id: world.volunteerB.id }, data: { timeZone: 'Africa/Bamako' } });
  for (const who of ['coordinator', 'leaderA', 'volunteerA', 'leaderB', 'volunteerB', 'leaderC'] as const) {
    as[who] = t.client();
    await as[who].signIn(world[who].email, TEST_PASSWORD);
  }
});
afterEach(() => {
  clock.now = realNow;
});
afterAll(async () => t?.close());

const poll = async (who: string, meetingId: string): Promise<MeetingPoll> => {
  const response = await as[who]!.get(`/api/meetings/${meetingId}/poll`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return meetingPollSchema.parse(response.body);
};
const answer = (who: string, meetingId: string, answers: { slotId: string; choice: string }[]) =>
  as[who]!.put(`/api/meetings/${meetingId}/poll/answers`, { answers });
const answerRows = (meetingId: string) => t.prisma.meetingPollAnswer.findMany({ where: { slot: { meetingId } }, orderBy: { updatedAt: 'asc' } });
const reminderJob = async (meetingId: string, start: Date, kind: string) =>
  (await t.bullQueue()).getJob(`meeting-reminder-${meetingId}-${start.getTime()}-${kind}`);

describe('find a time', () => {
  it('creates a meeting in planning with its proposed times, asks the invited leaders in the app, and sends no invitation yet', async () => {
    const meeting = await createPoll(as.leaderA!, pollBody(world.orgA.id, [world.orgB.id], { title: 'Quand se voir ?' }));
    expect(meeting).toMatchObject({ status: 'PLANNING', hasPoll: true, startsAt: '2027-06-10T09:00:00.000Z' });
    const asked = await t.prisma.notification.findFirst({ where: { userId: world.leaderB.id, kind: 'meetingPoll', link: `/meetings/${meeting.id}` } });
    expect(asked?.data).toMatchObject({ title: 'Quand se voir ?', organisation: 'Org A' });
    await t.mailbox.waitFor(world.leaderB.email, (m) => !!m.text?.includes('Org A asks when you can come to “Quand se voir ?”'));
    expect(t.mailbox.for(world.leaderB.email).some((m) => m.subject === 'Invitation: Quand se voir ?')).toBe(false);
    expect(await reminderJob(meeting.id, new Date('2027-06-10T09:00:00Z'), '1440m')).toBeUndefined();
    // Nobody registers before a time is chosen.
    const register = await as.volunteerB!.put(`/api/meetings/${meeting.id}/registration`, { answer: 'YES' });
    expect(register.status).toBe(409);
    expect(register.body.code).toBe('MEETING_TIME_NOT_CHOSEN');
    // Nor is it edited as a scheduled meeting: its time comes from the poll.
    const { hostOrganisationId: _h, ...edit } = meetingBody(world.orgA.id, [world.orgB.id]);
    const edited = await as.leaderA!.put(`/api/meetings/${meeting.id}`, edit);
    expect(edited.status).toBe(409);
    expect(edited.body.code).toBe('MEETING_TIME_NOT_CHOSEN');
  });

  it('shows each slot in the host’s zone and the reader’s, and collects yes / if need be / no with counts', async () => {
    const meeting = await createPoll(as.leaderA!, pollBody(world.orgA.id, [world.orgB.id]));
    const seen = await poll('volunteerB', meeting.id);
    expect(seen.slots.map((s) => [s.startHostLocal, s.startViewerLocal])).toEqual([
      ['2027-06-10T10:00', '2027-06-10T09:00'],
      ['2027-06-11T15:00', '2027-06-11T14:00'],
      ['2027-06-14T09:00', '2027-06-14T08:00'],
    ]);
    expect(seen).toMatchObject({ open: true, canAnswer: true, canManage: false, timeZone: 'Africa/Casablanca', viewerTimeZone: 'Africa/Bamako', respondents: null });
    const [one, two, three] = seen.slots;
    expect((await answer('volunteerB', meeting.id, [{ slotId: one!.id, choice: 'YES' }, { slotId: two!.id, choice: 'IF_NEED_BE' }, { slotId: three!.id, choice: 'NO' }])).status).toBe(200);
    // Changing one's mind replaces the answer rather than adding one.
    expect((await answer('volunteerB', meeting.id, [{ slotId: one!.id, choice: 'NO' }])).status).toBe(200);
    expect((await answer('leaderB', meeting.id, [{ slotId: one!.id, choice: 'YES' }, { slotId: two!.id, choice: 'YES' }])).status).toBe(200);
    expect((await answer('volunteerA', meeting.id, [{ slotId: two!.id, choice: 'YES' }])).status).toBe(200);

    const mine = await poll('volunteerB', meeting.id);
    expect(mine.slots.map((s) => s.myChoice)).toEqual(['NO', 'IF_NEED_BE', 'NO']);
    const organiser = await poll('leaderA', meeting.id);
    expect(organiser.canManage).toBe(true);
    expect(organiser.slots.map((s) => s.counts)).toEqual([
      { yes: 1, ifNeedBe: 0, no: 1 },
      { yes: 2, ifNeedBe: 1, no: 0 },
      { yes: 0, ifNeedBe: 0, no: 1 },
    ]);
    const volunteerB = organiser.respondents!.find((r) => r.userId === world.volunteerB.id)!;
    expect(volunteerB).toMatchObject({ name: world.volunteerB.name, organisationName: 'Org B' });
    expect(volunteerB.choices).toEqual({ [one!.id]: 'NO', [two!.id]: 'IF_NEED_BE', [three!.id]: 'NO' });
  });

  it('shows the reader’s other meetings that clash with a proposed time', async () => {
    const other = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { title: 'Déjà prévu', startLocal: '2027-06-11T16:00', endLocal: '2027-06-11T18:00' }));
    await as.volunteerB!.put(`/api/meetings/${other.id}/registration`, { answer: 'YES' });
    const meeting = await createPoll(as.leaderA!, pollBody(world.orgA.id, [world.orgB.id]));
    const seen = await poll('volunteerB', meeting.id);
    expect(seen.slots.map((s) => s.conflicts.map((c) => c.title))).toEqual([[], ['Déjà prévu'], []]);
    expect(seen.slots[1]!.conflicts[0]!.viewerLocal).toBe('2027-06-11T15:00');
    // Someone without that meeting sees no clash.
    expect((await poll('leaderB', meeting.id)).slots.every((s) => s.conflicts.length === 0)).toBe(true);
  });

  it('schedules the meeting at the picked time: invitation with .ics, in-app notice, reminders; the poll then refuses answers', async () => {
    clock.now = () => new Date('2027-06-01T08:00:00Z');
    const meeting = await createPoll(as.leaderA!, pollBody(world.orgA.id, [world.orgB.id], { title: 'Picked' }));
    const { slots } = await poll('leaderA', meeting.id);
    const picked = await as.leaderA!.post(`/api/meetings/${meeting.id}/poll/pick`, { slotId: slots[1]!.id });
    expect(picked.status, JSON.stringify(picked.body)).toBe(200);
    expect(picked.body).toMatchObject({ status: 'SCHEDULED', startsAt: '2027-06-11T14:00:00.000Z', endsAt: '2027-06-11T16:00:00.000Z', startLocal: '2027-06-11T15:00', sequence: 1 });

    const mail = await t.mailbox.waitFor(world.leaderB.email, (m) => m.subject === 'Invitation: Picked');
    const ics = mail.attachments.find((a) => a.filename === 'meeting.ics')!.content.toString();
    expect(ics).toContain('DTSTART;TZID=Africa/Casablanca:20270611T150000');
    const notice = await t.prisma.notification.findFirst({ where: { userId: world.leaderB.id, kind: 'meetingInvitation', link: `/meetings/${meeting.id}` } });
    // In the app only: the invitation mail is already the e-mail.
    expect(notice?.emailedAt).not.toBeNull();
    expect(await reminderJob(meeting.id, new Date('2027-06-11T14:00:00Z'), '1440m')).toBeDefined();

    const late = await answer('volunteerB', meeting.id, [{ slotId: slots[0]!.id, choice: 'YES' }]);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('MEETING_POLL_CLOSED');
    const again = await as.leaderA!.post(`/api/meetings/${meeting.id}/poll/pick`, { slotId: slots[0]!.id });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('MEETING_NOT_PLANNING');
    const closed = await poll('volunteerB', meeting.id);
    expect(closed).toMatchObject({ open: false, canAnswer: false, chosenSlotId: slots[1]!.id });
    // Registration is open now that the time is known.
    expect((await as.volunteerB!.put(`/api/meetings/${meeting.id}/registration`, { answer: 'YES' })).status).toBe(200);
  });

  it('refuses answers once the organiser closes the poll, and still lets them pick', async () => {
    const meeting = await createPoll(as.leaderA!, pollBody(world.orgA.id, [world.orgB.id]));
    const { slots } = await poll('leaderA', meeting.id);
    await answer('volunteerB', meeting.id, [{ slotId: slots[0]!.id, choice: 'YES' }]);
    expect((await as.leaderB!.post(`/api/meetings/${meeting.id}/poll/close`)).status).toBe(403);
    expect((await as.leaderA!.post(`/api/meetings/${meeting.id}/poll/close`)).status).toBe(200);
    const late = await answer('volunteerB', meeting.id, [{ slotId: slots[0]!.id, choice: 'NO' }]);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('MEETING_POLL_CLOSED');
    expect((await answerRows(meeting.id)).map((a) => a.choice)).toEqual(['YES']);
    expect((await as.leaderA!.post(`/api/meetings/${meeting.id}/poll/pick`, { slotId: slots[0]!.id })).status).toBe(200);
  });
});

describe('find a time: bad input and access', () => {
  it.each([
    ['no proposed time', { slots: [] }, 'slots', 'pollNoSlots'],
    ['the same time twice', { slots: [{ startLocal: '2027-06-10T10:00', endLocal: '2027-06-10T11:00' }, { startLocal: '2027-06-10T10:00', endLocal: '2027-06-10T12:00' }] }, 'slots', 'pollDuplicateSlot'],
    ['a time that ends before it starts', { slots: [{ startLocal: '2027-06-10T10:00', endLocal: '2027-06-10T09:00' }] }, 'slots.0.endLocal', 'endBeforeStart'],
    ['a time skipped by the clock change', { timeZone: 'Europe/Brussels', slots: [{ startLocal: '2027-03-28T02:30', endLocal: '2027-03-28T04:00' }] }, 'slots.0.startLocal', 'nonexistentLocalTime'],
  ])('refuses a poll with %s and creates nothing', async (_label, overrides, field, code) => {
    const before = await t.prisma.meeting.count();
    const response = await as.leaderA!.post('/api/meetings/polls', pollBody(world.orgA.id, [world.orgB.id], overrides));
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details.fields[field][0].message).toBe(code);
    expect(await t.prisma.meeting.count()).toBe(before);
  });

  it('refuses an answer or a pick for a time that is not in the poll, and changes nothing', async () => {
    const meeting = await createPoll(as.leaderA!, pollBody(world.orgA.id, [world.orgB.id]));
    const elsewhere = await createPoll(as.leaderA!, pollBody(world.orgA.id, [world.orgB.id]));
    const foreignSlot = (await poll('leaderA', elsewhere.id)).slots[0]!.id;
    const { slots } = await poll('leaderA', meeting.id);
    const mixed = await answer('volunteerB', meeting.id, [{ slotId: slots[0]!.id, choice: 'YES' }, { slotId: foreignSlot, choice: 'YES' }]);
    expect(mixed.status).toBe(422);
    expect(mixed.body.code).toBe('MEETING_POLL_SLOT_UNKNOWN');
    expect(await answerRows(meeting.id)).toEqual([]);
    const pick = await as.leaderA!.post(`/api/meetings/${meeting.id}/poll/pick`, { slotId: foreignSlot });
    expect(pick.status).toBe(422);
    expect(pick.body.code).toBe('MEETING_POLL_SLOT_UNKNOWN');
    expect((await t.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe('PLANNING');
  });

  it('hides the poll from organisations not invited (404) and lets only invited people answer', async () => {
    const meeting = await createPoll(as.leaderA!, pollBody(world.orgA.id, [world.orgB.id]));
    const { slots } = await poll('leaderA', meeting.id);
    expect((await as.leaderC!.get(`/api/meetings/${meeting.id}/poll`)).status).toBe(404);
    expect((await answer('leaderC', meeting.id, [{ slotId: slots[0]!.id, choice: 'YES' }])).status).toBe(404);
    expect((await as.leaderC!.post(`/api/meetings/${meeting.id}/poll/pick`, { slotId: slots[0]!.id })).status).toBe(404);
    // The network's coordinator sees it but comes for no organisation: no answer.
    const coordinator = await answer('coordinator', meeting.id, [{ slotId: slots[0]!.id, choice: 'YES' }]);
    expect(coordinator.status).toBe(403);
    expect((await poll('coordinator', meeting.id)).canAnswer).toBe(false);
    // A meeting scheduled the usual way has no poll.
    const plain = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id]));
    expect((await as.leaderA!.get(`/api/meetings/${plain.id}/poll`)).status).toBe(404);
  });

  it('opens the poll to every organisation of the network when the whole network is invited', async () => {
    const meeting = await createPoll(as.leaderA!, pollBody(world.orgA.id, [], { wholeNetwork: true }));
    const { slots } = await poll('volunteerB', meeting.id);
    expect((await answer('volunteerB', meeting.id, [{ slotId: slots[0]!.id, choice: 'YES' }])).status).toBe(200);
    expect((await as.leaderC!.get(`/api/meetings/${meeting.id}/poll`)).status).toBe(404);
  });
});
