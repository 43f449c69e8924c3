import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MyDemographics } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

export const demographicsKey = ['me', 'demographics'] as const;

/** GET /api/me/demographics: one's own gender and age band (null if not given), and the consent version to show. */
export function getDemographics(): Promise<MyDemographics> {
  return api.get<MyDemographics>('/me/demographics');
}

export const demographicsQueryOptions = queryOptions({ queryKey: demographicsKey, queryFn: getDemographics });

export function useDemographics() {
  return useQuery(demographicsQueryOptions);
}
