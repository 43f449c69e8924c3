import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignableSchema } from '@tadamon/shared';
import { createPublishedCourse } from './support/course-factories.js';
import { createUser } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createPath, progressWorld, recordProgress } from './course-progress.support.js';
import { failOutboxCommits, jobsWrittenBy, recordTransactions, writers } from './support/outbox-probe.js';
import { dueReminderJobId } from '../src/modules/course-progress/course-reminders.service.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof progressWorld>>;

beforeAll(async () => {
  t = await startTestApp();
  w = await progressWorld(t);
});
afterAll(async () => t?.close());

const enrolmentOf = (courseId: string, userId: string) =>
  t.prisma.courseEnrolment.findUnique({ where: { courseId_userId: { courseId, userId } } });

describe('assigning courses', () => {
  it('lets a leader assign a network course to a member of their organisation, with a due date and an e-mail', async () => {
    const { world, as, networkCourse } = w;
    const answer = await as.leaderA.post('/api/course-assignments', {
      organisationId: world.orgA.id,
      userIds: [world.volunteerA.id],
      courseId: networkCourse.course.id,
      dueAt: '2027-03-01T17:00:00Z',
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body.items).toEqual([
      expect.objectContaining({ courseId: networkCourse.course.id, userId: world.volunteerA.id, status: 'ACTIVE', dueAt: '2027-03-01T17:00:00.000Z' }),
    ]);
    const enrolment = await enrolmentOf(networkCourse.course.id, world.volunteerA.id);
    expect(enrolment).toMatchObject({ source: 'ASSIGNED', assignedById: world.leaderA.id, organisationId: world.orgA.id, totalLessons: 4 });
    const mail = await t.mailbox.waitFor(world.volunteerA.email, (m) => m.subject === 'New course for you: Volunteer foundation');
    expect(mail.text).toContain('to be completed by 1 March 2027');
  });

  it('assigning twice keeps one enrolment and updates the due date, without a second e-mail', async () => {
    const { world, as, networkCourse } = w;
    const again = await as.leaderA.post('/api/course-assignments', {
      organisationId: world.orgA.id,
      userIds: [world.volunteerA.id],
      courseId: networkCourse.course.id,
      dueAt: '2027-04-15T17:00:00Z',
    });
    expect(again.status).toBe(201);
    expect(again.body.items[0].dueAt).toBe('2027-04-15T17:00:00.000Z');
    expect(await t.prisma.courseEnrolment.count({ where: { courseId: networkCourse.course.id, userId: world.volunteerA.id } })).toBe(1);
    await t.jobs.drain();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(t.mailbox.for(world.volunteerA.email).filter((m) => m.subject?.includes('Volunteer foundation'))).toHaveLength(1);
  });

  it('answers 404 for someone of another organisation, and assigns nobody', async () => {
    const { world, as, networkCourse } = w;
    const answer = await as.leaderA.post('/api/course-assignments', {
      organisationId: world.orgA.id,
      userIds: [world.leaderA.id, world.volunteerB.id],
      courseId: networkCourse.course.id,
    });
    expect(answer.status).toBe(404);
    expect(await enrolmentOf(networkCourse.course.id, world.volunteerB.id)).toBeNull();
    expect(await enrolmentOf(networkCourse.course.id, world.leaderA.id)).toBeNull();
  });

  it('refuses another organisation (403), another network (404) and a course the organisation may not see (404)', async () => {
    const { world, as, networkCourse, courseOfB } = w;
    const body = { userIds: [world.volunteerB.id], courseId: networkCourse.course.id };
    expect((await as.leaderA.post('/api/course-assignments', { ...body, organisationId: world.orgB.id })).status).toBe(403);
    expect((await as.leaderC.post('/api/course-assignments', { ...body, organisationId: world.orgB.id })).status).toBe(404);
    const foreignCourse = await as.leaderA.post('/api/course-assignments', { organisationId: world.orgA.id, userIds: [world.volunteerA.id], courseId: courseOfB.course.id });
    expect(foreignCourse.status).toBe(404);
    expect((await as.volunteerA.post('/api/course-assignments', { ...body, organisationId: world.orgA.id })).status).toBe(403);
  });

  it('lets a coordinator assign to any organisation of the network, and refuses a draft course', async () => {
    const { world, as, courseOfB } = w;
    const answer = await as.coordinator.post('/api/course-assignments', { organisationId: world.orgB.id, userIds: [world.volunteerB.id], courseId: courseOfB.course.id });
    expect(answer.status).toBe(201);
    const draft = await createPublishedCourse(t.prisma, { networkId: world.network.id, title: 'Draft' });
    await t.prisma.course.update({ where: { id: draft.course.id }, data: { status: 'DRAFT' } });
    const refused = await as.coordinator.post('/api/course-assignments', { organisationId: world.orgB.id, userIds: [world.volunteerB.id], courseId: draft.course.id });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('COURSE_NOT_PUBLISHED');
    const bad = await as.coordinator.post('/api/course-assignments', { organisationId: world.orgB.id, userIds: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('assigns a learning path as each of its courses; a course behind a prerequisite waits', async () => {
    const { world, as } = w;
    const first = await createPublishedCourse(t.prisma, { networkId: world.network.id, title: 'Leading a volunteer team' });
    const second = await createPublishedCourse(t.prisma, { networkId: world.network.id, title: 'Running a cohort' });
    await t.prisma.coursePrerequisite.create({ data: { courseId: second.course.id, requiredCourseId: first.course.id } });
    const path = await createPath(t.prisma, world.network.id, [first.course.id, second.course.id]);
    const answer = await as.leaderA.post('/api/course-assignments', { organisationId: world.orgA.id, userIds: [world.volunteerA.id], learningPathId: path.id, dueAt: '2027-06-01T00:00:00Z' });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body.items.map((i: { courseId: string }) => i.courseId)).toEqual([first.course.id]);
    expect(answer.body.waiting).toEqual([{ userId: world.volunteerA.id, courseId: second.course.id }]);

    // Once the first is completed, assigning the path again enrols the second.
    const enrolment = await enrolmentOf(first.course.id, world.volunteerA.id);
    await recordProgress(t.prisma, enrolment!.id, first.lessons.map((l) => l.id), new Date());
    const again = await as.leaderA.post('/api/course-assignments', { organisationId: world.orgA.id, userIds: [world.volunteerA.id], learningPathId: path.id });
    expect(again.body.items.map((i: { courseId: string }) => i.courseId)).toEqual([first.course.id, second.course.id]);
    expect(again.body.waiting).toEqual([]);
  });

  it('offers the assign dialog the organisation’s courses, paths and members only', async () => {
    const { world, as, courseOfB } = w;
    const answer = await as.leaderA.get(`/api/course-assignments/assignable?organisationId=${world.orgA.id}`);
    expect(answer.status).toBe(200);
    const assignable = assignableSchema.parse(answer.body);
    expect(assignable.courses.map((c) => c.title)).toContain('Volunteer foundation');
    expect(assignable.courses.map((c) => c.id)).not.toContain(courseOfB.course.id);
    expect(assignable.paths.map((p) => p.title)).toContain('Leader track');
    expect(assignable.members.map((m) => m.userId).sort()).toEqual([world.leaderA.id, world.volunteerA.id].sort());
    const searched = await as.leaderA.get(`/api/course-assignments/assignable?organisationId=${world.orgA.id}&q=FOUNDATIÓN`);
    expect(searched.body.courses.map((c: { title: string }) => c.title)).toEqual(['Volunteer foundation']);
    expect((await as.leaderA.get(`/api/course-assignments/assignable?organisationId=${world.orgB.id}`)).status).toBe(403);
  });
});

describe('withdrawing an assignment', () => {
  it('withdraws an assignment not yet completed, and refuses a completed one', async () => {
    const { world, as } = w;
    const course = await createPublishedCourse(t.prisma, { networkId: world.network.id, title: 'Ethics refresher' });
    const member = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: world.orgA.id });
    const assigned = await as.leaderA.post('/api/course-assignments', { organisationId: world.orgA.id, userIds: [member.id], courseId: course.course.id, dueAt: '2027-05-01T00:00:00Z' });
    const enrolmentId = assigned.body.items[0].enrolmentId as string;

    // Another organisation's assignment is private to it: 404 like an unknown id.
    expect((await as.leaderB.delete(`/api/course-assignments/${enrolmentId}`)).status).toBe(404);
    expect((await as.leaderC.delete(`/api/course-assignments/${enrolmentId}`)).status).toBe(404);
    expect((await as.leaderA.delete(`/api/course-assignments/${enrolmentId}`)).status).toBe(204);
    expect(await t.prisma.courseEnrolment.findUnique({ where: { id: enrolmentId } })).toMatchObject({ status: 'WITHDRAWN', dueAt: null });
    // Withdrawn twice is still withdrawn.
    expect((await as.leaderA.delete(`/api/course-assignments/${enrolmentId}`)).status).toBe(204);

    // Assigned again: the same enrolment comes back to life.
    const back = await as.leaderA.post('/api/course-assignments', { organisationId: world.orgA.id, userIds: [member.id], courseId: course.course.id });
    expect(back.body.items[0]).toMatchObject({ enrolmentId, status: 'ACTIVE' });
    await recordProgress(t.prisma, enrolmentId, course.lessons.map((l) => l.id), new Date());
    const refused = await as.leaderA.delete(`/api/course-assignments/${enrolmentId}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ENROLMENT_ALREADY_COMPLETED');
  });

  it('takes only the assignment off a course the learner had chosen themselves', async () => {
    const { world, as } = w;
    const course = await createPublishedCourse(t.prisma, { networkId: world.network.id, title: 'Listening skills' });
    const self = await t.prisma.courseEnrolment.create({
      data: { courseId: course.course.id, versionId: course.version.id, userId: world.volunteerA.id, organisationId: world.orgA.id, source: 'SELF', totalLessons: 1 },
    });
    await as.leaderA.post('/api/course-assignments', { organisationId: world.orgA.id, userIds: [world.volunteerA.id], courseId: course.course.id, dueAt: '2027-05-01T00:00:00Z' });
    expect((await as.leaderA.delete(`/api/course-assignments/${self.id}`)).status).toBe(204);
    expect(await t.prisma.courseEnrolment.findUnique({ where: { id: self.id } })).toMatchObject({ status: 'ACTIVE', source: 'SELF', assignedById: null, dueAt: null });
  });
});

describe('assignment mails and reminders in the assignment’s transaction (outbox)', () => {
  it('an assignment whose transaction fails after queueing leaves no enrolment, no job and no mail', async () => {
    const { world, as, networkCourse } = w;
    const member = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: world.orgA.id });
    const restore = await failOutboxCommits(t.prisma);
    let failed;
    try {
      failed = await as.leaderA.post('/api/course-assignments', {
        organisationId: world.orgA.id,
        userIds: [member.id],
        courseId: networkCourse.course.id,
        dueAt: '2027-05-01T17:00:00Z',
      });
    } finally {
      await restore();
    }
    expect(failed.status).toBe(500);
    expect(await enrolmentOf(networkCourse.course.id, member.id)).toBeNull();
    expect(await t.prisma.outboxJob.count({ where: { payload: { path: ['userId'], equals: member.id } } })).toBe(0);
    await t.jobs.drain();
    expect(t.mailbox.for(member.email)).toEqual([]);
  });

  it('writes the assignment mail and the due-date reminder in the transaction that enrols, and the reminder’s removal with the withdrawal', async () => {
    const { world, as, networkCourse } = w;
    const member = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: world.orgA.id });
    await recordTransactions(t.prisma, ['CourseEnrolment']);
    const answer = await as.leaderA.post('/api/course-assignments', {
      organisationId: world.orgA.id,
      userIds: [member.id],
      courseId: networkCourse.course.id,
      dueAt: '2027-05-01T17:00:00Z',
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const enrolment = (await enrolmentOf(networkCourse.course.id, member.id))!;
    const enrolled = await writers(t.prisma, 'CourseEnrolment', enrolment.id);
    const jobs = await jobsWrittenBy(t.prisma, enrolled);
    expect(jobs).toContain(dueReminderJobId(enrolment.id, new Date('2027-05-01T17:00:00Z')));
    expect(jobs.filter((id) => id.startsWith(`course-assignment:${enrolment.id}:`))).toHaveLength(1);
    await t.mailbox.waitFor(member.email, (m) => m.subject === 'New course for you: Volunteer foundation');

    const withdrawn = await as.leaderA.delete(`/api/course-assignments/${enrolment.id}`);
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(204);
    const withdrawTx = (await writers(t.prisma, 'CourseEnrolment', enrolment.id)).filter((id) => !enrolled.includes(id));
    expect(withdrawTx).toHaveLength(1);
    expect(await jobsWrittenBy(t.prisma, withdrawTx)).toEqual([dueReminderJobId(enrolment.id, new Date('2027-05-01T17:00:00Z'))]);
  });
});

describe('cohort mails and reminders in the cohort change’s transaction (outbox)', () => {
  const failing = async <T>(work: () => Promise<T>): Promise<T> => {
    const restore = await failOutboxCommits(t.prisma);
    try {
      return await work();
    } finally {
      await restore();
    }
  };

  it('adding a member, moving the end date or removing a member that fails after queueing changes nothing', async () => {
    const { world, as } = w;
    const member = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: world.orgA.id });
    const course = await createPublishedCourse(t.prisma, { networkId: world.network.id, title: 'Outbox cohort course' });
    const endsAt = new Date('2027-06-30T18:00:00Z');
    const cohort = await as.leaderA.post('/api/course-cohorts', {
      courseId: course.course.id,
      organisationId: world.orgA.id,
      name: 'Outbox group',
      startsAt: '2027-06-01T08:00:00Z',
      endsAt: endsAt.toISOString(),
    });
    expect(cohort.status, JSON.stringify(cohort.body)).toBe(201);

    const refusedAdd = await failing(() => as.leaderA.post(`/api/course-cohorts/${cohort.body.id}/members`, { userIds: [member.id] }));
    expect(refusedAdd.status).toBe(500);
    expect(await enrolmentOf(course.course.id, member.id)).toBeNull();

    const added = await as.leaderA.post(`/api/course-cohorts/${cohort.body.id}/members`, { userIds: [member.id] });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const enrolment = (await enrolmentOf(course.course.id, member.id))!;
    expect(await t.prisma.outboxJob.count({ where: { jobId: dueReminderJobId(enrolment.id, endsAt) } })).toBe(1);

    const later = new Date('2027-07-15T18:00:00Z');
    const refusedMove = await failing(() => as.leaderA.patch(`/api/course-cohorts/${cohort.body.id}`, { endsAt: later.toISOString() }));
    expect(refusedMove.status).toBe(500);
    expect((await enrolmentOf(course.course.id, member.id))!.dueAt).toEqual(endsAt);
    expect(await t.prisma.outboxJob.count({ where: { jobId: dueReminderJobId(enrolment.id, later) } })).toBe(0);

    const refusedRemove = await failing(() => as.leaderA.delete(`/api/course-cohorts/${cohort.body.id}/members/${member.id}`));
    expect(refusedRemove.status).toBe(500);
    expect(await enrolmentOf(course.course.id, member.id)).toMatchObject({ status: 'ACTIVE', cohortId: cohort.body.id, dueAt: endsAt });
    // The reminder was not taken away either.
    expect((await t.prisma.outboxJob.findUniqueOrThrow({ where: { jobId: dueReminderJobId(enrolment.id, endsAt) } })).cancelledAt).toBeNull();
  });
});
