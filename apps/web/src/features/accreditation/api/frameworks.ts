import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccreditationFramework, AccreditationFrameworkInput } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

export type FrameworkSummary = Omit<AccreditationFramework, 'sections'> & { criteriaCount: number };

const listKey = (networkId: string) => ['networks', networkId, 'accreditation-frameworks'] as const;
const frameworkKey = (id: string) => ['accreditation-frameworks', id] as const;

/** GET /api/networks/:id/accreditation-frameworks — published ones; coordinators see all. */
export function useFrameworks(networkId: string | null) {
  return useQuery({
    queryKey: listKey(networkId ?? ''),
    queryFn: () => api.get<{ items: FrameworkSummary[] }>(`/networks/${encodeURIComponent(networkId!)}/accreditation-frameworks`),
    enabled: !!networkId,
  });
}

export function useFramework(id: string | null) {
  return useQuery({
    queryKey: frameworkKey(id ?? ''),
    queryFn: () => api.get<AccreditationFramework>(`/accreditation-frameworks/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

/** Creates a framework (no id) or replaces a draft (id). */
export function useSaveFramework(networkId: string, id: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AccreditationFrameworkInput) =>
      id
        ? api.put<AccreditationFramework>(`/accreditation-frameworks/${encodeURIComponent(id)}`, body)
        : api.post<AccreditationFramework>(`/networks/${encodeURIComponent(networkId)}/accreditation-frameworks`, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(frameworkKey(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: listKey(networkId) });
    },
  });
}

/** publish | archive | copy */
export function useFrameworkAction(networkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'publish' | 'archive' | 'copy' }) =>
      api.post<AccreditationFramework>(`/accreditation-frameworks/${encodeURIComponent(id)}/${action}`, {}),
    onSuccess: (framework) => {
      queryClient.setQueryData(frameworkKey(framework.id), framework);
      void queryClient.invalidateQueries({ queryKey: listKey(networkId) });
    },
  });
}
