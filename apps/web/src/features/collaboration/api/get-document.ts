import { useQuery } from '@tanstack/react-query';
import type { DocumentDetail } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { collaborationKeys, enc } from './keys';

/** GET /api/documents/:id */
export function getDocument(id: string): Promise<DocumentDetail> {
  return api.get(`/documents/${enc(id)}`);
}

/** Polls while open so the signatory list and status stay live without a socket. */
export function useDocument(id: string) {
  return useQuery({ queryKey: collaborationKeys.document(id), queryFn: () => getDocument(id), refetchInterval: 15_000 });
}
