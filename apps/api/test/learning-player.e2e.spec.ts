import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lessonViewSchema, progressResultSchema } from '@tadamon/shared';
import { enrolLearner } from '../src/modules/learning/enrolment-writer.js';
import { LearningClock } from '../src/modules/learning/learning-clock.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createUser, createWorld } from './support/factories.js';
import { createPublishedCourse } from './support/course-factories.js';
import { completeLesson, enrol, lessonUrl, progress, signedIn, takeQuiz } from './support/learning-fixtures.js';
import type { TestClient } from './support/test-client.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let clock: LearningClock;
const realNow = LearningClock.prototype.now;
let volunteerA: TestClient;
let volunteerB: TestClient;
let leaderA: TestClient;
let leaderB: TestClient;
let coordinator: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  clock = t.app.get(LearningClock);
  volunteerA = await signedIn(t, world.volunteerA.email);
  volunteerB = await signedIn(t, world.volunteerB.email);
  leaderA = await signedIn(t, world.leaderA.email);
  leaderB = await signedIn(t, world.leaderB.email);
  coordinator = await signedIn(t, world.coordinator.email);
});
afterEach(() => {
  clock.now = realNow;
});
afterAll(async () => t?.close());

const course = (modules: Parameters<typeof createPublishedCourse>[1]['modules'], extra: Partial<Parameters<typeof createPublishedCourse>[1]> = {}) =>
  createPublishedCourse(t.prisma, { networkId: world.network.id, modules, ...extra });

const trueFalse = [{ type: 'TRUE_FALSE' as const, options: [{ id: 'true', text: 'True', correct: true }, { id: 'false', text: 'False' }] }];
const right = () => ({ optionIds: ['true'] });

