import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DocumentDetail } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { collaborationKeys, enc } from './keys';
import type { VersionSave } from '@tadamon/shared';

/** The shared body plus the language version it saves (a path segment). */
export type VersionSaveInput = VersionSave & { language: string };

/** PUT /api/documents/:id/versions/:language */
export function saveVersion(documentId: string, { language, ...body }: VersionSaveInput): Promise<DocumentDetail> {
  return api.put(`/documents/${enc(documentId)}/versions/${enc(language)}`, body);
}

export function useSaveVersion(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: VersionSaveInput) => saveVersion(documentId, input),
    onSuccess: (doc, input) => {
      queryClient.setQueryData(collaborationKeys.document(documentId), doc);
      void queryClient.invalidateQueries({ queryKey: collaborationKeys.revisions(documentId, input.language) });
    },
  });
}
