import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lessonViewSchema, quizAttemptViewSchema, quizResultSchema } from '@tadamon/shared';
import { LearningClock } from '../src/modules/learning/learning-clock.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createWorld } from './support/factories.js';
import { createPublishedCourse, type QuestionSpec } from './support/course-factories.js';
import { enrol, lessonUrl, signedIn, takeQuiz } from './support/learning-fixtures.js';
import type { TestClient } from './support/test-client.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let clock: LearningClock;
const realNow = LearningClock.prototype.now;
let volunteerA: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  clock = t.app.get(LearningClock);
  volunteerA = await signedIn(t, world.volunteerA.email);
});
afterEach(() => {
  clock.now = realNow;
});
afterAll(async () => t?.close());

/** One question of each type; the right answers are recognisable by their text. */
const allTypes: QuestionSpec[] = [
  { type: 'SINGLE_CHOICE', prompt: 'Emergency number in Morocco?', options: [{ id: 'a', text: '15', correct: true, feedback: 'Yes: SAMU.' }, { id: 'b', text: '911', feedback: 'That is North America.' }] },
  { type: 'MULTIPLE_CHOICE', prompt: 'Signs of shock?', options: [{ id: 'a', text: 'Pale skin', correct: true }, { id: 'b', text: 'Fast pulse', correct: true }, { id: 'c', text: 'Hunger' }] },
  { type: 'TRUE_FALSE', prompt: 'Move a spinal injury victim?', options: [{ id: 'true', text: 'True' }, { id: 'false', text: 'False', correct: true, feedback: 'Never move them.' }] },
  { type: 'ORDERING', prompt: 'Order the steps', options: [{ id: 's1', text: 'Danger' }, { id: 's2', text: 'Response' }, { id: 's3', text: 'Airway' }, { id: 's4', text: 'Breathing' }] },
  { type: 'SHORT_TEXT', prompt: 'Position for an unconscious breathing person?', accepted: ['Recovery position'] },
];

type Question = { id: string; type: string; prompt: string; options: { id: string; text: string }[] };
const correctAnswer = (q: Question) => {
  switch (q.type) {
    case 'SINGLE_CHOICE': return { optionIds: ['a'] };
    case 'MULTIPLE_CHOICE': return { optionIds: ['b', 'a'] };
    case 'TRUE_FALSE': return { optionIds: ['false'] };
    case 'ORDERING': return { optionIds: ['s1', 's2', 's3', 's4'] };
    default: return { text: '  RECOVERY position. ' };
  }
};
const wrongAnswer = (q: Question) => {
  switch (q.type) {
    case 'SINGLE_CHOICE': return { optionIds: ['b'] };
    case 'MULTIPLE_CHOICE': return { optionIds: ['a'] }; // half right is wrong: all or nothing
    case 'TRUE_FALSE': return { optionIds: ['true'] };
    case 'ORDERING': return { optionIds: ['s2', 's1', 's3', 's4'] };
    default: return { text: 'lie them down' };
  }
};

const quizCourse = (quiz: NonNullable<Parameters<typeof createPublishedCourse>[1]['modules']>[number][number]['quiz'], questions = allTypes) =>
  createPublishedCourse(t.prisma, { networkId: world.network.id, modules: [[{ quiz }]], questions });

describe('starting an attempt', () => {
  it('draws the configured number of questions and never sends correctness, feedback or accepted answers', async () => {
    const c = await quizCourse({ questionCount: 3 });
    await t.prisma.quizQuestion.updateMany({ where: { versionId: c.version.id }, data: { explanations: { en: 'SECRET-EXPLANATION' } } });
    const enrolmentId = await enrol(volunteerA, c.course.id);
    const answer = await volunteerA.post(`${lessonUrl(enrolmentId, c.lessons[0]!.id)}/attempts`);
    expect(answer.status).toBe(201);
    const attempt = quizAttemptViewSchema.parse(answer.body);
    expect(attempt.questions).toHaveLength(3);
    const raw = JSON.stringify(answer.body);
    for (const secret of ['correct', 'feedback', 'accepted', 'Recovery position', 'SAMU', 'SECRET-EXPLANATION', 'explanation']) {
      expect(raw).not.toContain(secret);
    }
    const stored = await t.prisma.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
    expect(stored.questionIds).toEqual(attempt.questions.map((q) => q.id));
    // The option order shown is the one stored for grading and review.
    for (const q of attempt.questions) expect((stored.optionOrders as Record<string, string[]>)[q.id]).toEqual(q.options.map((o) => o.id));

    // A second click resumes the same attempt instead of using up another.
    const again = await volunteerA.post(`${lessonUrl(enrolmentId, c.lessons[0]!.id)}/attempts`);
    expect(again.body.id).toBe(attempt.id);
    expect(await t.prisma.quizAttempt.count({ where: { enrolmentId } })).toBe(1);
    const reloaded = await volunteerA.get(`/api/learning/enrolments/${enrolmentId}/attempts/${attempt.id}`);
    expect(reloaded.body).toEqual(answer.body);
    expect(JSON.stringify(reloaded.body)).not.toContain('correct');
  });
});

