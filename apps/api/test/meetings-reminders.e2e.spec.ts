import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MeetingClock } from '../src/modules/meetings/meeting-clock.js';
import { MeetingNotifications } from '../src/modules/meetings/meeting-notifications.service.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createWorld } from './support/factories.js';
import { createMeeting, meetingBody } from './support/meeting-fixtures.js';
import type { TestClient } from './support/test-client.js';
import { failOutboxCommits, jobsWrittenBy, recordTransactions } from './support/outbox-probe.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let clock: MeetingClock;
let notifications: MeetingNotifications;
const realNow = MeetingClock.prototype.now;
const as: Record<string, TestClient> = {};

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  clock = t.app.get(MeetingClock);
  notifications = t.app.get(MeetingNotifications);
  for (const who of ['leaderA', 'volunteerB'] as const) {
    as[who] = t.client();
    await as[who].signIn(world[who].email, TEST_PASSWORD);
  }
});
afterEach(() => {
  clock.now = realNow;
});
afterAll(async () => t?.close());

const HOUR = 3600_000;
/** 10:00 in Casablanca on 10 June 2027 (+01). */
const START = new Date('2027-06-10T09:00:00Z');
const setNow = (at: Date) => {
  clock.now = () => at;
};

/** A reminder job as BullMQ holds it (ids use '-' for ':'), or undefined. */
const reminderJob = async (meetingId: string, start: Date, kind: '1440m' | '60m' | '10080m') =>
  (await t.bullQueue()).getJob(`meeting-reminder-${meetingId}-${start.getTime()}-${kind}`);

const reminders = (title: string) => t.mailbox.for(world.volunteerB.email).filter((m) => m.subject === `Tomorrow: ${title}`);

