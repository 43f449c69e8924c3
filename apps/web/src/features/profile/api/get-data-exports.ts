import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DataExport } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

export const dataExportsKey = ['me', 'data-exports'] as const;

/** GET /api/me/data-exports: the person's recent exports, newest first. */
export function getDataExports(): Promise<{ items: DataExport[] }> {
  return api.get<{ items: DataExport[] }>('/me/data-exports');
}

export const dataExportsQueryOptions = queryOptions({ queryKey: dataExportsKey, queryFn: getDataExports });

/** While an export is being prepared, looks again every 5 s (the job usually takes seconds). */
export function useDataExports() {
  return useQuery({
    ...dataExportsQueryOptions,
    refetchInterval: (query) => (query.state.data?.items.some((e) => e.status === 'PENDING') ? 5000 : false),
  });
}
