import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { auditPageSchema } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

export type AuditPage = z.infer<typeof auditPageSchema>;
export type AuditEvent = AuditPage['items'][number];

const PAGE_SIZE = 30;

/** GET /api/audit: what happened in the caller's organisation or network, newest first. */
export function getAuditPage(cursor?: string, signal?: AbortSignal): Promise<AuditPage> {
  return api.get<AuditPage>('/audit', { query: { cursor, limit: PAGE_SIZE }, signal });
}

export const auditQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: ['audit'],
    queryFn: ({ pageParam, signal }) => getAuditPage(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useAuditEvents() {
  return useInfiniteQuery(auditQueryOptions());
}