describe('meeting reminders as delayed jobs, timed from the meeting clock', () => {
  it('sends the 24-hour reminder when due, keeps the 1-hour one waiting, and never sends twice', async () => {
    // The clock stands 24 h and 3 s before the meeting: the first reminder is 3 s away.
    setNow(new Date(START.getTime() - 24 * HOUR - 3000));
    const meeting = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { title: 'Soon', startLocal: '2027-06-10T10:00', endLocal: '2027-06-10T11:00' }));
    await as.volunteerB!.put(`/api/meetings/${meeting.id}/registration`, { answer: 'YES' });

    const oneHour = await reminderJob(meeting.id, START, '60m');
    // 23 h after "now", give or take the request time.
    expect(Math.abs(oneHour!.delay - (23 * HOUR + 3000))).toBeLessThan(1000);

    const mail = await t.mailbox.waitFor(world.volunteerB.email, (m) => m.subject === 'Tomorrow: Soon');
    expect(mail.text).toContain('Reminder: the meeting “Soon” starts in 24 hours.');

    // The same reminder handled again (a retry, a duplicate) finds its mail already sent.
    await t.jobs.enqueue('meetings.remind', { meetingId: meeting.id, occurrenceStart: START.toISOString(), minutesBefore: 1440 }, { jobId: `retry-${meeting.id}` });
    await t.jobs.drain();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(reminders('Soon')).toHaveLength(1);
  });

  it('sends the 1-hour reminder when due, then queues the next date’s reminders of a series', async () => {
    // Created 1 h and 2 s before the first Thursday: too late for the day-before reminder.
    setNow(new Date(START.getTime() - HOUR - 2000));
    const meeting = await createMeeting(
      as.leaderA!,
      meetingBody(world.orgA.id, [world.orgB.id], { title: 'Weekly', startLocal: '2027-06-10T10:00', endLocal: '2027-06-10T11:00', recurrence: 'FREQ=WEEKLY;COUNT=2' }),
    );
    await as.volunteerB!.put(`/api/meetings/${meeting.id}/registration`, { answer: 'YES' });
    expect(await reminderJob(meeting.id, START, '1440m')).toBeUndefined();

    const mail = await t.mailbox.waitFor(world.volunteerB.email, (m) => m.subject === 'In one hour: Weekly');
    expect(mail.text).toContain('Reminder: the meeting “Weekly” starts in one hour.');
    expect(t.mailbox.for(world.volunteerB.email).filter((m) => m.subject?.endsWith(': Weekly') && m.subject !== 'Invitation: Weekly')).toHaveLength(1);

    const nextWeek = new Date(START.getTime() + 7 * 24 * HOUR);
    // Queued by the reminder job right after it mailed: wait for it rather than race it.
    await expect.poll(() => reminderJob(meeting.id, nextWeek, '1440m')).toBeDefined();
    const dayBefore = await reminderJob(meeting.id, nextWeek, '1440m');
    expect(dayBefore!.delay).toBe(nextWeek.getTime() - 24 * HOUR - clock.now().getTime());
    expect(await reminderJob(meeting.id, nextWeek, '60m')).toBeDefined();
  });

  it('reminds of the next date of a series created too late to remind of its first', async () => {
    setNow(new Date(START.getTime() - 30 * 60_000));
    const meeting = await createMeeting(
      as.leaderA!,
      meetingBody(world.orgA.id, [world.orgB.id], { title: 'Last minute', startLocal: '2027-06-10T10:00', endLocal: '2027-06-10T11:00', recurrence: 'FREQ=WEEKLY;COUNT=2' }),
    );
    expect(await reminderJob(meeting.id, START, '60m')).toBeUndefined();
    const nextWeek = new Date(START.getTime() + 7 * 24 * HOUR);
    expect((await reminderJob(meeting.id, nextWeek, '1440m'))!.delay).toBe(nextWeek.getTime() - 24 * HOUR - clock.now().getTime());
    expect(await reminderJob(meeting.id, nextWeek, '60m')).toBeDefined();
  });

  it('moves the reminders when the meeting is rescheduled and removes them when it is cancelled', async () => {
    setNow(new Date(START.getTime() - 10 * 24 * HOUR));
    const meeting = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { title: 'Moves', startLocal: '2027-06-10T10:00', endLocal: '2027-06-10T11:00' }));
    expect(await reminderJob(meeting.id, START, '1440m')).toBeDefined();
    expect(await reminderJob(meeting.id, START, '60m')).toBeDefined();

    const { hostOrganisationId: _h, ...moved } = meetingBody(world.orgA.id, [world.orgB.id], { title: 'Moves', startLocal: '2027-06-11T15:00', endLocal: '2027-06-11T16:00' });
    expect((await as.leaderA!.put(`/api/meetings/${meeting.id}`, moved)).status).toBe(200);
    const newStart = new Date('2027-06-11T14:00:00Z');
    expect(await reminderJob(meeting.id, START, '1440m')).toBeUndefined();
    expect(await reminderJob(meeting.id, START, '60m')).toBeUndefined();
    const next = await reminderJob(meeting.id, newStart, '1440m');
    expect(next!.delay).toBe(newStart.getTime() - 24 * HOUR - clock.now().getTime());

    expect((await as.leaderA!.post(`/api/meetings/${meeting.id}/cancel`)).status).toBe(200);
    expect(await reminderJob(meeting.id, newStart, '1440m')).toBeUndefined();
    expect(await reminderJob(meeting.id, newStart, '60m')).toBeUndefined();
  });

  it('follows the reminders the host chose: one week before and none the day before', async () => {
    setNow(new Date(START.getTime() - 7 * 24 * HOUR - 3000));
    const meeting = await createMeeting(
      as.leaderA!,
      meetingBody(world.orgA.id, [world.orgB.id], { title: 'Week ahead', startLocal: '2027-06-10T10:00', endLocal: '2027-06-10T11:00', reminderMinutes: [10_080] }),
    );
    expect(meeting.reminderMinutes).toEqual([10_080]);
    await as.volunteerB!.put(`/api/meetings/${meeting.id}/registration`, { answer: 'YES' });
    expect(await reminderJob(meeting.id, START, '1440m')).toBeUndefined();
    const mail = await t.mailbox.waitFor(world.volunteerB.email, (m) => m.subject === 'Reminder: Week ahead');
    expect(mail.text).toContain('Reminder: the meeting “Week ahead” is coming up.');
  });

  it('sends nothing for an occurrence that no longer takes place (a stale job)', async () => {
    setNow(new Date(START.getTime() - 10 * 24 * HOUR));
    const meeting = await createMeeting(as.leaderA!, meetingBody(world.orgA.id, [world.orgB.id], { title: 'Stale', startLocal: '2027-06-10T10:00', endLocal: '2027-06-10T11:00' }));
    await as.volunteerB!.put(`/api/meetings/${meeting.id}/registration`, { answer: 'YES' });
    await t.jobs.enqueue('meetings.remind', { meetingId: meeting.id, occurrenceStart: '2027-06-09T09:00:00.000Z', minutesBefore: 1440 }, { jobId: `stale-${meeting.id}` });
    await t.jobs.drain();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(reminders('Stale')).toHaveLength(0);
  });
});

// The "never twice" and "never after the start" rules must hold in the reminder handler itself,
// not only through BullMQ's job-id dedupe, which forgets finished jobs after a while. Last in
// this file: the first test wipes the queue.
const mailsTo = (subject: string) => t.mailbox.for(world.volunteerB.email).filter((m) => m.subject === subject);
/** Lets queued mail jobs run and reach the SMTP server. */
const settle = async () => {
  await t.jobs.drain();
  await new Promise((resolve) => setTimeout(resolve, 500));
};

/** Ten days ahead, so the reminders queued at creation are far from due; volunteer B registered. */
async function meetingWithParticipant(title: string, recurrence?: string) {
  setNow(new Date(START.getTime() - 10 * 24 * HOUR));
  const meeting = await createMeeting(
    as.leaderA!,
    meetingBody(world.orgA.id, [world.orgB.id], { title, startLocal: '2027-06-10T10:00', endLocal: '2027-06-10T11:00', ...(recurrence ? { recurrence } : {}) }),
  );
  expect((await as.volunteerB!.put(`/api/meetings/${meeting.id}/registration`, { answer: 'YES' })).status).toBe(200);
  return meeting;
}

