import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlinePackageSchema } from '@tadamon/shared';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createWorld } from './support/factories.js';
import { createPublishedCourse } from './support/course-factories.js';
import { completeLesson, enrol, signedIn } from './support/learning-fixtures.js';
import type { TestClient } from './support/test-client.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let volunteerA: TestClient;
let volunteerB: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  world = await createWorld(t.prisma);
  volunteerA = await signedIn(t, world.volunteerA.email);
  volunteerB = await signedIn(t, world.volunteerB.email);
});
afterAll(async () => t?.close());

const packageUrl = (courseId: string) => `/api/learning/courses/${courseId}/offline-package`;

const courseWithQuiz = () =>
  createPublishedCourse(t.prisma, {
    networkId: world.network.id,
    modules: [
      [{ title: 'Read first', body: 'Press **hard** on the wound.' }, { title: 'Hands on', body: 'Show it', practical: true }],
      [{ title: 'Check', quiz: { questionCount: 2, passPercent: 50, attemptLimit: 2 } }],
    ],
    questions: [
      { type: 'SINGLE_CHOICE', prompt: 'Emergency number?', options: [{ id: 'a', text: '15', correct: true, feedback: 'SECRET-FEEDBACK' }, { id: 'b', text: '911' }] },
      { type: 'ORDERING', prompt: 'Order the steps', options: [{ id: 's1', text: 'Danger' }, { id: 's2', text: 'Response' }, { id: 's3', text: 'Airway' }, { id: 's4', text: 'Breathing' }] },
      { type: 'SHORT_TEXT', prompt: 'Position?', accepted: ['SECRET-ACCEPTED'] },
    ],
  });

