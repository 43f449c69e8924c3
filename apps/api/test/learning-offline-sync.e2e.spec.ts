import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { syncResponseSchema, type SyncEvent } from '@tadamon/shared';
import { LearningClock } from '../src/modules/learning/learning-clock.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createWorld } from './support/factories.js';
import { createPublishedCourse } from './support/course-factories.js';
import { enrol, lessonUrl, progress, signedIn, takeQuiz } from './support/learning-fixtures.js';
import type { TestClient } from './support/test-client.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let clock: LearningClock;
const realNow = LearningClock.prototype.now;
let volunteerA: TestClient;
let volunteerB: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  clock = t.app.get(LearningClock);
  volunteerA = await signedIn(t, world.volunteerA.email);
  volunteerB = await signedIn(t, world.volunteerB.email);
});
afterEach(() => {
  clock.now = realNow;
});
afterAll(async () => t?.close());

type Quiz = { questionCount?: number | null; passPercent?: number; attemptLimit?: number | null; retryWaitMinutes?: number };
/** Two reading lessons then a quiz of two true/false questions (right answer: "true" for the first, "false" for the second). */
const course = (quiz: Quiz = {}) =>
  createPublishedCourse(t.prisma, {
    networkId: world.network.id,
    modules: [[{ title: 'One' }, { title: 'Two' }], [{ title: 'Quiz', quiz: { passPercent: 100, ...quiz } }]],
    questions: [
      { type: 'TRUE_FALSE', prompt: 'Q1', options: [{ id: 'true', text: 'True', correct: true }, { id: 'false', text: 'False' }] },
      { type: 'TRUE_FALSE', prompt: 'Q2', options: [{ id: 'true', text: 'True' }, { id: 'false', text: 'False', correct: true }] },
    ],
  });

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const completed = (enrolmentId: string, lessonId: string, at = minutesAgo(10)): SyncEvent => ({ eventId: randomUUID(), type: 'lessonCompleted', occurredAt: at, enrolmentId, lessonId });
const position = (enrolmentId: string, lessonId: string, positionSeconds: number, at: string): SyncEvent => ({ eventId: randomUUID(), type: 'position', occurredAt: at, enrolmentId, lessonId, positionSeconds });
function attempt(c: Awaited<ReturnType<typeof course>>, enrolmentId: string, right: boolean, at = minutesAgo(5)): SyncEvent {
  const [q1, q2] = c.questions;
  return {
    eventId: randomUUID(),
    type: 'quizAttemptSubmitted',
    occurredAt: at,
    startedAt: at,
    enrolmentId,
    lessonId: c.lessons[2]!.id,
    questionIds: [q1!.id, q2!.id],
    optionOrders: { [q1!.id]: ['true', 'false'], [q2!.id]: ['true', 'false'] },
    answers: [
      { questionId: q1!.id, optionIds: [right ? 'true' : 'false'] },
      { questionId: q2!.id, optionIds: ['false'] },
    ],
  };
}

async function sync(client: TestClient, events: SyncEvent[]) {
  const answer = await client.post('/api/learning/sync', { events });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return syncResponseSchema.parse(answer.body).results;
}

