import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OfflinePackage, QuizResult, SyncEvent } from '@tadamon/shared';
import { offlineDatabaseName } from '../../../lib/offline-account';

/** A course saved on this device for one account. */
export interface SavedCourse {
  courseId: string;
  package: OfflinePackage;
  /** ETag of the package as saved: an update asks with it and gets 304 when nothing changed. */
  etag: string;
  savedAt: string;
  /** `partial` while files are still being saved (an interrupted save resumes from here). */
  state: 'complete' | 'partial';
  media: 'video' | 'audio' | 'none';
  sizeBytes: number;
  /** URLs of the files kept in the account's cache (lesson id → URL). */
  files: Record<string, string>;
  /** Their sizes (lesson id → bytes), so an update by difference can say the size without asking again. */
  fileBytes?: Record<string, number>;
}

/** One thing done offline, in the order it happened. */
export interface QueuedEvent {
  seq?: number;
  courseId: string;
  event: SyncEvent;
  /** `waiting` to be sent; `kept` when the server could not count it (see reason). */
  status: 'waiting' | 'kept';
  reason?: string;
  details?: Record<string, unknown> | null;
}

/** A quiz attempt taken offline, from draft to result. */
export interface OfflineAttempt {
  eventId: string;
  courseId: string;
  enrolmentId: string;
  lessonId: string;
  startedAt: string;
  questionIds: string[];
  optionOrders: Record<string, string[]>;
  answers: Record<string, { optionIds?: string[]; text?: string }>;
  state: 'draft' | 'submitted' | 'graded' | 'kept';
  submittedAt?: string;
  result?: QuizResult;
  reason?: string;
}

interface OfflineSchema extends DBSchema {
  courses: { key: string; value: SavedCourse };
  queue: { key: number; value: QueuedEvent };
  attempts: { key: string; value: OfflineAttempt; indexes: { byLesson: string } };
  meta: { key: string; value: unknown };
}

export type OfflineDb = IDBPDatabase<OfflineSchema>;

const opened = new Map<string, Promise<OfflineDb>>();

/** The account's own database (its name carries the user id); closed when sign-out deletes it. */
export function openOfflineDb(userId: string): Promise<OfflineDb> {
  let db = opened.get(userId);
  if (!db) {
    db = openDB<OfflineSchema>(offlineDatabaseName(userId), 1, {
      upgrade(database) {
        database.createObjectStore('courses', { keyPath: 'courseId' });
        database.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true });
        database.createObjectStore('attempts', { keyPath: 'eventId' }).createIndex('byLesson', 'lessonId');
        database.createObjectStore('meta');
      },
      blocking() {
        void db?.then((d) => d.close());
        opened.delete(userId);
      },
      terminated() {
        opened.delete(userId);
      },
    });
    opened.set(userId, db);
  }
  return db;
}

/** Screens re-read the store when it changes (in this tab). */
const changes = new EventTarget();
export function notifyOfflineChange(): void {
  changes.dispatchEvent(new Event('change'));
}
export function onOfflineChange(listener: () => void): () => void {
  changes.addEventListener('change', listener);
  return () => changes.removeEventListener('change', listener);
}
/** Something was added to the queue: the sync driver sends it at once when online. */
export function onQueued(listener: () => void): () => void {
  changes.addEventListener('queued', listener);
  return () => changes.removeEventListener('queued', listener);
}

/** Adds one event at the end of the queue (and marks the local copy, so the screen follows at once). */
export async function enqueue(userId: string, courseId: string, event: SyncEvent): Promise<void> {
  const db = await openOfflineDb(userId);
  await db.add('queue', { courseId, event, status: 'waiting' });
  notifyOfflineChange();
  changes.dispatchEvent(new Event('queued'));
}

export async function queued(userId: string): Promise<QueuedEvent[]> {
  const db = await openOfflineDb(userId);
  return db.getAll('queue');
}

export async function getMeta<T>(userId: string, key: string): Promise<T | undefined> {
  const db = await openOfflineDb(userId);
  return (await db.get('meta', key)) as T | undefined;
}

export async function setMeta(userId: string, key: string, value: unknown): Promise<void> {
  const db = await openOfflineDb(userId);
  await db.put('meta', value, key);
  notifyOfflineChange();
}
