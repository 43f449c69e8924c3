import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ChannelPreferences } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

export const channelPreferencesKey = ['me', 'channels'] as const;

/** GET /api/me/channels: which channels reach me for each kind of message, and which can. */
export function getChannelPreferences(): Promise<ChannelPreferences> {
  return api.get<ChannelPreferences>('/me/channels');
}

export const channelPreferencesQueryOptions = queryOptions({ queryKey: channelPreferencesKey, queryFn: getChannelPreferences });

export function useChannelPreferences() {
  return useQuery(channelPreferencesQueryOptions);
}
