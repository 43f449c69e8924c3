import type { MaterialDetail, OfflinePackage } from '@tadamon/shared';
import { offlineCacheName } from '../../../lib/offline-account';
// The library's own material answer says which light copies of a video exist.
import { getMaterial } from '../../../api/get-material';
import { notifyOfflineChange, openOfflineDb, type SavedCourse } from './offline-db';
import { filesNoLongerUsed, freshPackage, unchangedLessons } from './update-by-difference';

export type MediaChoice = SavedCourse['media'];

export interface PlannedFile {
  lessonId: string;
  url: string;
  sizeBytes: number;
}

export interface SavePlan {
  package: OfflinePackage;
  etag: string;
  files: PlannedFile[];
  /** Text and quizzes plus the chosen files. */
  sizeBytes: number;
}

/** The device is full (or the browser refused the space): said plainly, nothing half-claimed. */
export class DeviceFullError extends Error {
  constructor() {
    super('DEVICE_FULL');
    this.name = 'DeviceFullError';
  }
}

const isQuotaError = (error: unknown) =>
  error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);

const contentUrl = (fileId: string) => `/api/material-files/${fileId}/content`;
const renditionUrl = (fileId: string, rendition: 'data-saver' | 'audio') => `/api/material-files/${fileId}/renditions/${rendition}`;

/**
 * The lighter copy of each lesson's material: the 240p data-saver video (or its audio-only
 * track) when the library made one, else the file itself (documents, audio, images).
 */
export function fileFor(lessonId: string, material: MaterialDetail, media: MediaChoice): PlannedFile | null {
  if (media === 'none') return null;
  const file = material.translations[0]?.currentFile;
  if (!file || file.status !== 'READY') return null;
  const ready = (kind: 'VIDEO_LOW' | 'AUDIO') => file.derivatives.find((d) => d.kind === kind && d.status === 'READY');
  if (material.kind === 'VIDEO') {
    const wanted = media === 'audio' ? ready('AUDIO') : ready('VIDEO_LOW');
    if (wanted) return { lessonId, url: renditionUrl(file.id, media === 'audio' ? 'audio' : 'data-saver'), sizeBytes: wanted.sizeBytes ?? 0 };
  }
  return { lessonId, url: contentUrl(file.id), sizeBytes: file.sizeBytes };
}

/**
 * What saving (or updating) the course will download. With a saved copy it goes by difference:
 * unchanged lessons' text comes from the device, and their files, already saved, are neither
 * asked about nor downloaded again.
 */
export async function planSave(courseId: string, media: MediaChoice, saved?: SavedCourse): Promise<SavePlan> {
  const answer = (await freshPackage(courseId, saved && { package: saved.package }))!;
  const unchanged = saved && saved.media === media && saved.state === 'complete' ? unchangedLessons(answer.body, saved.package) : new Set<string>();
  const files: PlannedFile[] = [];
  for (const lesson of answer.body.lessons) {
    if (!lesson.materialId || media === 'none') continue;
    const kept = saved?.files[lesson.id];
    const keptBytes = saved?.fileBytes?.[lesson.id];
    if (unchanged.has(lesson.id) && kept && keptBytes !== undefined) {
      files.push({ lessonId: lesson.id, url: kept, sizeBytes: keptBytes });
      continue;
    }
    const material = await getMaterial(lesson.materialId).catch(() => null);
    const file = material ? fileFor(lesson.id, material, media) : null;
    if (file) files.push(file);
  }
  const textBytes = new Blob([JSON.stringify(answer.body)]).size;
  return { package: answer.body, etag: answer.etag, files, sizeBytes: textBytes + files.reduce((n, f) => n + f.sizeBytes, 0) };
}

/** Space used and offered to this site (StorageManager), when the browser tells. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  if (!navigator.storage?.estimate) return null;
  const { usage = 0, quota = 0 } = await navigator.storage.estimate();
  return { usage, quota };
}

/** Asks the browser not to evict saved courses under storage pressure (true when granted). */
export async function askPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  return (await navigator.storage.persisted?.()) || navigator.storage.persist();
}

/**
 * Saves the course: the package first (marked partial), then each file into the account's
 * cache, skipping files already there — so a save cut by a dropped line resumes where it
 * stopped — and finally marks it complete. A full device throws DeviceFullError.
 */
export async function saveCourse(userId: string, plan: SavePlan, media: MediaChoice, onProgress?: (done: number, total: number) => void) {
  const db = await openOfflineDb(userId);
  const existing = await db.get('courses', plan.package.courseId);
  const record: SavedCourse = {
    courseId: plan.package.courseId,
    package: keepLocalProgress(plan.package, existing?.package),
    etag: plan.etag,
    savedAt: existing?.savedAt ?? new Date().toISOString(),
    state: 'partial',
    media,
    sizeBytes: plan.sizeBytes,
    files: {},
    fileBytes: {},
  };
  try {
    await db.put('courses', record);
    notifyOfflineChange();
    const cache = await caches.open(offlineCacheName(userId));
    let done = 0;
    for (const file of plan.files) {
      if (!(await cache.match(file.url))) {
        const response = await fetch(file.url, { credentials: 'include' });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        await cache.put(file.url, response);
      }
      record.files[file.lessonId] = file.url;
      record.fileBytes![file.lessonId] = file.sizeBytes;
      onProgress?.(++done, plan.files.length);
    }
    await db.put('courses', { ...record, state: 'complete', savedAt: new Date().toISOString() });
    // Files of the previous copy that this one no longer uses leave the device.
    if (existing) await Promise.all(filesNoLongerUsed(existing.files, plan.files).map((url) => cache.delete(url)));
  } catch (error) {
    if (isQuotaError(error)) throw new DeviceFullError();
    throw error;
  } finally {
    notifyOfflineChange();
  }
}

/**
 * An update never loses progress made on this device and not yet synced: a lesson done here
 * stays done (done anywhere is done), whatever the fresh copy from the server says so far.
 */
export function keepLocalProgress(fresh: OfflinePackage, saved: OfflinePackage | undefined): OfflinePackage {
  if (!saved || saved.versionId !== fresh.versionId) return fresh;
  const local = new Map(saved.lessons.map((l) => [l.id, l]));
  return {
    ...fresh,
    lessons: fresh.lessons.map((lesson) => {
      const mine = local.get(lesson.id);
      if (!mine) return lesson;
      const status = lesson.status === 'COMPLETED' || mine.status === 'COMPLETED' ? 'COMPLETED' : lesson.status === 'NOT_STARTED' ? mine.status : lesson.status;
      return { ...lesson, status };
    }),
  };
}

/** Removes a saved course and its files; what waits in the queue is kept and still syncs. */
export async function removeCourse(userId: string, courseId: string): Promise<void> {
  const db = await openOfflineDb(userId);
  const saved = await db.get('courses', courseId);
  if (saved && typeof caches !== 'undefined') {
    const cache = await caches.open(offlineCacheName(userId));
    await Promise.all(Object.values(saved.files).map((url) => cache.delete(url)));
  }
  await db.delete('courses', courseId);
  notifyOfflineChange();
}

/** A saved file as a local URL for a <video>/<audio>/<img>, read from the account's cache. */
export async function savedFileUrl(userId: string, url: string): Promise<string | null> {
  if (typeof caches === 'undefined') return null;
  const response = await (await caches.open(offlineCacheName(userId))).match(url);
  return response ? URL.createObjectURL(await response.blob()) : null;
}
