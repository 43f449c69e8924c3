import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChannelPreferences, ChannelPreferencesUpdate } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { channelPreferencesKey } from './get-channel-preferences';

/** PUT /api/me/channels */
export function updateChannelPreferences(body: ChannelPreferencesUpdate): Promise<ChannelPreferences> {
  return api.put<ChannelPreferences>('/me/channels', body);
}

export function useUpdateChannelPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateChannelPreferences,
    onSuccess: (saved) => queryClient.setQueryData(channelPreferencesKey, saved),
  });
}
