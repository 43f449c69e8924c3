import { useQuery } from '@tanstack/react-query';
import type { DocumentSummary } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { collaborationKeys, enc } from './keys';

/** GET /api/groups/:id/documents */
export function getDocuments(groupId: string): Promise<{ items: DocumentSummary[] }> {
  return api.get(`/groups/${enc(groupId)}/documents`);
}

export function useDocuments(groupId: string) {
  return useQuery({ queryKey: collaborationKeys.documents(groupId), queryFn: () => getDocuments(groupId) });
}
