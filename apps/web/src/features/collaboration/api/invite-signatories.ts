import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DocumentDetail } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { collaborationKeys, enc } from './keys';

/** POST /api/documents/:id/signatories */
export function inviteSignatories(documentId: string, organisationIds: string[]): Promise<DocumentDetail> {
  return api.post(`/documents/${enc(documentId)}/signatories`, { organisationIds });
}

export function useInviteSignatories(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organisationIds: string[]) => inviteSignatories(documentId, organisationIds),
    onSuccess: (doc) => queryClient.setQueryData(collaborationKeys.document(documentId), doc),
  });
}
