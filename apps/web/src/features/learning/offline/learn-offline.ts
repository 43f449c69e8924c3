import type { OfflineLesson, SyncEvent } from '@tadamon/shared';
import { enqueue, notifyOfflineChange, openOfflineDb, type OfflineAttempt, type SavedCourse } from './offline-db';

/**
 * What a learner does in a saved course, on the device: every action updates the local copy
 * at once (so the screen follows with no connection) and adds one event to the queue with an
 * id made here, which the server counts once however often it is sent.
 */

const newId = () => crypto.randomUUID();

async function updateLesson(userId: string, courseId: string, lessonId: string, change: Partial<OfflineLesson>) {
  const db = await openOfflineDb(userId);
  const saved = await db.get('courses', courseId);
  if (!saved) return;
  const lessons = saved.package.lessons.map((l) => (l.id === lessonId ? { ...l, ...change } : l));
  await db.put('courses', { ...saved, package: { ...saved.package, lessons } });
}

export async function markLessonDone(userId: string, saved: SavedCourse, lessonId: string): Promise<void> {
  const event: SyncEvent = {
    eventId: newId(),
    type: 'lessonCompleted',
    occurredAt: new Date().toISOString(),
    enrolmentId: saved.package.enrolmentId,
    lessonId,
  };
  await updateLesson(userId, saved.courseId, lessonId, { status: 'COMPLETED' });
  await enqueue(userId, saved.courseId, event);
}

/** A position in the lesson's media, or 0 for a visit (which is what lets a practical lesson on). */
export async function savePosition(userId: string, saved: SavedCourse, lessonId: string, positionSeconds: number): Promise<void> {
  const event: SyncEvent = {
    eventId: newId(),
    type: 'position',
    occurredAt: new Date().toISOString(),
    enrolmentId: saved.package.enrolmentId,
    lessonId,
    positionSeconds,
  };
  const lesson = saved.package.lessons.find((l) => l.id === lessonId);
  await updateLesson(userId, saved.courseId, lessonId, { positionSeconds, ...(lesson?.status === 'NOT_STARTED' ? { status: 'STARTED' as const } : {}) });
  await enqueue(userId, saved.courseId, event);
}

/** Draws an attempt from the saved pool, as the server would: `questionCount` at random. */
export async function startOfflineAttempt(userId: string, saved: SavedCourse, lesson: OfflineLesson, random = Math.random): Promise<OfflineAttempt> {
  const pool = [...lesson.quiz!.pool];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  const drawn = pool.slice(0, Math.min(lesson.quiz!.questionCount, pool.length));
  const attempt: OfflineAttempt = {
    eventId: newId(),
    courseId: saved.courseId,
    enrolmentId: saved.package.enrolmentId,
    lessonId: lesson.id,
    startedAt: new Date().toISOString(),
    questionIds: drawn.map((q) => q.id),
    optionOrders: Object.fromEntries(drawn.map((q) => [q.id, q.options.map((o) => o.id)])),
    answers: {},
    state: 'draft',
  };
  const db = await openOfflineDb(userId);
  await db.put('attempts', attempt);
  notifyOfflineChange();
  return attempt;
}

/** Every change of an answer is kept on the device at once: a closed tab or a flat battery loses nothing. */
export async function saveAnswer(userId: string, eventId: string, questionId: string, answer: { optionIds?: string[]; text?: string }) {
  // One read-write transaction: quick changes in a row are applied one after the other, none lost.
  const tx = (await openOfflineDb(userId)).transaction('attempts', 'readwrite');
  const attempt = await tx.store.get(eventId);
  if (attempt?.state === 'draft') await tx.store.put({ ...attempt, answers: { ...attempt.answers, [questionId]: answer } });
  await tx.done;
  notifyOfflineChange();
}

/** Submitted on the device: graded by the server when the queue is sent. */
export async function submitOfflineAttempt(userId: string, attempt: OfflineAttempt): Promise<void> {
  const occurredAt = new Date().toISOString();
  const event: SyncEvent = {
    eventId: attempt.eventId,
    type: 'quizAttemptSubmitted',
    occurredAt,
    startedAt: attempt.startedAt,
    enrolmentId: attempt.enrolmentId,
    lessonId: attempt.lessonId,
    questionIds: attempt.questionIds,
    optionOrders: attempt.optionOrders,
    answers: attempt.questionIds.map((questionId) => ({ questionId, ...(attempt.answers[questionId] ?? {}) })),
  };
  const db = await openOfflineDb(userId);
  await db.put('attempts', { ...attempt, state: 'submitted', submittedAt: occurredAt });
  await enqueue(userId, attempt.courseId, event);
}

/** Attempts of a quiz as the device knows them: on the server when saved, plus those taken here. */
export function attemptsUsed(lesson: OfflineLesson, local: OfflineAttempt[]): number {
  return (lesson.quiz?.attemptsUsed ?? 0) + local.filter((a) => a.state === 'submitted').length;
}

/**
 * The server's unlock rule, applied to the local copy: a lesson opens when every earlier one
 * is done (a practical one once visited; a quiz once passed — or submitted here, since its
 * result can only come from the server).
 */
export function openLessons(lessons: OfflineLesson[], attempts: OfflineAttempt[]): Set<string> {
  const open = new Set<string>();
  const submitted = new Set(attempts.filter((a) => a.state === 'submitted' || (a.state === 'graded' && a.result?.passed)).map((a) => a.lessonId));
  for (const lesson of lessons) {
    open.add(lesson.id);
    const through =
      lesson.status === 'COMPLETED' ||
      (lesson.quiz ? lesson.quiz.passed || submitted.has(lesson.id) : false) ||
      (lesson.practical !== null && lesson.status !== 'NOT_STARTED' && (!lesson.quiz || lesson.quiz.passed || submitted.has(lesson.id)));
    if (!through) break;
  }
  return open;
}