describe('replaying the offline queue', () => {
  it('applies each event once: replaying the whole queue again changes nothing and answers the first outcome', async () => {
    const c = await course();
    const enrolmentId = await enrol(volunteerA, c.course.id);
    const queue = [
      completed(enrolmentId, c.lessons[0]!.id, minutesAgo(30)),
      completed(enrolmentId, c.lessons[1]!.id, minutesAgo(20)),
      attempt(c, enrolmentId, true, minutesAgo(10)),
    ];
    const first = await sync(volunteerA, queue);
    expect(first.map((r) => r.outcome)).toEqual(['APPLIED', 'APPLIED', 'APPLIED']);
    expect(first[2]!.quizResult).toMatchObject({ passed: true, scorePercent: 100, number: 1 });
    expect(first[2]!.courseCompleted).toBe(true);

    const again = await sync(volunteerA, queue);
    expect(again.map((r) => [r.outcome, r.firstOutcome])).toEqual([['DUPLICATE', 'APPLIED'], ['DUPLICATE', 'APPLIED'], ['DUPLICATE', 'APPLIED']]);
    expect(again[2]!.quizResult?.attemptId).toBe(first[2]!.quizResult?.attemptId);

    const enrolment = await t.prisma.courseEnrolment.findUniqueOrThrow({ where: { id: enrolmentId } });
    expect(enrolment).toMatchObject({ completedLessons: 3, status: 'COMPLETED' });
    expect(await t.prisma.quizAttempt.count({ where: { enrolmentId } })).toBe(1);
    const stored = await t.prisma.quizAttempt.findFirstOrThrow({ where: { enrolmentId } });
    // Counted at the moment it was taken on the device.
    expect(stored.submittedAt?.toISOString()).toBe(queue[2]!.occurredAt);
  });

  it('applies events in the order the device recorded them (a later lesson only after the one before)', async () => {
    const c = await course();
    const enrolmentId = await enrol(volunteerA, c.course.id);
    const outOfOrder = await sync(volunteerA, [completed(enrolmentId, c.lessons[1]!.id), completed(enrolmentId, c.lessons[0]!.id)]);
    expect(outOfOrder.map((r) => [r.outcome, r.reason])).toEqual([['KEPT', 'LESSON_LOCKED'], ['APPLIED', null]]);

    const c2 = await course();
    const e2 = await enrol(volunteerA, c2.course.id);
    const inOrder = await sync(volunteerA, [completed(e2, c2.lessons[0]!.id), completed(e2, c2.lessons[1]!.id)]);
    expect(inOrder.map((r) => r.outcome)).toEqual(['APPLIED', 'APPLIED']);
    expect((await t.prisma.courseEnrolment.findUniqueOrThrow({ where: { id: e2 } })).completedLessons).toBe(2);
  });

  it('merges lesson completion from two devices: done anywhere is done, counted once', async () => {
    const c = await course();
    const enrolmentId = await enrol(volunteerA, c.course.id);
    const phone = await sync(volunteerA, [completed(enrolmentId, c.lessons[0]!.id)]);
    const tablet = await sync(volunteerA, [completed(enrolmentId, c.lessons[0]!.id)]);
    expect([phone[0]!.outcome, tablet[0]!.outcome]).toEqual(['APPLIED', 'APPLIED']);
    expect((await t.prisma.courseEnrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).completedLessons).toBe(1);
  });

  it('keeps the latest position, whichever device syncs last', async () => {
    const c = await course();
    const enrolmentId = await enrol(volunteerA, c.course.id);
    const lessonId = c.lessons[0]!.id;
    await sync(volunteerA, [position(enrolmentId, lessonId, 120, minutesAgo(5))]);
    // The other phone was further on but earlier in time: its older position loses.
    await sync(volunteerA, [position(enrolmentId, lessonId, 300, minutesAgo(30))]);
    const view = await volunteerA.get(lessonUrl(enrolmentId, lessonId));
    expect(view.body.positionSeconds).toBe(120);
    // A newer position wins even when it is earlier in the video (the learner went back).
    await sync(volunteerA, [position(enrolmentId, lessonId, 40, minutesAgo(1))]);
    expect((await volunteerA.get(lessonUrl(enrolmentId, lessonId))).body.positionSeconds).toBe(40);
  });
});

