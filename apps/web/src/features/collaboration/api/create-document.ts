import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DocumentDetail } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { collaborationKeys, enc } from './keys';
import type { DocumentCreate } from '@tadamon/shared';


/** POST /api/groups/:id/documents */
export function createDocument(groupId: string, input: DocumentCreate): Promise<DocumentDetail> {
  return api.post(`/groups/${enc(groupId)}/documents`, input);
}

export function useCreateDocument(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DocumentCreate) => createDocument(groupId, input),
    onSuccess: (doc) => {
      queryClient.setQueryData(collaborationKeys.document(doc.id), doc);
      void queryClient.invalidateQueries({ queryKey: collaborationKeys.documents(groupId) });
    },
  });
}