describe('a reminder handled again after BullMQ forgot it, or after the meeting started', () => {
  it('mails a reminder once even when its job runs again after its BullMQ records are gone', async () => {
    const meeting = await meetingWithParticipant('Once');
    setNow(new Date(START.getTime() - 24 * HOUR + 60_000));

    await notifications.sendReminder(meeting.id, START, 1440);
    await t.mailbox.waitFor(world.volunteerB.email, (m) => m.subject === 'Tomorrow: Once');
    await t.jobs.drain();
    // Past the dedupe window: BullMQ no longer holds the finished mail job nor any other.
    await (await t.bullQueue()).obliterate({ force: true });
    await t.prisma.$executeRaw`DELETE FROM "OutboxJob"`;

    setNow(new Date(START.getTime() - 3 * HOUR)); // e.g. a retry hours later
    await notifications.sendReminder(meeting.id, START, 1440);
    await settle();
    expect(mailsTo('Tomorrow: Once')).toHaveLength(1);
    const recorded = await t.prisma.meetingReminderSent.findMany({ where: { meetingId: meeting.id } });
    expect(recorded.map((r) => [r.userId, r.minutesBefore])).toEqual([[world.volunteerB.id, 1440]]);
  });

  it('sends nothing for a reminder whose occurrence has already started, and still reminds of the next date', async () => {
    const meeting = await meetingWithParticipant('Too late', 'FREQ=WEEKLY;COUNT=2');
    // The worker was down: the 1-hour reminder fires five minutes into the meeting.
    setNow(new Date(START.getTime() + 5 * 60_000));

    await notifications.sendReminder(meeting.id, START, 60);
    await settle();
    expect(mailsTo('In one hour: Too late')).toHaveLength(0);
    expect(await t.prisma.meetingReminderSent.count({ where: { meetingId: meeting.id } })).toBe(0);
    const nextWeek = new Date(START.getTime() + 7 * 24 * HOUR);
    const queue = await t.bullQueue();
    expect(await queue.getJob(`meeting-reminder-${meeting.id}-${nextWeek.getTime()}-1440m`)).toBeDefined();
  });
});

describe('the reminder chain in the reminder run’s transaction (outbox)', () => {
  it('a run that fails at commit leaves nothing; a run handed over twice mails once and queues the next date’s reminders once, with the mails it records', async () => {
    const meeting = await meetingWithParticipant('Chained', 'FREQ=WEEKLY;COUNT=2');
    setNow(new Date(START.getTime() - 30 * 60_000)); // the 1-hour reminder is due
    const nextWeek = new Date(START.getTime() + 7 * 24 * HOUR);
    const chained = [1440, 60].map((minutes) => `meeting-reminder:${meeting.id}:${nextWeek.getTime()}:${minutes}m`);
    const mailJob = `meeting:${meeting.id}:reminder:${START.getTime()}:60m:${world.volunteerB.id}`;

    const restore = await failOutboxCommits(t.prisma);
    try {
      await expect(notifications.sendReminder(meeting.id, START, 60)).rejects.toThrow();
    } finally {
      await restore();
    }
    // Neither "mailed" recorded nor the next date queued: the retry below does it all.
    expect(await t.prisma.meetingReminderSent.count({ where: { meetingId: meeting.id } })).toBe(0);
    expect(await t.prisma.outboxJob.count({ where: { jobId: { in: [...chained, mailJob] } } })).toBe(0);

    await recordTransactions(t.prisma, ['MeetingReminderSent']);
    // The same job handed over twice at once (two workers, a relay that died before marking it).
    await Promise.all([notifications.sendReminder(meeting.id, START, 60), notifications.sendReminder(meeting.id, START, 60)]);
    await settle();
    expect(mailsTo('In one hour: Chained')).toHaveLength(1);
    const rows = await t.prisma.outboxJob.findMany({ where: { jobId: { in: chained } } });
    expect(rows.map((r) => r.jobId).sort()).toEqual([...chained].sort());
    expect(rows.every((r) => r.attempts <= 1)).toBe(true);
    // The record of the mail, the mail and the next date's reminders: one transaction.
    const recorded = await t.prisma.$queryRaw<{ txid: string }[]>`SELECT txid::text AS txid FROM test_written WHERE "table" = 'MeetingReminderSent'`;
    expect(recorded).toHaveLength(1);
    expect(await jobsWrittenBy(t.prisma, [recorded[0]!.txid])).toEqual([...chained, mailJob].sort());

    // Handed over once more later: nothing new is mailed or queued.
    await notifications.sendReminder(meeting.id, START, 60);
    await settle();
    expect(mailsTo('In one hour: Chained')).toHaveLength(1);
    expect(await t.prisma.outboxJob.count({ where: { jobId: { in: chained } } })).toBe(2);
  });
});
