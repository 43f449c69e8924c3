import { useQuery } from '@tanstack/react-query';
import type { RevisionDiff } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { collaborationKeys, enc } from './keys';

/** GET /api/documents/:id/versions/:language/diff?from&to */
export function getDiff(documentId: string, language: string, from: number, to: number): Promise<RevisionDiff> {
  return api.get(`/documents/${enc(documentId)}/versions/${enc(language)}/diff`, { query: { from, to } });
}

export function useDiff(documentId: string, language: string, from: number, to: number) {
  return useQuery({
    queryKey: collaborationKeys.diff(documentId, language, from, to),
    queryFn: () => getDiff(documentId, language, from, to),
    enabled: from > 0 && to > 0 && from !== to,
    staleTime: Infinity, // revisions never change
  });
}
