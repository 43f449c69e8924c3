import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProfileUpdate } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';
import type { Session } from '../../../lib/session';
import type { CurrentUser } from '../../../lib/types';

/** PATCH /api/me/profile */
export function updateProfile(body: ProfileUpdate): Promise<CurrentUser> {
  return api.patch<CurrentUser>('/me/profile', body);
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (user) => {
      queryClient.setQueryData(queryKeys.profile, user);
      queryClient.setQueryData<Session | null>(queryKeys.session, (session) => (session ? { ...session, user } : session));
    },
  });
}
