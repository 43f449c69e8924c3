import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CourseProgressClock } from '../src/modules/course-progress/course-progress-clock.js';
import { CourseRemindersService } from '../src/modules/course-progress/course-reminders.service.js';
import { createPublishedCourse } from './support/course-factories.js';
import { createUser } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { progressWorld, recordProgress } from './course-progress.support.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof progressWorld>>;
let clock: CourseProgressClock;
const realNow = CourseProgressClock.prototype.now;

beforeAll(async () => {
  t = await startTestApp();
  w = await progressWorld(t);
  clock = t.app.get(CourseProgressClock);
});
afterEach(() => {
  clock.now = realNow;
});
afterAll(async () => t?.close());

const DAY = 24 * 3600_000;
const DUE = new Date('2027-06-10T17:00:00Z');
const setNow = (at: Date) => {
  clock.now = () => at;
};
/** The reminder job as BullMQ holds it (ids use '-' for ':'), or undefined. */
const reminderJob = async (enrolmentId: string, dueAt: Date) =>
  (await t.bullQueue()).getJob(`course-due-reminder-${enrolmentId}-${dueAt.getTime()}`);

async function assign(userId: string, title: string, dueAt: Date | null) {
  const course = await createPublishedCourse(t.prisma, { networkId: w.world.network.id, title });
  const answer = await w.as.leaderA.post('/api/course-assignments', {
    organisationId: w.world.orgA.id,
    userIds: [userId],
    courseId: course.course.id,
    dueAt: dueAt?.toISOString() ?? null,
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return { course, enrolmentId: answer.body.items[0].enrolmentId as string };
}

const reminders = (email: string, title: string) => t.mailbox.for(email).filter((m) => m.subject?.startsWith(`Reminder: finish “${title}”`));

describe('due-date reminders as delayed jobs, timed from the course clock', () => {
  it('waits until three days before the due date, and moves when the due date changes', async () => {
    setNow(new Date(DUE.getTime() - 10 * DAY));
    const member = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: w.world.orgA.id });
    const { course, enrolmentId } = await assign(member.id, 'Moves', DUE);
    const job = await reminderJob(enrolmentId, DUE);
    expect(job!.delay).toBe(7 * DAY);

    const later = new Date(DUE.getTime() + 5 * DAY);
    await w.as.leaderA.post('/api/course-assignments', { organisationId: w.world.orgA.id, userIds: [member.id], courseId: course.course.id, dueAt: later.toISOString() });
    expect(await reminderJob(enrolmentId, DUE)).toBeUndefined();
    expect((await reminderJob(enrolmentId, later))!.delay).toBe(12 * DAY);

    // No due date any more: no reminder.
    await w.as.leaderA.post('/api/course-assignments', { organisationId: w.world.orgA.id, userIds: [member.id], courseId: course.course.id, dueAt: null });
    expect(await reminderJob(enrolmentId, later)).toBeUndefined();
  });

  it('sends at once when the due date is nearer than three days, in the learner’s language, and never twice', async () => {
    setNow(new Date(DUE.getTime() - DAY));
    const member = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: w.world.orgA.id });
    await t.prisma.user.update({ where: { id: member.id }, data: { preferredLanguage: 'fr', timeZone: 'Africa/Casablanca' } });
    const { enrolmentId } = await assign(member.id, 'Secourisme', DUE);
    const mail = await t.mailbox.waitFor(member.email, (m) => !!m.subject?.startsWith('Rappel : terminez « Secourisme »'));
    expect(mail.text).toContain('10 juin 2027');

    // The same reminder handled again (a retry, a duplicate) finds its mail already sent.
    await t.jobs.enqueue('courses.due-reminder', { enrolmentId, dueAt: DUE.toISOString() }, { jobId: `retry-${enrolmentId}` });
    await t.jobs.drain();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(t.mailbox.for(member.email).filter((m) => m.subject?.startsWith('Rappel'))).toHaveLength(1);
  });

  it('is removed when the assignment is withdrawn or the course completed, and a stale job sends nothing', async () => {
    setNow(new Date(DUE.getTime() - 10 * DAY));
    const member = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: w.world.orgA.id });
    const withdrawn = await assign(member.id, 'Withdrawn', DUE);
    expect(await reminderJob(withdrawn.enrolmentId, DUE)).toBeDefined();
    expect((await w.as.leaderA.delete(`/api/course-assignments/${withdrawn.enrolmentId}`)).status).toBe(204);
    expect(await reminderJob(withdrawn.enrolmentId, DUE)).toBeUndefined();

    const completed = await assign(member.id, 'Completed', DUE);
    await recordProgress(t.prisma, completed.enrolmentId, completed.course.lessons.map((l) => l.id), new Date());
    await t.app.get(CourseRemindersService).enrolmentEnded(completed.enrolmentId, DUE);
    expect(await reminderJob(completed.enrolmentId, DUE)).toBeUndefined();

    // Jobs that outlived their enrolment's state (completed, withdrawn, a moved date) send nothing.
    setNow(new Date(DUE.getTime() - DAY));
    const moved = await assign(member.id, 'Moved', new Date(DUE.getTime() + 30 * DAY));
    for (const enrolmentId of [completed.enrolmentId, withdrawn.enrolmentId, moved.enrolmentId]) {
      await t.jobs.enqueue('courses.due-reminder', { enrolmentId, dueAt: DUE.toISOString() }, { jobId: `stale-${enrolmentId}` });
    }
    await t.jobs.drain();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(reminders(member.email, 'Completed')).toHaveLength(0);
    expect(reminders(member.email, 'Withdrawn')).toHaveLength(0);
    expect(reminders(member.email, 'Moved')).toHaveLength(0);
  });

  it('gives cohort members the cohort’s end as due date and moves their reminders with it', async () => {
    setNow(new Date(DUE.getTime() - 20 * DAY));
    const member = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: w.world.orgA.id });
    const course = await createPublishedCourse(t.prisma, { networkId: w.world.network.id, title: 'Cohort course' });
    const cohort = await w.as.leaderA.post('/api/course-cohorts', {
      courseId: course.course.id,
      organisationId: w.world.orgA.id,
      name: 'Spring group',
      startsAt: new Date(DUE.getTime() - 15 * DAY).toISOString(),
      endsAt: DUE.toISOString(),
    });
    expect(cohort.status, JSON.stringify(cohort.body)).toBe(201);
    const added = await w.as.leaderA.post(`/api/course-cohorts/${cohort.body.id}/members`, { userIds: [member.id] });
    expect(added.status).toBe(201);
    const enrolmentId = added.body.memberProgress[0].enrolmentId as string;
    expect((await reminderJob(enrolmentId, DUE))!.delay).toBe(17 * DAY);

    const newEnd = new Date(DUE.getTime() + 7 * DAY);
    expect((await w.as.leaderA.patch(`/api/course-cohorts/${cohort.body.id}`, { endsAt: newEnd.toISOString() })).status).toBe(200);
    expect(await reminderJob(enrolmentId, DUE)).toBeUndefined();
    expect((await reminderJob(enrolmentId, newEnd))!.delay).toBe(24 * DAY);
    expect((await t.prisma.courseEnrolment.findUnique({ where: { id: enrolmentId } }))!.dueAt).toEqual(newEnd);
  });
});
