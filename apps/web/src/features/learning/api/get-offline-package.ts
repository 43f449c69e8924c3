import type { OfflinePackage } from '@tadamon/shared';
import { api, isApiError } from '../../../lib/api-client';

/**
 * GET /learning/courses/:id/offline-package — the course to keep on the device. With the ETag
 * of the saved copy, an unchanged course answers 304: null here, nothing downloaded. `known`:
 * the lesson content hashes the device holds, whose content the server then leaves out.
 */
export async function getOfflinePackage(courseId: string, etag?: string, known: readonly string[] = []): Promise<{ body: OfflinePackage; etag: string } | null> {
  try {
    const body = await api.get<OfflinePackage>(`/learning/courses/${courseId}/offline-package`, {
      headers: etag ? { 'if-none-match': etag } : undefined,
      query: { known: known.length > 0 ? known.join(',') : undefined },
    });
    return { body, etag: `"${body.contentHash}"` };
  } catch (error) {
    if (isApiError(error) && error.status === 304) return null;
    throw error;
  }
}
