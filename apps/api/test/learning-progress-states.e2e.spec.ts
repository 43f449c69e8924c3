import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRESS_STATE_LABELS, learnerCourseSchema, myLearningSchema, progressPageSchema } from '@tadamon/shared';
import { enrolLearner } from '../src/modules/learning/enrolment-writer.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createWorld } from './support/factories.js';
import { createPublishedCourse } from './support/course-factories.js';
import { completeLesson, progress, signedIn } from './support/learning-fixtures.js';
import type { TestClient } from './support/test-client.js';

/**
 * Issue 20: a learner and their leader read the same state for one enrolment (My learning, the
 * course page, the team-learning table and its CSV), and "Continue" opens the next lesson not
 * yet done — not the last one opened.
 */
let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let volunteer: TestClient;
let leader: TestClient;
let course: Awaited<ReturnType<typeof createPublishedCourse>>;
let enrolmentId: string;

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  volunteer = await signedIn(t, world.volunteerA.email);
  leader = await signedIn(t, world.leaderA.email);
  course = await createPublishedCourse(t.prisma, { networkId: world.network.id, title: 'Water safety', modules: [[{}, {}], [{}]] });
  const enrolment = await t.prisma.$transaction((tx) =>
    enrolLearner(tx, { courseId: course.course.id, userId: world.volunteerA.id, organisationId: world.orgA.id, source: 'ASSIGNED', assignedById: world.leaderA.id }),
  );
  enrolmentId = enrolment.id;
  await t.prisma.certificateType.create({
    data: { networkId: world.network.id, names: { en: 'Water safety volunteer', ar: 'متطوع السلامة المائية' }, validityMonths: 24, rule: { create: { courseIds: [course.course.id] } } },
  });
});
afterAll(async () => t?.close());

/** The state of the enrolment on each screen and in the CSV export, side by side. */
async function statesEverywhere() {
  const mine = myLearningSchema.parse((await volunteer.get('/api/me/learning')).body);
  const item = [...mine.assigned, ...mine.inProgress, ...mine.completed].find((i) => i.enrolmentId === enrolmentId)!;
  const page = learnerCourseSchema.parse((await volunteer.get(`/api/learning/courses/${course.course.id}`)).body);
  const table = progressPageSchema.parse((await leader.get(`/api/organisations/${world.orgA.id}/course-progress`)).body);
  const row = table.items.find((r) => r.enrolmentId === enrolmentId)!;
  const csv = (await leader.get(`/api/organisations/${world.orgA.id}/course-progress.csv?language=ar`)).text;
  return { myLearning: item.learner.state, coursePage: page.learner.state, table: row.status, csv, item, page };
}

describe('one definition of each progress state', () => {
  it('an assigned course nobody opened is "not started" for the learner, on the course page, in the leader’s table and in the CSV', async () => {
    const s = await statesEverywhere();
    expect([s.myLearning, s.coursePage, s.table]).toEqual(['NOT_STARTED', 'NOT_STARTED', 'NOT_STARTED']);
    expect(s.csv).toContain(PROGRESS_STATE_LABELS.ar.NOT_STARTED);
    // "Start" opens the first lesson.
    expect(s.item.resumeLessonId).toBe(course.lessons[0]!.id);
    expect(s.page.resumeLessonId).toBe(course.lessons[0]!.id);
  });

  it('opening a lesson makes it "in progress" everywhere, at 0 %', async () => {
    await progress(volunteer, enrolmentId, course.lessons[0]!.id, 'started');
    const s = await statesEverywhere();
    expect([s.myLearning, s.coursePage, s.table]).toEqual(['IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS']);
    expect(s.item.learner.progressPercent).toBe(0);
    expect(s.csv).toContain(PROGRESS_STATE_LABELS.ar.IN_PROGRESS);
  });

  it('"Continue" opens the next lesson not yet done, even after going back to an earlier one', async () => {
    await completeLesson(volunteer, enrolmentId, course.lessons[0]!.id);
    await completeLesson(volunteer, enrolmentId, course.lessons[1]!.id);
    // Back to the first lesson to read it again: the last one opened is now a done lesson.
    await progress(volunteer, enrolmentId, course.lessons[0]!.id, 'started');
    const s = await statesEverywhere();
    expect(s.item.resumeLessonId).toBe(course.lessons[2]!.id);
    expect(s.page.resumeLessonId).toBe(course.lessons[2]!.id);
  });

  it('completing the course makes it "completed" everywhere', async () => {
    await completeLesson(volunteer, enrolmentId, course.lessons[2]!.id);
    const s = await statesEverywhere();
    expect([s.myLearning, s.coursePage, s.table]).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    expect(s.csv).toContain(PROGRESS_STATE_LABELS.ar.COMPLETED);
  });
});

describe('what a course leads to', () => {
  it('the course page and My learning name the certificate the course earns and its validity; a course without one says none', async () => {
    const page = learnerCourseSchema.parse((await volunteer.get(`/api/learning/courses/${course.course.id}`)).body);
    expect(page.leadsTo).toEqual([expect.objectContaining({ name: 'Water safety volunteer', kind: 'EARNS', withOthers: false, validityMonths: 24 })]);
    const mine = myLearningSchema.parse((await volunteer.get('/api/me/learning')).body);
    const item = [...mine.assigned, ...mine.inProgress, ...mine.completed].find((i) => i.courseId === course.course.id)!;
    expect(item.leadsTo.map((c) => c.name)).toEqual(['Water safety volunteer']);
    const plain = await createPublishedCourse(t.prisma, { networkId: world.network.id, title: 'No certificate here' });
    expect(learnerCourseSchema.parse((await volunteer.get(`/api/learning/courses/${plain.course.id}`)).body).leadsTo).toEqual([]);
  });

  it('a refresher course says it renews the certificate, in the reader’s language', async () => {
    const refresher = await createPublishedCourse(t.prisma, { networkId: world.network.id, title: 'Water safety refresher' });
    await t.prisma.certificateTypeRule.updateMany({ where: { courseIds: { has: course.course.id } }, data: { renewalCourseId: refresher.course.id } });
    await t.prisma.user.update({ where: { id: world.volunteerA.id }, data: { preferredLanguage: 'ar' } });
    const page = learnerCourseSchema.parse((await volunteer.get(`/api/learning/courses/${refresher.course.id}`)).body);
    expect(page.leadsTo).toEqual([expect.objectContaining({ name: 'متطوع السلامة المائية', kind: 'RENEWS' })]);
  });
});