describe('offline quiz attempts the server cannot count are kept with the reason', () => {
  async function atQuiz(quiz: Quiz) {
    const c = await course(quiz);
    const enrolmentId = await enrol(volunteerA, c.course.id);
    await progress(volunteerA, enrolmentId, c.lessons[0]!.id, 'completed');
    await progress(volunteerA, enrolmentId, c.lessons[1]!.id, 'completed');
    return { c, enrolmentId };
  }

  it('attempt limit reached online on another device: QUIZ_ATTEMPTS_EXHAUSTED, and no attempt is added', async () => {
    const { c, enrolmentId } = await atQuiz({ attemptLimit: 1 });
    const waiting = attempt(c, enrolmentId, true, minutesAgo(3));
    const online = await takeQuiz(volunteerA, enrolmentId, c.lessons[2]!.id, () => ({ optionIds: ['true'] }));
    expect(online.submitted.body.passed).toBe(false);
    const [result] = await sync(volunteerA, [waiting]);
    expect(result).toMatchObject({ outcome: 'KEPT', reason: 'QUIZ_ATTEMPTS_EXHAUSTED', details: { attemptLimit: 1 }, quizResult: null });
    expect(await t.prisma.quizAttempt.count({ where: { enrolmentId } })).toBe(1);
    // Still kept (not dropped) on a replay.
    const [replayed] = await sync(volunteerA, [waiting]);
    expect(replayed).toMatchObject({ outcome: 'DUPLICATE', firstOutcome: 'KEPT', reason: 'QUIZ_ATTEMPTS_EXHAUSTED' });
  });

  it('inside the waiting time after the previous attempt: QUIZ_RETRY_WAIT with the time it was allowed from', async () => {
    const { c, enrolmentId } = await atQuiz({ retryWaitMinutes: 60 });
    const [failed, tooSoon] = await sync(volunteerA, [attempt(c, enrolmentId, false, minutesAgo(20)), attempt(c, enrolmentId, true, minutesAgo(10))]);
    expect(failed).toMatchObject({ outcome: 'APPLIED', quizResult: { passed: false } });
    expect(tooSoon).toMatchObject({ outcome: 'KEPT', reason: 'QUIZ_RETRY_WAIT' });
    expect(new Date(tooSoon!.details!.retryAt as string).getTime()).toBeGreaterThan(Date.now());
  });

  it('after a pass elsewhere: QUIZ_ALREADY_PASSED; after leaving the course: ENROLMENT_NOT_ACTIVE', async () => {
    const { c, enrolmentId } = await atQuiz({});
    await takeQuiz(volunteerA, enrolmentId, c.lessons[2]!.id, (q) => ({ optionIds: [q.prompt === 'Q1' ? 'true' : 'false'] }));
    const [passed] = await sync(volunteerA, [attempt(c, enrolmentId, true)]);
    expect(passed).toMatchObject({ outcome: 'KEPT', reason: 'QUIZ_ALREADY_PASSED' });

    const other = await atQuiz({});
    await volunteerA.delete(`/api/learning/courses/${other.c.course.id}/enrolment`);
    const [withdrawn] = await sync(volunteerA, [attempt(other.c, other.enrolmentId, true)]);
    expect(withdrawn).toMatchObject({ outcome: 'KEPT', reason: 'ENROLMENT_NOT_ACTIVE' });
    expect(await t.prisma.quizAttempt.count({ where: { enrolmentId: other.enrolmentId } })).toBe(0);
  });

  it('course archived while the attempt waited on the device: COURSE_ARCHIVED, kept, no attempt added, and kept on a replay', async () => {
    const { c, enrolmentId } = await atQuiz({});
    const waiting = attempt(c, enrolmentId, true, minutesAgo(4));
    await t.prisma.course.update({ where: { id: c.course.id }, data: { status: 'ARCHIVED' } });
    const [result] = await sync(volunteerA, [waiting]);
    expect(result).toMatchObject({ outcome: 'KEPT', reason: 'COURSE_ARCHIVED', quizResult: null, courseCompleted: false });
    expect(result!.details).toMatchObject({ versionNumber: expect.any(Number) });
    expect(await t.prisma.quizAttempt.count({ where: { enrolmentId } })).toBe(0);
    const [replayed] = await sync(volunteerA, [waiting]);
    expect(replayed).toMatchObject({ outcome: 'DUPLICATE', firstOutcome: 'KEPT', reason: 'COURSE_ARCHIVED' });
    // The learner's copy of it on the server (their sync history) says the same after the course comes back.
    await t.prisma.course.update({ where: { id: c.course.id }, data: { status: 'PUBLISHED' } });
    const [afterUnarchive] = await sync(volunteerA, [waiting]);
    expect(afterUnarchive).toMatchObject({ outcome: 'DUPLICATE', firstOutcome: 'KEPT', reason: 'COURSE_ARCHIVED' });
  });

  it('refuses questions that are not a draw of this quiz, and another learner’s enrolment, one event at a time', async () => {
    const { c, enrolmentId } = await atQuiz({});
    const forged = { ...attempt(c, enrolmentId, true), questionIds: [c.questions[0]!.id] } as SyncEvent;
    const foreign = completed(enrolmentId, c.lessons[0]!.id);
    const [bad] = await sync(volunteerA, [forged]);
    const [notMine] = await sync(volunteerB, [foreign]);
    expect(bad).toMatchObject({ outcome: 'KEPT', reason: 'VALIDATION_FAILED' });
    expect(notMine).toMatchObject({ outcome: 'KEPT', reason: 'NOT_FOUND' });
    expect(await t.prisma.quizAttempt.count({ where: { enrolmentId } })).toBe(0);
    // Event ids are per account: the same id from another learner is not a replay of theirs.
    const [mine] = await sync(volunteerA, [foreign]);
    expect(mine!.outcome).toBe('APPLIED');
  });

  it('rejects a malformed queue as a whole (400) before applying anything', async () => {
    const answer = await volunteerA.post('/api/learning/sync', { events: [{ eventId: 'not-a-uuid', type: 'lessonCompleted' }] });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
  });
});
