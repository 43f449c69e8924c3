import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OfflinePackage, SyncEvent } from '@tadamon/shared';
import { setCsrfToken } from '../../../lib/api-client';
import { LEARNING_SYNC_TAG, replayFromWorker, requestBackgroundSync } from './background-sync';
import { markLessonDone } from './learn-offline';
import { openOfflineDb, queued, type SavedCourse } from './offline-db';

let users = 0;
const newUser = () => `00000000-0000-4000-9000-${String(++users).padStart(12, '0')}`;
const id = (n: number) => `20000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const lesson = (n: number) => ({ id: id(n), contentHash: `c${n}`, moduleTitle: 'M', title: `L${n}`, language: 'en', bodyHtml: '<p>x</p>', estimatedMinutes: 5, status: 'NOT_STARTED' as const, positionSeconds: 0, materialId: null, quiz: null, practical: null });
const pkg: OfflinePackage = {
  courseId: id(1), enrolmentId: id(2), versionId: id(3), versionNumber: 1, newerVersionPublished: false,
  title: 'Water safety', enrolmentStatus: 'ACTIVE', contentHash: 'h1', omittedContent: [], lessons: [lesson(10), lesson(11)],
};

async function queueTwoLessons(userId: string) {
  const saved: SavedCourse = { courseId: pkg.courseId, package: pkg, etag: '"h1"', savedAt: new Date().toISOString(), state: 'complete', media: 'none', sizeBytes: 10, files: {} };
  await (await openOfflineDb(userId)).put('courses', saved);
  await markLessonDone(userId, saved, id(10));
  await markLessonDone(userId, saved, id(11));
}

/**
 * The server as the service worker meets it: the cookie says whose session it is (or none),
 * the sync answers every event as applied. Records what the worker sent and with which headers.
 */
function server(sessionUserId: string | null) {
  const sent: { events: SyncEvent[]; csrf: string | null; credentials: RequestCredentials | undefined }[] = [];
  globalThis.fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const headers = new Headers(init?.headers);
    if (url === '/api/auth/session') {
      if (!sessionUserId) return new Response(JSON.stringify({ code: 'UNAUTHENTICATED', message: 'no' }), { status: 401 });
      return Response.json({ user: { id: sessionUserId }, csrfToken: 'token-from-session' });
    }
    if (url === '/api/learning/sync' && init?.method === 'POST') {
      const { events } = JSON.parse(String(init.body)) as { events: SyncEvent[] };
      sent.push({ events, csrf: headers.get('x-csrf-token'), credentials: init.credentials });
      return Response.json({
        results: events.map((e) => ({ eventId: e.eventId, outcome: 'APPLIED', firstOutcome: 'APPLIED', reason: null, details: null, quizResult: null, courseCompleted: false })),
      });
    }
    if (url.includes('/offline-package')) return new Response(null, { status: 304 });
    return new Response('not here', { status: 404 });
  }) as typeof fetch;
  return sent;
}

afterEach(() => {
  setCsrfToken(null);
  vi.restoreAllMocks();
});

describe('the service worker’s background sync', () => {
  it('replays the queue of the account whose session the cookie carries, in order, with the session’s CSRF token', async () => {
    const userId = newUser();
    await queueTwoLessons(userId);
    const sent = server(userId);

    const outcome = await replayFromWorker();

    expect(outcome).toMatchObject({ sent: true, userId, summary: { applied: 2, kept: 0 } });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.events.map((e) => [e.type, e.lessonId])).toEqual([['lessonCompleted', id(10)], ['lessonCompleted', id(11)]]);
    expect(sent[0]!.csrf).toBe('token-from-session');
    expect(sent[0]!.credentials).toBe('include');
    expect(await queued(userId)).toEqual([]);
    // A second sync event (the browser may fire it again) sends nothing more.
    await replayFromWorker();
    expect(sent).toHaveLength(1);
  });

  it('sends nothing when signed out, and never another account’s queue under this cookie', async () => {
    const waitingUser = newUser();
    await queueTwoLessons(waitingUser);

    const signedOut = server(null);
    expect(await replayFromWorker()).toEqual({ sent: false, why: 'signed-out' });
    expect(signedOut).toEqual([]);

    const someoneElse = newUser();
    const other = server(someoneElse);
    expect(await replayFromWorker()).toEqual({ sent: false, why: 'nothing-saved' });
    expect(other).toEqual([]);
    expect(await queued(waitingUser)).toHaveLength(2);
    // The worker did not create an empty database for the other account.
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(`tadamon-offline-${someoneElse}`);
  });

  it('rejects when the line is still down, so the browser fires the sync again later; nothing is lost', async () => {
    const userId = newUser();
    await queueTwoLessons(userId);
    globalThis.fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    await expect(replayFromWorker()).rejects.toMatchObject({ code: 'NETWORK' });
    expect((await queued(userId)).map((item) => item.status)).toEqual(['waiting', 'waiting']);
  });
});

describe('asking for a background sync from the page', () => {
  const withWorker = (registration: unknown) =>
    Object.defineProperty(navigator, 'serviceWorker', { configurable: true, value: { getRegistration: async () => registration } });
  afterEach(() => {
    delete (navigator as { serviceWorker?: unknown }).serviceWorker;
  });

  it(`registers the '${LEARNING_SYNC_TAG}' tag where the browser has Background Sync`, async () => {
    const register = vi.fn(async () => undefined);
    withWorker({ sync: { register } });
    expect(await requestBackgroundSync()).toBe(true);
    expect(register).toHaveBeenCalledWith('learning-sync');
  });

  it('says no where there is no Background Sync (the page replays on reconnect and at start instead)', async () => {
    withWorker({});
    expect(await requestBackgroundSync()).toBe(false);
    withWorker(undefined);
    expect(await requestBackgroundSync()).toBe(false);
  });
});
