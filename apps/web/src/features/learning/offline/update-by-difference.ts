import type { OfflinePackage } from '@tadamon/shared';
import { getOfflinePackage } from '../api/get-offline-package';
import type { PlannedFile } from './save-course';

/**
 * Updating a saved course by difference. Each lesson carries a hash of its content (text,
 * material, quiz questions, practical instructions); the device sends the hashes it holds and
 * the server leaves those lessons' content out. Unchanged lessons keep their text and their
 * saved files, so an update downloads progress and what really changed — not the course again.
 */

/** The content hashes this device really holds (a copy saved before lessons had hashes holds none). */
export function knownContent(saved: OfflinePackage | undefined): string[] {
  if (!saved) return [];
  const omitted = new Set(saved.omittedContent ?? []);
  return saved.lessons.filter((lesson) => lesson.contentHash && !omitted.has(lesson.id)).map((lesson) => lesson.contentHash);
}

/**
 * The fresh package with the content the server left out taken from the saved copy. Null
 * when a left-out lesson is not on the device after all: then the package is asked in full.
 */
export function withSavedContent(fresh: OfflinePackage, saved: OfflinePackage | undefined): OfflinePackage | null {
  const omitted = new Set(fresh.omittedContent ?? []);
  if (omitted.size === 0) return fresh;
  const held = new Map((saved?.lessons ?? []).map((lesson) => [lesson.id, lesson]));
  const lessons: OfflinePackage['lessons'] = [];
  for (const lesson of fresh.lessons) {
    if (!omitted.has(lesson.id)) {
      lessons.push(lesson);
      continue;
    }
    const mine = held.get(lesson.id);
    if (!mine || mine.contentHash !== lesson.contentHash) return null;
    lessons.push({
      ...lesson,
      bodyHtml: mine.bodyHtml,
      quiz: lesson.quiz && { ...lesson.quiz, pool: mine.quiz?.pool ?? [] },
      practical: lesson.practical && { ...lesson.practical, instructionsHtml: mine.practical?.instructionsHtml ?? '' },
    });
  }
  return { ...fresh, lessons, omittedContent: [] };
}

/** Lessons whose content is the same in the saved copy and the fresh one: their files stay as saved. */
export function unchangedLessons(fresh: OfflinePackage, saved: OfflinePackage | undefined): Set<string> {
  const before = new Map((saved?.lessons ?? []).map((lesson) => [lesson.id, lesson.contentHash]));
  return new Set(fresh.lessons.filter((lesson) => lesson.contentHash && before.get(lesson.id) === lesson.contentHash).map((lesson) => lesson.id));
}

/** Saved files the new copy no longer uses (a lesson's material changed, or the media choice did). */
export function filesNoLongerUsed(savedFiles: Record<string, string>, planned: readonly PlannedFile[]): string[] {
  const kept = new Set(planned.map((file) => file.url));
  return [...new Set(Object.values(savedFiles))].filter((url) => !kept.has(url));
}

/**
 * The course's package for saving or updating, by difference when a copy is saved. With the
 * saved ETag an unchanged course answers 304: null.
 */
export async function freshPackage(
  courseId: string,
  saved?: { package: OfflinePackage; etag?: string },
  fetchPackage: typeof getOfflinePackage = getOfflinePackage,
): Promise<{ body: OfflinePackage; etag: string } | null> {
  const answer = await fetchPackage(courseId, saved?.etag, knownContent(saved?.package));
  if (!answer) return null;
  const merged = withSavedContent(answer.body, saved?.package);
  if (merged) return { body: merged, etag: answer.etag };
  return fetchPackage(courseId);
}
