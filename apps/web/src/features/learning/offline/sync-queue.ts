import type { SyncEvent, SyncResponse } from '@tadamon/shared';
import { getOfflinePackage } from '../api/get-offline-package';
import { syncEvents } from '../api/sync-events';
import { notifyOfflineChange, openOfflineDb, setMeta } from './offline-db';
import { freshPackage } from './update-by-difference';

/** The server takes up to 200 events at once; smaller batches keep each request short on a slow line. */
const BATCH = 100;

export interface SyncSummary {
  applied: number;
  kept: number;
  completedCourses: string[];
}

type Send = (events: SyncEvent[]) => Promise<SyncResponse>;
type Refresh = typeof getOfflinePackage;

const running = new Map<string, Promise<SyncSummary>>();

/**
 * Sends the waiting events in the order they happened and files each answer: applied (or
 * applied before: a replay) leaves the queue; kept stays, with the reason, for the learner to
 * see. A dropped line stops the run and leaves the rest waiting for the next one. One run at
 * a time per account in this tab.
 */
export function replayQueue(userId: string, send: Send = syncEvents, refresh: Refresh = getOfflinePackage): Promise<SyncSummary> {
  let run = running.get(userId);
  if (!run) {
    run = oneAtATime(userId, () => replay(userId, send, refresh)).finally(() => running.delete(userId));
    running.set(userId, run);
  }
  return run;
}

/**
 * One replay at a time per account across the whole origin — the open tabs and the service
 * worker's Background Sync — through the Web Locks API where the browser has it. Two replays
 * side by side would race on the server: the second would see the first's events as still
 * pending and an attempt after them as out of order. The one that waits then reads the queue
 * afresh and finds only what is left.
 */
async function oneAtATime<T>(userId: string, work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  if (!locks?.request) return work();
  let result!: T;
  await locks.request(`tadamon-learning-sync-${userId}`, async () => {
    result = await work();
  });
  return result;
}

async function replay(userId: string, send: Send, refresh: Refresh): Promise<SyncSummary> {
  const db = await openOfflineDb(userId);
  const summary: SyncSummary = { applied: 0, kept: 0, completedCourses: [] };
  const waiting = (await db.getAll('queue')).filter((item) => item.status === 'waiting');
  for (let start = 0; start < waiting.length; start += BATCH) {
    const batch = waiting.slice(start, start + BATCH);
    const { results } = await send(batch.map((item) => item.event));
    for (const result of results) {
      const item = batch.find((candidate) => candidate.event.eventId === result.eventId);
      if (!item) continue;
      const first = result.outcome === 'DUPLICATE' ? result.firstOutcome : result.outcome;
      if (first === 'PENDING') continue;
      const attempt = item.event.type === 'quizAttemptSubmitted' ? await db.get('attempts', item.event.eventId) : undefined;
      if (first === 'APPLIED') {
        await db.delete('queue', item.seq!);
        summary.applied++;
        if (attempt) await db.put('attempts', { ...attempt, state: 'graded', result: result.quizResult ?? undefined });
        if (result.courseCompleted && !summary.completedCourses.includes(item.courseId)) summary.completedCourses.push(item.courseId);
      } else {
        await db.put('queue', { ...item, status: 'kept', reason: result.reason ?? 'INTERNAL', details: result.details });
        summary.kept++;
        if (attempt) await db.put('attempts', { ...attempt, state: 'kept', reason: result.reason ?? 'INTERNAL' });
      }
    }
    notifyOfflineChange();
  }
  await setMeta(userId, 'lastSyncAt', new Date().toISOString());
  if (summary.completedCourses.length > 0) {
    const earlier = ((await db.get('meta', 'completedCourses')) as string[] | undefined) ?? [];
    await setMeta(userId, 'completedCourses', [...new Set([...earlier, ...summary.completedCourses])]);
  }
  await refreshSavedCourses(userId, refresh);
  return summary;
}

/**
 * After a sync, each saved course asks the server for its package with the saved ETag:
 * unchanged answers 304; changed (progress merged from another device, quiz results) is
 * stored. A course with events still waiting keeps its local copy until they are sent.
 */
async function refreshSavedCourses(userId: string, refresh: Refresh): Promise<void> {
  const db = await openOfflineDb(userId);
  const pending = new Set((await db.getAll('queue')).filter((item) => item.status === 'waiting').map((item) => item.courseId));
  for (const saved of await db.getAll('courses')) {
    if (pending.has(saved.courseId)) continue;
    // By difference: only progress and changed lessons come down.
    const fresh = await freshPackage(saved.courseId, saved, refresh).catch(() => null);
    if (!fresh) continue;
    await db.put('courses', { ...saved, package: fresh.body, etag: fresh.etag });
  }
  notifyOfflineChange();
}

/** Drops a kept event the learner has read (the server keeps its record of it). */
export async function dismissKept(userId: string, seq: number): Promise<void> {
  const db = await openOfflineDb(userId);
  await db.delete('queue', seq);
  notifyOfflineChange();
}
