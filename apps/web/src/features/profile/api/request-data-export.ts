import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { dataExportsKey } from './get-data-exports';

/** POST /api/me/data-export: asks for a ZIP of all one's data (prepared in the background; 202). */
export function requestDataExport(): Promise<void> {
  return api.post<void>('/me/data-export');
}

export function useRequestDataExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: requestDataExport,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: dataExportsKey }),
  });
}
