import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { collaborationKeys, enc } from './keys';
import type { z } from 'zod';
import type { revisionSummarySchema } from '@tadamon/shared';

export type RevisionSummary = z.infer<typeof revisionSummarySchema>;

/** GET /api/documents/:id/versions/:language/revisions */
export function getRevisions(documentId: string, language: string): Promise<{ items: RevisionSummary[] }> {
  return api.get(`/documents/${enc(documentId)}/versions/${enc(language)}/revisions`);
}

export function useRevisions(documentId: string, language: string) {
  return useQuery({ queryKey: collaborationKeys.revisions(documentId, language), queryFn: () => getRevisions(documentId, language) });
}
