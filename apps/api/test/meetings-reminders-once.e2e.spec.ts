import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BullMqJobQueue } from '../src/common/jobs/bullmq-job.queue.js';
import { MeetingClock } from '../src/modules/meetings/meeting-clock.js';
import { MeetingNotifications } from '../src/modules/meetings/meeting-notifications.service.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createWorld } from './support/factories.js';
import { createMeeting, meetingBody } from './support/meeting-fixtures.js';
import type { TestClient } from './support/test-client.js';

// The "never twice" and "never after the start" rules must hold in the reminder handler itself,
// not only through BullMQ's job-id dedupe, which forgets finished jobs after a while.
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
    await (t.jobs as BullMqJobQueue).queue.obliterate({ force: true });

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
    const queue = (t.jobs as BullMqJobQueue).queue;
    expect(await queue.getJob(`meeting-reminder-${meeting.id}-${nextWeek.getTime()}-1440m`)).toBeDefined();
  });
});
