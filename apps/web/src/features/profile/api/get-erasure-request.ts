import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ErasureRequest } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

export const erasureRequestKey = ['me', 'erasure-request'] as const;

/** GET /api/me/erasure-request: the person's pending request to erase their account, if any. */
export function getErasureRequest(): Promise<{ request: ErasureRequest | null }> {
  return api.get<{ request: ErasureRequest | null }>('/me/erasure-request');
}

export const erasureRequestQueryOptions = queryOptions({ queryKey: erasureRequestKey, queryFn: getErasureRequest });

export function useErasureRequest() {
  return useQuery(erasureRequestQueryOptions);
}
