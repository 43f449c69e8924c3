import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { MeetingTimeInZones, MeetingTimeInZonesInput } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

/**
 * POST /api/meetings/time-in-zones: the typed times as they read in other zones. A POST because
 * it takes a body, but it reads nothing and changes nothing, so it is cached like a query.
 */
export function getTimeInZones(input: MeetingTimeInZonesInput): Promise<MeetingTimeInZones> {
  return api.post('/meetings/time-in-zones', input);
}

export const timeInZonesQueryOptions = (input: MeetingTimeInZonesInput) =>
  queryOptions({
    queryKey: ['meetings', 'time-in-zones', input] as const,
    queryFn: () => getTimeInZones(input),
    staleTime: Infinity,
    retry: false,
  });

/** Nothing is asked while the form's times are incomplete or nobody is invited. */
export function useTimeInZones(input: MeetingTimeInZonesInput, enabled: boolean) {
  return useQuery({ ...timeInZonesQueryOptions(input), enabled, placeholderData: keepPreviousData });
}
