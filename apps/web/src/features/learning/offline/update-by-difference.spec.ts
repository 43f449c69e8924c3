import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MaterialDetail, OfflineLesson, OfflinePackage } from '@tadamon/shared';
import { offlineCacheName } from '../../../lib/offline-account';
import { openOfflineDb, type SavedCourse } from './offline-db';
import { planSave, saveCourse } from './save-course';
import { filesNoLongerUsed, knownContent, unchangedLessons, withSavedContent } from './update-by-difference';

let users = 0;
const newUser = () => `00000000-0000-4000-a000-${String(++users).padStart(12, '0')}`;
const id = (n: number) => `40000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const lesson = (n: number, over: Partial<OfflineLesson> = {}): OfflineLesson => ({
  id: id(n), contentHash: `hash-${n}`, moduleTitle: 'M', title: `Lesson ${n}`, language: 'en', bodyHtml: `<p>Long text of lesson ${n}</p>`,
  estimatedMinutes: 5, status: 'NOT_STARTED', positionSeconds: 0, materialId: id(100 + n), quiz: null, practical: null, ...over,
});
const quizLesson = lesson(13, {
  materialId: null,
  quiz: { passPercent: 50, questionCount: 1, attemptLimit: 3, attemptsUsed: 0, retryWaitMinutes: 0, nextAttemptAt: null, passed: false, pool: [{ id: id(50), type: 'TRUE_FALSE', prompt: 'Q', options: [{ id: 'true', text: 'True' }, { id: 'false', text: 'False' }], points: 1 }] },
});
const saved: OfflinePackage = {
  courseId: id(1), enrolmentId: id(2), versionId: id(3), versionNumber: 1, newerVersionPublished: false, title: 'Shelter basics',
  enrolmentStatus: 'ACTIVE', contentHash: 'pkg-1', omittedContent: [], lessons: [lesson(10), lesson(11), lesson(12), quizLesson],
};
const video = (materialId: string, fileId: string): MaterialDetail =>
  ({
    id: materialId, kind: 'VIDEO',
    translations: [{ currentFile: { id: fileId, status: 'READY', sizeBytes: 9_000_000, derivatives: [{ kind: 'VIDEO_LOW', status: 'READY', sizeBytes: 2_000_000 }] } }],
  }) as unknown as MaterialDetail;

/** The server's answer when the device holds lessons 10 and 13 unchanged, lesson 11's text changed and lesson 12 now shows another material. */
const delta: OfflinePackage = {
  ...saved,
  contentHash: 'pkg-2',
  omittedContent: [id(10), id(13)],
  lessons: [
    lesson(10, { bodyHtml: '', status: 'COMPLETED' }),
    lesson(11, { contentHash: 'hash-11-v2', bodyHtml: '<p>Corrected text</p>' }),
    lesson(12, { contentHash: 'hash-12-v2', materialId: id(212) }),
    { ...quizLesson, quiz: { ...quizLesson.quiz!, pool: [], attemptsUsed: 1 } },
  ],
};

afterEach(() => {
  vi.restoreAllMocks();
  delete (globalThis as { caches?: unknown }).caches;
});

describe('update by difference: what the device keeps', () => {
  it('sends the hashes of the lessons it holds, and fills the lessons left out from its saved copy', () => {
    expect(knownContent(saved)).toEqual(['hash-10', 'hash-11', 'hash-12', 'hash-13']);
    expect(knownContent(undefined)).toEqual([]);
    const merged = withSavedContent(delta, saved)!;
    expect(merged.omittedContent).toEqual([]);
    expect(merged.lessons.map((l) => l.bodyHtml)).toEqual(['<p>Long text of lesson 10</p>', '<p>Corrected text</p>', '<p>Long text of lesson 12</p>', '<p>Long text of lesson 13</p>']);
    // Progress and quiz facts are the server's; the questions are the saved ones.
    expect(merged.lessons[0]!.status).toBe('COMPLETED');
    expect(merged.lessons[3]!.quiz).toMatchObject({ attemptsUsed: 1, pool: quizLesson.quiz!.pool });
  });

  it('asks again in full when a lesson left out is not on the device after all', () => {
    const withoutQuiz = { ...saved, lessons: saved.lessons.slice(0, 3) };
    expect(withSavedContent(delta, withoutQuiz)).toBeNull();
    const olderQuiz = { ...saved, lessons: [...saved.lessons.slice(0, 3), { ...quizLesson, contentHash: 'hash-13-old' }] };
    expect(withSavedContent(delta, olderQuiz)).toBeNull();
  });

  it('knows which lessons are unchanged, and which saved files the new copy no longer uses', () => {
    expect([...unchangedLessons(delta, saved)]).toEqual([id(10), id(13)]);
    const files = { [id(10)]: '/f/10', [id(11)]: '/f/11', [id(12)]: '/f/12' };
    expect(filesNoLongerUsed(files, [{ lessonId: id(10), url: '/f/10', sizeBytes: 1 }, { lessonId: id(11), url: '/f/11', sizeBytes: 1 }, { lessonId: id(12), url: '/f/12-new', sizeBytes: 1 }])).toEqual(['/f/12']);
  });
});

describe('updating a saved course', () => {
  it('downloads only the changed lesson text and the changed material; unchanged files are neither asked about nor fetched again, the old file leaves', async () => {
    const userId = newUser();
    const renditionOf = (fileId: string) => `/api/material-files/${fileId}/renditions/data-saver`;
    const files = { [id(10)]: renditionOf('f10'), [id(11)]: renditionOf('f11'), [id(12)]: renditionOf('f12') };
    const record: SavedCourse = {
      courseId: saved.courseId, package: saved, etag: '"pkg-1"', savedAt: '2026-12-01T10:00:00Z', state: 'complete', media: 'video', sizeBytes: 6_000_000,
      files, fileBytes: { [id(10)]: 2_000_000, [id(11)]: 2_000_000, [id(12)]: 2_000_000 },
    };
    await (await openOfflineDb(userId)).put('courses', record);

    // The account's cache as it is on the phone.
    const stored = new Map(Object.values(files).map((url) => [url, new Response('old bytes')]));
    const cache = { match: async (url: string) => stored.get(url), put: async (url: string, r: Response) => void stored.set(url, r), delete: async (url: string) => stored.delete(url) };
    (globalThis as { caches?: unknown }).caches = { open: async (name: string) => (name === offlineCacheName(userId) ? cache : null) };

    const asked: string[] = [];
    globalThis.fetch = vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input);
      asked.push(url);
      if (url.includes('/offline-package')) {
        const known = new URL(url, 'http://x').searchParams.get('known');
        expect(known?.split(',')).toEqual(['hash-10', 'hash-11', 'hash-12', 'hash-13']);
        return Response.json(delta, { headers: { etag: '"pkg-2"' } });
      }
      if (url.startsWith('/api/materials/')) return Response.json(video(url.split('/').pop()!, url.endsWith(id(212)) ? 'f212' : 'f11'));
      if (url.includes('/renditions/')) return new Response('new bytes');
      return new Response('no', { status: 404 });
    }) as typeof fetch;

    const plan = await planSave(saved.courseId, 'video', record);
    // Lesson 10 unchanged: no material request. Lesson 11 changed text (its material asked about, file already saved). Lesson 12: a new material.
    expect(asked.filter((u) => u.startsWith('/api/materials/'))).toEqual([`/api/materials/${id(111)}`, `/api/materials/${id(212)}`]);
    expect(plan.package.lessons[0]!.bodyHtml).toBe('<p>Long text of lesson 10</p>');
    expect(plan.files.map((f) => f.url)).toEqual([renditionOf('f10'), renditionOf('f11'), renditionOf('f212')]);

    await saveCourse(userId, plan, 'video');
    const downloads = asked.filter((u) => u.includes('/renditions/'));
    expect(downloads).toEqual([renditionOf('f212')]);
    expect([...stored.keys()].sort()).toEqual([renditionOf('f10'), renditionOf('f11'), renditionOf('f212')].sort());
    const after = (await (await openOfflineDb(userId)).get('courses', saved.courseId))!;
    expect(after).toMatchObject({ state: 'complete', etag: '"pkg-2"' });
    expect(after.package.lessons[0]).toMatchObject({ status: 'COMPLETED', bodyHtml: '<p>Long text of lesson 10</p>' });
    expect(after.package.lessons[1]!.bodyHtml).toBe('<p>Corrected text</p>');
  });
});
