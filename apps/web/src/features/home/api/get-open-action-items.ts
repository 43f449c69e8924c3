import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ActionItem } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

/** GET /api/organisations/:organisationId/meeting-action-items: open items from meetings, soonest due first. */
export function getOpenActionItems(organisationId: string): Promise<{ items: ActionItem[] }> {
  return api.get(`/organisations/${encodeURIComponent(organisationId)}/meeting-action-items`);
}

export const openActionItemsQueryOptions = (organisationId: string) =>
  queryOptions({
    queryKey: ['organisations', organisationId, 'meeting-action-items'] as const,
    queryFn: () => getOpenActionItems(organisationId),
  });

export function useOpenActionItems(organisationId: string) {
  return useQuery(openActionItemsQueryOptions(organisationId));
}