describe('grading every question type', () => {
  it('all correct: 100 %, passed, the lesson completes; the result reveals correct answers and feedback', async () => {
    const c = await quizCourse({});
    const enrolmentId = await enrol(volunteerA, c.course.id);
    const { submitted } = await takeQuiz(volunteerA, enrolmentId, c.lessons[0]!.id, correctAnswer);
    expect(submitted.status).toBe(200);
    const result = quizResultSchema.parse(submitted.body);
    expect(result).toMatchObject({ scorePercent: 100, passed: true, passPercent: 70, courseCompleted: true });
    expect(result.questions.every((q) => q.correct)).toBe(true);
    const single = result.questions.find((q) => q.type === 'SINGLE_CHOICE')!;
    expect(single.options.find((o) => o.id === 'a')).toMatchObject({ correct: true, chosen: true, feedback: 'Yes: SAMU.' });
    expect(single.options.find((o) => o.id === 'b')).toMatchObject({ correct: false, chosen: false, feedback: 'That is North America.' });
    expect(result.questions.find((q) => q.type === 'ORDERING')!.correctOrder).toEqual(['s1', 's2', 's3', 's4']);
    expect(result.questions.find((q) => q.type === 'SHORT_TEXT')!).toMatchObject({ acceptedAnswers: ['Recovery position'], givenText: '  RECOVERY position. ' });
  });

  it('each type wrong in its own way (multiple choice half right, ordering one swap) scores 0 %', async () => {
    const c = await quizCourse({ attemptLimit: null });
    const enrolmentId = await enrol(volunteerA, c.course.id);
    const result = quizResultSchema.parse((await takeQuiz(volunteerA, enrolmentId, c.lessons[0]!.id, wrongAnswer)).submitted.body);
    expect(result).toMatchObject({ scorePercent: 0, passed: false, courseCompleted: false });
    expect(result.questions.map((q) => q.correct)).toEqual([false, false, false, false, false]);
    expect(result.questions.find((q) => q.type === 'TRUE_FALSE')!.options.find((o) => o.id === 'false')!.feedback).toBe('Never move them.');
  });

  it('weights points and compares with the pass mark; a short answer counts in any language, with Arabic folded', async () => {
    const c = await quizCourse({ passPercent: 75 }, [
      { type: 'SHORT_TEXT', prompt: 'Word for first aid?', accepted: ['first aid'], points: 3 },
      { type: 'TRUE_FALSE', options: [{ id: 'true', text: 'True', correct: true }, { id: 'false', text: 'False' }], points: 1 },
    ]);
    await t.prisma.quizQuestion.updateMany({ where: { versionId: c.version.id, type: 'SHORT_TEXT' }, data: { acceptedAnswers: { en: ['first aid'], ar: ['الإسعافات الأولية'] } } });
    const enrolmentId = await enrol(volunteerA, c.course.id);
    const { submitted } = await takeQuiz(volunteerA, enrolmentId, c.lessons[0]!.id, (q) => (q.type === 'SHORT_TEXT' ? { text: 'الاسعافات الأوَّلية' } : { optionIds: ['false'] }));
    expect(submitted.body).toMatchObject({ scorePercent: 75, passed: true });
  });

  it('refuses answers to questions of another attempt or unknown options, without grading', async () => {
    const c = await quizCourse({});
    const enrolmentId = await enrol(volunteerA, c.course.id);
    const started = quizAttemptViewSchema.parse((await volunteerA.post(`${lessonUrl(enrolmentId, c.lessons[0]!.id)}/attempts`)).body);
    const url = `/api/learning/enrolments/${enrolmentId}/attempts/${started.id}/submission`;
    const foreign = await volunteerA.post(url, { answers: [{ questionId: '00000000-0000-4000-8000-000000000000', optionIds: ['a'] }] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.details.fields['answers.0'][0].message).toBe('notInThisAttempt');
    const single = started.questions.find((q) => q.type === 'SINGLE_CHOICE')!;
    expect((await volunteerA.post(url, { answers: [{ questionId: single.id, optionIds: ['zzz'] }] })).status).toBe(400);
    expect((await t.prisma.quizAttempt.findUniqueOrThrow({ where: { id: started.id } })).submittedAt).toBeNull();
  });
});

describe('attempt limits, waiting times and replays', () => {
  it('after the attempt limit, no new attempt: QUIZ_ATTEMPTS_EXHAUSTED', async () => {
    const c = await quizCourse({ attemptLimit: 2 });
    const enrolmentId = await enrol(volunteerA, c.course.id);
    const lesson = c.lessons[0]!.id;
    await takeQuiz(volunteerA, enrolmentId, lesson, wrongAnswer);
    const second = await takeQuiz(volunteerA, enrolmentId, lesson, wrongAnswer);
    expect(second.submitted.body.attemptsLeft).toBe(0);
    const third = await volunteerA.post(`${lessonUrl(enrolmentId, lesson)}/attempts`);
    expect(third.status).toBe(409);
    expect(third.body).toMatchObject({ code: 'QUIZ_ATTEMPTS_EXHAUSTED', details: { attemptLimit: 2 } });
    const view = lessonViewSchema.parse((await volunteerA.get(lessonUrl(enrolmentId, lesson))).body);
    expect(view.quiz).toMatchObject({ attemptsUsed: 2, attemptsLeft: 0, passed: false });
  });

  it('waits between attempts by the configured minutes (QUIZ_RETRY_WAIT with retryAt), then allows the next', async () => {
    const c = await quizCourse({ retryWaitMinutes: 30 });
    const enrolmentId = await enrol(volunteerA, c.course.id);
    const lesson = c.lessons[0]!.id;
    const submittedAt = new Date('2027-05-01T10:00:00Z');
    clock.now = () => submittedAt;
    const first = await takeQuiz(volunteerA, enrolmentId, lesson, wrongAnswer);
    const retryAt = new Date(submittedAt.getTime() + 30 * 60_000).toISOString();
    expect(first.submitted.body.nextAttemptAt).toBe(retryAt);

    clock.now = () => new Date(submittedAt.getTime() + 29 * 60_000);
    const early = await volunteerA.post(`${lessonUrl(enrolmentId, lesson)}/attempts`);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'QUIZ_RETRY_WAIT', details: { retryAt } });
    expect(early.headers['retry-after']).toBe('60');
    expect(lessonViewSchema.parse((await volunteerA.get(lessonUrl(enrolmentId, lesson))).body).quiz!.nextAttemptAt).toBe(retryAt);

    clock.now = () => new Date(submittedAt.getTime() + 30 * 60_000 + 1000);
    const second = await takeQuiz(volunteerA, enrolmentId, lesson, correctAnswer);
    expect(second.started.body.number).toBe(2);
    expect(second.submitted.body.passed).toBe(true);
    expect((await volunteerA.post(`${lessonUrl(enrolmentId, lesson)}/attempts`)).body.code).toBe('QUIZ_ALREADY_PASSED');
  });

  it('a replayed submission answers the stored result: never a second grading or a second attempt', async () => {
    const c = await quizCourse({ attemptLimit: 3 });
    const enrolmentId = await enrol(volunteerA, c.course.id);
    const lesson = c.lessons[0]!.id;
    const started = quizAttemptViewSchema.parse((await volunteerA.post(`${lessonUrl(enrolmentId, lesson)}/attempts`)).body);
    const url = `/api/learning/enrolments/${enrolmentId}/attempts/${started.id}/submission`;
    const wrong = { answers: started.questions.map((q) => ({ questionId: q.id, ...wrongAnswer(q) })) };
    const right = { answers: started.questions.map((q) => ({ questionId: q.id, ...correctAnswer(q) })) };
    // Two copies at once (a retry racing the original), then a replay with better answers.
    const [a, b] = await Promise.all([volunteerA.post(url, wrong), volunteerA.post(url, wrong)]);
    expect(a.body).toEqual(b.body);
    const replay = await volunteerA.post(url, right);
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ scorePercent: 0, passed: false, submittedAt: a.body.submittedAt, attemptsLeft: 2 });
    expect(await t.prisma.quizAttempt.count({ where: { enrolmentId } })).toBe(1);
    expect((await volunteerA.get(`/api/learning/enrolments/${enrolmentId}/attempts/${started.id}/result`)).body.scorePercent).toBe(0);
  });

  it('an archived course takes no attempt online either: COURSE_ARCHIVED on start and on a submission begun before, nothing graded; unarchived, it goes on', async () => {
    const c = await quizCourse({ attemptLimit: 3 });
    const enrolmentId = await enrol(volunteerA, c.course.id);
    const lesson = c.lessons[0]!.id;
    const begun = quizAttemptViewSchema.parse((await volunteerA.post(`${lessonUrl(enrolmentId, lesson)}/attempts`)).body);
    await t.prisma.course.update({ where: { id: c.course.id }, data: { status: 'ARCHIVED' } });

    const right = { answers: begun.questions.map((q) => ({ questionId: q.id, ...correctAnswer(q) })) };
    const submitted = await volunteerA.post(`/api/learning/enrolments/${enrolmentId}/attempts/${begun.id}/submission`, right);
    expect([submitted.status, submitted.body.code]).toEqual([409, 'COURSE_ARCHIVED']);
    expect(submitted.body.details).toMatchObject({ versionNumber: 1 });
    const started = await volunteerA.post(`${lessonUrl(enrolmentId, lesson)}/attempts`);
    expect([started.status, started.body.code]).toEqual([409, 'COURSE_ARCHIVED']);
    const stored = await t.prisma.quizAttempt.findMany({ where: { enrolmentId } });
    expect(stored.map((a) => [a.submittedAt, a.passed])).toEqual([[null, null]]);
    expect(await t.prisma.lessonProgress.count({ where: { enrolmentId, completedAt: { not: null } } })).toBe(0);

    // Unarchived by its authors: the attempt begun before counts after all.
    await t.prisma.course.update({ where: { id: c.course.id }, data: { status: 'PUBLISHED' } });
    const later = await volunteerA.post(`/api/learning/enrolments/${enrolmentId}/attempts/${begun.id}/submission`, right);
    expect([later.status, later.body.passed]).toEqual([200, true]);
  });
});
