import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { OfflinePackage, SyncEvent, SyncEventResult } from '@tadamon/shared';
import { forgetOfflineAccount, offlineCacheName, rememberSession } from '../../../lib/offline-account';
import type { Session } from '../../../lib/session';
import { markLessonDone, saveAnswer, startOfflineAttempt, submitOfflineAttempt } from './learn-offline';
import { openOfflineDb, queued, type SavedCourse } from './offline-db';
import { DeviceFullError, keepLocalProgress, saveCourse } from './save-course';
import { replayQueue } from './sync-queue';

let users = 0;
const newUser = () => `00000000-0000-4000-8000-${String(++users).padStart(12, '0')}`;
const id = (n: number) => `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const pkg: OfflinePackage = {
  courseId: id(1),
  enrolmentId: id(2),
  versionId: id(3),
  versionNumber: 1,
  newerVersionPublished: false,
  title: 'First aid',
  enrolmentStatus: 'ACTIVE',
  contentHash: 'abc',
  omittedContent: [],
  lessons: [
    { id: id(10), contentHash: 'c10', moduleTitle: 'M', title: 'Read', language: 'en', bodyHtml: '<p>x</p>', estimatedMinutes: 5, status: 'NOT_STARTED', positionSeconds: 0, materialId: null, quiz: null, practical: null },
    { id: id(11), contentHash: 'c11', moduleTitle: 'M', title: 'Read more', language: 'en', bodyHtml: '<p>y</p>', estimatedMinutes: 5, status: 'NOT_STARTED', positionSeconds: 0, materialId: null, quiz: null, practical: null },
    {
      id: id(12), contentHash: 'c12', moduleTitle: 'M', title: 'Quiz', language: 'en', bodyHtml: '', estimatedMinutes: 5, status: 'NOT_STARTED', positionSeconds: 0, materialId: null, practical: null,
      quiz: {
        passPercent: 50, questionCount: 1, attemptLimit: 2, attemptsUsed: 0, retryWaitMinutes: 0, nextAttemptAt: null, passed: false,
        pool: [
          { id: id(20), type: 'TRUE_FALSE', prompt: 'Q1', options: [{ id: 'true', text: 'True' }, { id: 'false', text: 'False' }], points: 1 },
          { id: id(21), type: 'TRUE_FALSE', prompt: 'Q2', options: [{ id: 'true', text: 'True' }, { id: 'false', text: 'False' }], points: 1 },
        ],
      },
    },
  ],
};

async function savedCourse(userId: string): Promise<SavedCourse> {
  const saved: SavedCourse = { courseId: pkg.courseId, package: pkg, etag: '"abc"', savedAt: new Date().toISOString(), state: 'complete', media: 'none', sizeBytes: 1000, files: {} };
  await (await openOfflineDb(userId)).put('courses', saved);
  return saved;
}

/** A stand-in server that answers each event with the outcome the test picks, and records what it was sent. */
function server(outcomeOf: (event: SyncEvent) => Partial<SyncEventResult> = () => ({})) {
  const sent: SyncEvent[][] = [];
  const send = async (events: SyncEvent[]) => {
    sent.push(events);
    return {
      results: events.map((event) => ({
        eventId: event.eventId, outcome: 'APPLIED' as const, firstOutcome: 'APPLIED' as const, reason: null, details: null, quizResult: null, courseCompleted: false,
        ...outcomeOf(event),
      })),
    };
  };
  return { sent, send };
}
const noRefresh = async () => null;

afterEach(() => {
  delete (globalThis as { caches?: unknown }).caches;
});

describe('the offline queue', () => {
  it('sends events in the order they happened, empties what was applied and keeps what was not, with the reason', async () => {
    const userId = newUser();
    const saved = await savedCourse(userId);
    await markLessonDone(userId, saved, id(10));
    await markLessonDone(userId, saved, id(11));
    const attempt = await startOfflineAttempt(userId, saved, pkg.lessons[2]!);
    await saveAnswer(userId, attempt.eventId, attempt.questionIds[0]!, { optionIds: ['true'] });
    await submitOfflineAttempt(userId, (await (await openOfflineDb(userId)).get('attempts', attempt.eventId))!);

    const { sent, send } = server((event) =>
      event.type === 'quizAttemptSubmitted' ? { outcome: 'KEPT', firstOutcome: 'KEPT', reason: 'QUIZ_ATTEMPTS_EXHAUSTED', details: { attemptLimit: 2 } } : {},
    );
    const summary = await replayQueue(userId, send, noRefresh);

    expect(sent).toHaveLength(1);
    expect(sent[0]!.map((e) => [e.type, e.lessonId])).toEqual([
      ['lessonCompleted', id(10)],
      ['lessonCompleted', id(11)],
      ['quizAttemptSubmitted', id(12)],
    ]);
    // The answer given on the device travels with the attempt.
    expect((sent[0]![2] as Extract<SyncEvent, { type: 'quizAttemptSubmitted' }>).answers).toEqual([{ questionId: attempt.questionIds[0], optionIds: ['true'] }]);
    expect(summary).toMatchObject({ applied: 2, kept: 1 });
    const left = await queued(userId);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ status: 'kept', reason: 'QUIZ_ATTEMPTS_EXHAUSTED' });
    expect((await (await openOfflineDb(userId)).get('attempts', attempt.eventId))?.state).toBe('kept');
    expect(await (await openOfflineDb(userId)).get('meta', 'lastSyncAt')).toBeTypeOf('string');
  });

  it('sends each event once: a second run sends nothing, and an answer "applied before" (replay) also clears it', async () => {
    const userId = newUser();
    const saved = await savedCourse(userId);
    await markLessonDone(userId, saved, id(10));
    const { sent, send } = server(() => ({ outcome: 'DUPLICATE', firstOutcome: 'APPLIED' }));
    await replayQueue(userId, send, noRefresh);
    await replayQueue(userId, send, noRefresh);
    expect(sent.flat()).toHaveLength(1);
    expect(await queued(userId)).toEqual([]);
  });

  it('keeps everything waiting, in order, when the line drops during a sync', async () => {
    const userId = newUser();
    const saved = await savedCourse(userId);
    await markLessonDone(userId, saved, id(10));
    await markLessonDone(userId, saved, id(11));
    const dropped = async () => {
      throw new Error('offline');
    };
    await expect(replayQueue(userId, dropped, noRefresh)).rejects.toThrow('offline');
    const left = await queued(userId);
    expect(left.map((item) => [item.status, item.event.lessonId])).toEqual([
      ['waiting', id(10)],
      ['waiting', id(11)],
    ]);
    // The local copy already shows the lesson done, as the learner expects with no connection.
    expect((await (await openOfflineDb(userId)).get('courses', pkg.courseId))?.package.lessons[0]?.status).toBe('COMPLETED');
  });

  it('signing out deletes the account’s saved courses and queue; another account on the phone keeps its own', async () => {
    const leaving = newUser();
    const other = newUser();
    await savedCourse(leaving);
    await savedCourse(other);
    rememberSession({ user: { id: leaving } } as unknown as Session);
    await forgetOfflineAccount();
    expect(await (await openOfflineDb(leaving)).getAll('courses')).toEqual([]);
    expect(await (await openOfflineDb(other)).getAll('courses')).toHaveLength(1);
    expect(localStorage.getItem('tadamon.offline-session')).toBeNull();
  });

  it('reports a full device as DeviceFullError, the course staying marked as partly saved', async () => {
    const userId = newUser();
    const full = { match: async () => undefined, put: async () => { throw new DOMException('full', 'QuotaExceededError'); } };
    (globalThis as { caches?: unknown }).caches = { open: async (name: string) => (name === offlineCacheName(userId) ? full : null) };
    globalThis.fetch = (async () => new Response('video bytes')) as typeof fetch;
    const plan = { package: pkg, etag: '"abc"', files: [{ lessonId: id(10), url: '/api/material-files/x/renditions/data-saver', sizeBytes: 5_000_000 }], sizeBytes: 5_001_000 };
    await expect(saveCourse(userId, plan, 'video')).rejects.toBeInstanceOf(DeviceFullError);
    expect((await (await openOfflineDb(userId)).get('courses', pkg.courseId))?.state).toBe('partial');
  });

  it('an update keeps a lesson done on this device that the server does not know yet', () => {
    const local = { ...pkg, lessons: pkg.lessons.map((l) => (l.id === id(10) ? { ...l, status: 'COMPLETED' as const } : l)) };
    const fresh = { ...pkg, contentHash: 'new', lessons: pkg.lessons.map((l) => (l.id === id(11) ? { ...l, status: 'COMPLETED' as const } : l)) };
    const merged = keepLocalProgress(fresh, local);
    expect(merged.lessons.map((l) => l.status)).toEqual(['COMPLETED', 'COMPLETED', 'NOT_STARTED']);
    expect(merged.contentHash).toBe('new');
  });
});
