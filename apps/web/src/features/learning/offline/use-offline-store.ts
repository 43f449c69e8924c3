import { useCallback, useEffect, useState } from 'react';
import { useSignedInSession } from '../../../lib/session';
import { onOfflineChange, openOfflineDb, type OfflineAttempt, type QueuedEvent, type SavedCourse } from './offline-db';

/** The signed-in account's id: every offline read and write is scoped by it. */
export function useOfflineUserId(): string {
  return useSignedInSession().user.id;
}

/** Reads from the account's offline store, again after every change. */
function useOfflineRead<T>(read: (userId: string) => Promise<T>, key: string): { data: T | undefined; loading: boolean } {
  const userId = useOfflineUserId();
  const [data, setData] = useState<T | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  // `key` names the read: callers pass a new `read` function on every render.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const load = useCallback(() => read(userId), [userId, key]);
  useEffect(() => {
    let live = true;
    const refresh = () =>
      void load()
        .then((value) => live && setData(value))
        .catch(() => undefined)
        .finally(() => live && setLoading(false));
    refresh();
    const stop = onOfflineChange(refresh);
    return () => {
      live = false;
      stop();
    };
  }, [load]);
  return { data, loading };
}

export const useSavedCourses = () =>
  useOfflineRead(async (userId) => (await openOfflineDb(userId)).getAll('courses'), 'courses');

export const useSavedCourse = (courseId: string) =>
  useOfflineRead<SavedCourse | undefined>(async (userId) => (await openOfflineDb(userId)).get('courses', courseId), `course:${courseId}`);

export const useQueue = () => useOfflineRead<QueuedEvent[]>(async (userId) => (await openOfflineDb(userId)).getAll('queue'), 'queue');

export const useCourseAttempts = (courseId: string) =>
  useOfflineRead<OfflineAttempt[]>(
    async (userId) => (await (await openOfflineDb(userId)).getAll('attempts')).filter((a) => a.courseId === courseId),
    `attempts:${courseId}`,
  );

export const useMeta = <T,>(key: string) =>
  useOfflineRead<T | undefined>(async (userId) => (await (await openOfflineDb(userId)).get('meta', key)) as T | undefined, `meta:${key}`);