describe('saving a course for offline use', () => {
  it('holds the enrolled version’s lessons and the whole quiz pool, but no answer, feedback or grading data', async () => {
    const c = await courseWithQuiz();
    await t.prisma.quizQuestion.updateMany({ where: { versionId: c.version.id }, data: { explanations: { en: 'SECRET-EXPLANATION' } } });
    const enrolmentId = await enrol(volunteerA, c.course.id);
    const answer = await volunteerA.get(packageUrl(c.course.id));
    expect(answer.status).toBe(200);
    const saved = offlinePackageSchema.parse(answer.body);
    expect(saved.enrolmentId).toBe(enrolmentId);
    expect(saved.versionId).toBe(c.version.id);
    expect(saved.lessons.map((l) => l.title)).toEqual(['Read first', 'Hands on', 'Check']);
    expect(saved.lessons[0]!.bodyHtml).toContain('<strong>hard</strong>');
    expect(saved.lessons[1]!.practical?.instructionsHtml).toBeDefined();
    const quiz = saved.lessons[2]!.quiz!;
    expect(quiz).toMatchObject({ questionCount: 2, passPercent: 50, attemptLimit: 2, attemptsUsed: 0, passed: false });
    expect(quiz.pool).toHaveLength(3);

    const raw = JSON.stringify(answer.body);
    for (const secret of ['correct', 'feedback', 'accepted', 'SECRET-ACCEPTED', 'SECRET-FEEDBACK', 'SECRET-EXPLANATION', 'explanation']) {
      expect(raw).not.toContain(secret);
    }
    // The stored order of an ordering question is its answer: it never goes out in that order.
    const ordering = quiz.pool.find((q) => q.type === 'ORDERING')!;
    expect(ordering.options.map((o) => o.id)).not.toEqual(['s1', 's2', 's3', 's4']);
    expect(ordering.options.map((o) => o.id).sort()).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('answers 304 to an unchanged course (ETag), and a new body once progress moved', async () => {
    const c = await courseWithQuiz();
    const enrolmentId = await enrol(volunteerA, c.course.id);
    const first = await volunteerA.get(packageUrl(c.course.id));
    const etag = first.headers.etag as string;
    expect(etag).toBe(`"${first.body.contentHash}"`);
    expect(first.headers['cache-control']).toBe('private, no-cache');

    const again = await volunteerA.get(packageUrl(c.course.id)).set('if-none-match', etag);
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');

    await completeLesson(volunteerA, enrolmentId, c.lessons[0]!.id);
    const moved = await volunteerA.get(packageUrl(c.course.id)).set('if-none-match', etag);
    expect(moved.status).toBe(200);
    expect(moved.headers.etag).not.toBe(etag);
    expect(moved.body.lessons[0].status).toBe('COMPLETED');
  });

  it('updates by difference: lessons the device already holds come without their content, changed ones whole, under the same ETag', async () => {
    const c = await courseWithQuiz();
    const enrolmentId = await enrol(volunteerA, c.course.id);
    const first = await volunteerA.get(packageUrl(c.course.id));
    const full = offlinePackageSchema.parse(first.body);
    expect(full.omittedContent).toEqual([]);
    const [read, practical, quiz] = full.lessons as [(typeof full.lessons)[0], (typeof full.lessons)[0], (typeof full.lessons)[0]];

    // Done on another device meanwhile: the package changed (new ETag), the lessons' content did not.
    await completeLesson(volunteerA, enrolmentId, read.id);
    // The device holds the reading and the quiz as they are now, and an older copy of the practical lesson.
    const known = [read.contentHash, quiz.contentHash, 'an-older-copy-of-the-practical-0'].join(',');
    const answer = await volunteerA.get(`${packageUrl(c.course.id)}?known=${known}`).set('if-none-match', first.headers.etag as string);
    expect(answer.status).toBe(200);
    const delta = offlinePackageSchema.parse(answer.body);
    expect(delta.omittedContent).toEqual([read.id, quiz.id]);
    expect(delta.lessons[0]).toMatchObject({ id: read.id, status: 'COMPLETED', bodyHtml: '', contentHash: read.contentHash });
    expect(delta.lessons[2]!.quiz).toMatchObject({ pool: [], attemptLimit: 2, attemptsUsed: 0 });
    // The lesson the device has an older copy of comes whole.
    expect(delta.lessons[1]).toMatchObject({ id: practical.id, contentHash: practical.contentHash, practical: { instructionsHtml: practical.practical!.instructionsHtml } });
    expect(delta.lessons[1]!.bodyHtml).toBe(practical.bodyHtml);
    // Much less to download than the whole package, which has the same ETag and the same lesson hashes.
    const whole = await volunteerA.get(packageUrl(c.course.id));
    expect(answer.headers.etag).toBe(whole.headers.etag);
    expect(answer.text.length).toBeLessThan(whole.text.length);
    expect(whole.body.lessons.map((l: { contentHash: string }) => l.contentHash)).toEqual(full.lessons.map((l) => l.contentHash));
    expect(whole.body.lessons[0].bodyHtml).toContain('<strong>hard</strong>');
    // Nothing changed since: 304 whatever the device holds.
    expect((await volunteerA.get(`${packageUrl(c.course.id)}?known=${known}`).set('if-none-match', whole.headers.etag as string)).status).toBe(304);
  });

  it('refuses a malformed list of known lessons (400) and unknown parameters', async () => {
    const c = await courseWithQuiz();
    await enrol(volunteerA, c.course.id);
    const bad = await volunteerA.get(`${packageUrl(c.course.id)}?known=${encodeURIComponent('<script>,x')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect((await volunteerA.get(`${packageUrl(c.course.id)}?since=1`)).status).toBe(400);
  });

  it('keeps the learner’s version and says when a newer one is published', async () => {
    const c = await courseWithQuiz();
    await enrol(volunteerA, c.course.id);
    const newer = await t.prisma.courseVersion.create({ data: { courseId: c.course.id, number: 2, state: 'PUBLISHED', titles: { en: 'v2' } } });
    await t.prisma.course.update({ where: { id: c.course.id }, data: { publishedVersionId: newer.id } });
    const answer = await volunteerA.get(packageUrl(c.course.id));
    expect(answer.body.versionId).toBe(c.version.id);
    expect(answer.body.newerVersionPublished).toBe(true);
  });

  it('answers 404 for a course one is not enrolled in, or someone else’s enrolment, and 401 when signed out', async () => {
    const c = await courseWithQuiz();
    await enrol(volunteerA, c.course.id);
    expect((await volunteerB.get(packageUrl(c.course.id))).status).toBe(404);
    const other = await courseWithQuiz();
    expect((await volunteerA.get(packageUrl(other.course.id))).status).toBe(404);
    expect((await t.client().get(packageUrl(c.course.id))).status).toBe(401);
    // Left the course: nothing to save.
    await volunteerA.delete(`/api/learning/courses/${c.course.id}/enrolment`);
    expect((await volunteerA.get(packageUrl(c.course.id))).status).toBe(404);
  });
});
