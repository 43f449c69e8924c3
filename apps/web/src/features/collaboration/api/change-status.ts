import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DocumentDetail, DocumentStatus } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { collaborationKeys, enc } from './keys';

/** POST /api/documents/:id/status */
export function changeStatus(documentId: string, status: DocumentStatus): Promise<DocumentDetail> {
  return api.post(`/documents/${enc(documentId)}/status`, { status });
}

export function useChangeStatus(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: DocumentStatus) => changeStatus(documentId, status),
    onSuccess: (doc) => queryClient.setQueryData(collaborationKeys.document(documentId), doc),
  });
}
