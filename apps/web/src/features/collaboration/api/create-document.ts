import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DocumentDetail } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { collaborationKeys, enc } from './keys';

export interface DocumentCreateInput {
  kind: 'LETTER' | 'OP_ED' | 'STATEMENT' | 'CAMPAIGN_TEXT';
  ownerOrganisationId: string;
  language: string;
  title: string;
  body: string;
  signatoryOrganisationIds: string[];
}

/** POST /api/groups/:id/documents */
export function createDocument(groupId: string, input: DocumentCreateInput): Promise<DocumentDetail> {
  return api.post(`/groups/${enc(groupId)}/documents`, input);
}

export function useCreateDocument(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DocumentCreateInput) => createDocument(groupId, input),
    onSuccess: (doc) => {
      queryClient.setQueryData(collaborationKeys.document(doc.id), doc);
      void queryClient.invalidateQueries({ queryKey: collaborationKeys.documents(groupId) });
    },
  });
}
