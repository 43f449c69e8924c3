import { useQuery } from '@tanstack/react-query';
import type { MeetingSummary } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { collaborationKeys } from './keys';

/** GET /api/meetings?when=upcoming — meetings a campaign editor may link (they can see them). */
export function getLinkableMeetings(): Promise<{ items: MeetingSummary[] }> {
  return api.get('/meetings?when=upcoming');
}

export function useLinkableMeetings(enabled: boolean) {
  return useQuery({ queryKey: collaborationKeys.linkableMeetings, queryFn: getLinkableMeetings, enabled, staleTime: 60_000 });
}