describe('the lesson player', () => {
  it('shows the lesson in the reader’s language with sanitised Markdown and where to go next', async () => {
    const c = await course([[{ body: '# Hello\n\n<script>alert(1)</script> **bold** [x](javascript:alert(1))' }, {}]]);
    await t.prisma.courseLesson.update({ where: { id: c.lessons[0]!.id }, data: { titles: { en: 'Welcome', fr: 'Bienvenue' } } });
    const enrolmentId = await enrol(volunteerA, c.course.id);
    const lesson = lessonViewSchema.parse((await volunteerA.get(lessonUrl(enrolmentId, c.lessons[0]!.id))).body);
    expect(lesson.title).toBe('Welcome');
    expect(lesson.bodyHtml).toContain('<h1>Hello</h1>');
    expect(lesson.bodyHtml).toContain('<strong>bold</strong>');
    expect(lesson.bodyHtml).not.toMatch(/<script|href="javascript:/);
    expect(lesson.bodyHtml).toContain('&lt;script&gt;');
    expect(lesson).toMatchObject({ status: 'NOT_STARTED', previousLessonId: null, nextLessonId: c.lessons[1]!.id, nextUnlocked: false, quiz: null });

    await t.prisma.user.update({ where: { id: world.volunteerA.id }, data: { preferredLanguage: 'fr' } });
    const french = await signedIn(t, world.volunteerA.email);
    expect((await french.get(lessonUrl(enrolmentId, c.lessons[0]!.id))).body.title).toBe('Bienvenue');
    await t.prisma.user.update({ where: { id: world.volunteerA.id }, data: { preferredLanguage: 'en' } });
  });

  it('refuses skipping lessons: a later lesson is locked until the earlier ones are done', async () => {
    const c = await course([[{}], [{}, {}]]);
    const enrolmentId = await enrol(volunteerA, c.course.id);
    const [first, second, third] = c.lessons;
    const locked = await volunteerA.get(lessonUrl(enrolmentId, third!.id));
    expect(locked.status).toBe(409);
    expect(locked.body).toMatchObject({ code: 'LESSON_LOCKED', details: { lessonId: first!.id } });
    expect((await progress(volunteerA, enrolmentId, third!.id, 'completed')).body.code).toBe('LESSON_LOCKED');
    await completeLesson(volunteerA, enrolmentId, first!.id);
    expect((await volunteerA.get(lessonUrl(enrolmentId, second!.id))).status).toBe(200);
    expect((await volunteerA.get(lessonUrl(enrolmentId, third!.id))).status).toBe(409);
  });

  it('someone else’s enrolment answers 404 for reading, progress and quizzes', async () => {
    const c = await course([[{ quiz: {} }]], { questions: trueFalse });
    const enrolmentId = await enrol(volunteerA, c.course.id);
    const lesson = c.lessons[0]!.id;
    expect((await volunteerB.get(lessonUrl(enrolmentId, lesson))).status).toBe(404);
    expect((await progress(volunteerB, enrolmentId, lesson, 'started')).status).toBe(404);
    expect((await volunteerB.post(`${lessonUrl(enrolmentId, lesson)}/attempts`)).status).toBe(404);
    // Even a leader of the learner's organisation does not take the learner's lessons.
    expect((await leaderA.get(lessonUrl(enrolmentId, lesson))).status).toBe(404);
    const started = await volunteerA.post(`${lessonUrl(enrolmentId, lesson)}/attempts`);
    const foreignSubmit = await volunteerB.post(`/api/learning/enrolments/${enrolmentId}/attempts/${started.body.id}/submission`, { answers: [] });
    expect(foreignSubmit.status).toBe(404);
    // A lesson of another course through one's own enrolment is not there either.
    const other = await course([[{}]]);
    expect((await volunteerA.get(lessonUrl(enrolmentId, other.lessons[0]!.id))).status).toBe(404);
  });

  it('progress is idempotent and monotonic: the same event twice counts once, the position only moves forward, resume remembers', async () => {
    const c = await course([[{}, {}, {}]]);
    const enrolmentId = await enrol(volunteerA, c.course.id);
    const [first, second] = c.lessons;
    await progress(volunteerA, enrolmentId, first!.id, 'position', 120);
    await progress(volunteerA, enrolmentId, first!.id, 'position', 60); // a late, older save
    expect(lessonViewSchema.parse((await volunteerA.get(lessonUrl(enrolmentId, first!.id))).body).positionSeconds).toBe(120);
    // Saves racing each other (a phone retrying on a flaky line): the furthest one stays, once.
    const racing = await Promise.all([300, 180, 240, 150].map((seconds) => progress(volunteerA, enrolmentId, first!.id, 'position', seconds)));
    for (const answer of racing) expect(answer.status).toBe(200);
    expect(await t.prisma.lessonProgress.findMany({ where: { enrolmentId } })).toMatchObject([{ lessonId: first!.id, positionSeconds: 300, status: 'STARTED' }]);

    const answers = await Promise.all([1, 2, 3].map(() => progress(volunteerA, enrolmentId, first!.id, 'completed')));
    for (const answer of answers) expect(answer.status).toBe(200);
    const again = progressResultSchema.parse((await progress(volunteerA, enrolmentId, first!.id, 'completed')).body);
    expect(again).toMatchObject({ completedLessons: 1, totalLessons: 3, progressPercent: 33, lessonStatus: 'COMPLETED' });
    // "started" after "completed" never takes the lesson back.
    expect((await progress(volunteerA, enrolmentId, first!.id, 'started')).body.lessonStatus).toBe('COMPLETED');
    const enrolment = await t.prisma.courseEnrolment.findUniqueOrThrow({ where: { id: enrolmentId } });
    expect(enrolment.completedLessons).toBe(1);

    await progress(volunteerA, enrolmentId, second!.id, 'started');
    expect((await volunteerA.get(`/api/learning/courses/${c.course.id}`)).body.resumeLessonId).toBe(second!.id);
    expect((await progress(volunteerA, enrolmentId, first!.id, 'bogus')).status).toBe(400);
  });

  it('a quiz lesson completes only by passing its quiz; a practical lesson only by sign-off', async () => {
    const c = await course([[{ quiz: {} }, { practical: true }]], { questions: trueFalse });
    const enrolmentId = await enrol(volunteerA, c.course.id);
    const [quiz, practical] = c.lessons;
    expect((await progress(volunteerA, enrolmentId, quiz!.id, 'completed')).body.code).toBe('LESSON_NEEDS_QUIZ_PASS');
    const { submitted } = await takeQuiz(volunteerA, enrolmentId, quiz!.id, right);
    expect(submitted.body.passed).toBe(true);
    expect((await volunteerA.get(lessonUrl(enrolmentId, quiz!.id))).body.status).toBe('COMPLETED');
    expect((await progress(volunteerA, enrolmentId, practical!.id, 'completed')).body.code).toBe('LESSON_NEEDS_SIGN_OFF');
  });
});

describe('practical sign-off', () => {
  it('an assessor records NOT_YET then PASSED with comments; history is kept; the lesson and course complete', async () => {
    const c = await course([[{}, { practical: true }, {}]]);
    const enrolmentId = await enrol(volunteerA, c.course.id);
    const [intro, practical, last] = c.lessons;
    await completeLesson(volunteerA, enrolmentId, intro!.id);
    // Visiting the practical lesson opens the next one: the assessor signs off later, in person.
    await progress(volunteerA, enrolmentId, practical!.id, 'started');
    await completeLesson(volunteerA, enrolmentId, last!.id);
    expect((await volunteerA.get(`/api/learning/courses/${c.course.id}`)).body.learner.state).toBe('IN_PROGRESS');

    const url = `${lessonUrl(enrolmentId, practical!.id)}/sign-offs`;
    expect((await leaderA.post(url, { result: 'NOT_YET', comment: 'Hands higher on the chest.' })).status).toBe(201);
    const passed = await coordinator.post(url, { result: 'PASSED', comment: 'Good compressions.' });
    expect(passed.status).toBe(201);
    expect(passed.body.items.map((i: { result: string; comment: string }) => [i.result, i.comment])).toEqual([
      ['PASSED', 'Good compressions.'],
      ['NOT_YET', 'Hands higher on the chest.'],
    ]);
    const lesson = lessonViewSchema.parse((await volunteerA.get(lessonUrl(enrolmentId, practical!.id))).body);
    expect(lesson.practical).toMatchObject({ status: 'PASSED' });
    expect(lesson.practical!.history).toHaveLength(2);
    expect(lesson.status).toBe('COMPLETED');
    expect((await volunteerA.get(`/api/learning/courses/${c.course.id}`)).body.learner.state).toBe('COMPLETED');
  });

  it('nobody signs off their own task; a volunteer may not assess; another organisation’s leader and another network get 404', async () => {
    const c = await course([[{ practical: true }]]);
    const leaderLearner = await enrol(leaderA, c.course.id);
    const self = await leaderA.post(`${lessonUrl(leaderLearner, c.lessons[0]!.id)}/sign-offs`, { result: 'PASSED' });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('CANNOT_ASSESS_SELF');

    const enrolmentId = await enrol(volunteerA, c.course.id);
    const url = `${lessonUrl(enrolmentId, c.lessons[0]!.id)}/sign-offs`;
    expect((await volunteerB.post(url, { result: 'PASSED' })).status).toBe(403);
    expect((await leaderB.post(url, { result: 'PASSED' })).status).toBe(404);
    const leaderC = await signedIn(t, world.leaderC.email);
    expect((await leaderC.post(url, { result: 'PASSED' })).status).toBe(404);
    const notPractical = await course([[{}]]);
    const plain = await enrol(volunteerA, notPractical.course.id);
    expect((await leaderA.post(`${lessonUrl(plain, notPractical.lessons[0]!.id)}/sign-offs`, { result: 'PASSED' })).body.code).toBe('LESSON_NOT_PRACTICAL');
    expect((await t.prisma.practicalSignOff.count({ where: { enrolmentId } }))).toBe(0);
  });
});

describe('completion rules', () => {
  const quizThenReading = [[{ quiz: {} }, {}]];
  it('all lessons required (default): passing the quiz alone does not complete', async () => {
    const c = await course(quizThenReading, { questions: trueFalse });
    const enrolmentId = await enrol(volunteerA, c.course.id);
    await takeQuiz(volunteerA, enrolmentId, c.lessons[0]!.id, right);
    expect((await volunteerA.get(`/api/learning/courses/${c.course.id}`)).body.learner.state).toBe('IN_PROGRESS');
    const done = await completeLesson(volunteerA, enrolmentId, c.lessons[1]!.id);
    expect(done).toMatchObject({ courseCompleted: true, progressPercent: 100 });
  });

  it('lessons not required: passing the quizzes completes the course', async () => {
    const c = await course(quizThenReading, { questions: trueFalse, rules: { requireAllLessons: false } });
    const enrolmentId = await enrol(volunteerA, c.course.id);
    const { submitted } = await takeQuiz(volunteerA, enrolmentId, c.lessons[0]!.id, right);
    expect(submitted.body.courseCompleted).toBe(true);
  });

  it('practical sign-off required or not', async () => {
    const required = await course([[{ practical: true }, {}]]);
    const notRequired = await course([[{ practical: true }, {}]], { rules: { requirePracticalSignOff: false } });
    for (const [c, expected] of [[required, 'IN_PROGRESS'], [notRequired, 'IN_PROGRESS']] as const) {
      const enrolmentId = await enrol(volunteerB, c.course.id);
      await progress(volunteerB, enrolmentId, c.lessons[0]!.id, 'started');
      await completeLesson(volunteerB, enrolmentId, c.lessons[1]!.id);
      // All lessons are still required, and the practical one is done only when signed off.
      expect((await volunteerB.get(`/api/learning/courses/${c.course.id}`)).body.learner.state).toBe(expected);
    }
    const lenient = await course([[{ practical: true }, {}]], { rules: { requirePracticalSignOff: false, requireAllLessons: false, requireQuizzesPassed: true } });
    const enrolmentId = await enrol(volunteerB, lenient.course.id);
    await progress(volunteerB, enrolmentId, lenient.lessons[0]!.id, 'started');
    // Nothing left that is required: the practical visit is enough once the last lesson is read.
    expect((await completeLesson(volunteerB, enrolmentId, lenient.lessons[1]!.id)).courseCompleted).toBe(true);
  });

  it('quizzes not required but lessons required: a quiz lesson still needs its quiz passed to count as done', async () => {
    const c = await course([[{}, { quiz: {} }]], { questions: trueFalse, rules: { requireQuizzesPassed: false } });
    const enrolmentId = await enrol(volunteerB, c.course.id);
    await completeLesson(volunteerB, enrolmentId, c.lessons[0]!.id);
    expect((await volunteerB.get(`/api/learning/courses/${c.course.id}`)).body.learner.state).toBe('IN_PROGRESS');
    const noQuiz = await course([[{}, { quiz: {} }]], { questions: trueFalse, rules: { requireQuizzesPassed: false, requireAllLessons: false, requirePracticalSignOff: true } });
    const second = await enrol(volunteerB, noQuiz.course.id);
    // Only practical sign-offs are required and there are none: the first lesson done completes it.
    expect((await completeLesson(volunteerB, second, noQuiz.lessons[0]!.id)).courseCompleted).toBe(true);
  });
});

describe('cohort dates', () => {
  it('learning is possible only between the cohort’s start and end', async () => {
    const c = await course([[{}]]);
    const startsAt = new Date('2027-03-01T08:00:00Z');
    const endsAt = new Date('2027-03-31T20:00:00Z');
    const learner = await createUser(t.prisma, { role: 'VOLUNTEER', organisationId: world.orgA.id });
    const cohort = await t.prisma.courseCohort.create({ data: { courseId: c.course.id, organisationId: world.orgA.id, name: 'March group', startsAt, endsAt } });
    const enrolment = await t.prisma.$transaction((tx) =>
      enrolLearner(tx, { courseId: c.course.id, userId: learner.id, organisationId: world.orgA.id, source: 'COHORT', cohortId: cohort.id }),
    );
    const client = await signedIn(t, learner.email);
    const url = lessonUrl(enrolment.id, c.lessons[0]!.id);

    clock.now = () => new Date('2027-02-28T12:00:00Z');
    const early = await client.get(url);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'COHORT_NOT_STARTED', details: { startsAt: startsAt.toISOString() } });
    expect((await progress(client, enrolment.id, c.lessons[0]!.id, 'completed')).body.code).toBe('COHORT_NOT_STARTED');

    clock.now = () => new Date('2027-04-01T09:00:00Z');
    expect((await client.get(url)).body.code).toBe('COHORT_ENDED');

    clock.now = () => new Date('2027-03-10T09:00:00Z');
    expect((await client.get(url)).status).toBe(200);
    expect((await volunteerA.get(`/api/learning/courses/${c.course.id}`)).body.cohort).toBeNull();
    expect((await client.get(`/api/learning/courses/${c.course.id}`)).body.cohort).toMatchObject({ name: 'March group' });
    expect((await completeLesson(client, enrolment.id, c.lessons[0]!.id)).courseCompleted).toBe(true);
  });
});
