import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DocumentDetail } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { collaborationKeys, enc } from './keys';

/** POST /api/documents/:id/signatories/:organisationId/decision */
export function decideSignature(documentId: string, organisationId: string, decision: 'SIGN' | 'DECLINE'): Promise<DocumentDetail> {
  return api.post(`/documents/${enc(documentId)}/signatories/${enc(organisationId)}/decision`, { decision });
}

export function useDecideSignature(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ organisationId, decision }: { organisationId: string; decision: 'SIGN' | 'DECLINE' }) =>
      decideSignature(documentId, organisationId, decision),
    onSuccess: (doc) => queryClient.setQueryData(collaborationKeys.document(documentId), doc),
  });
}
