import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { collaborationKeys } from './keys';
import type { EMAIL_MODES } from '@tadamon/shared';

export type EmailMode = (typeof EMAIL_MODES)[number];

/** GET /api/me/notifications/preference */
export const getPreference = (): Promise<{ emailMode: EmailMode }> => api.get('/me/notifications/preference');
/** PUT /api/me/notifications/preference */
export const setPreference = (emailMode: EmailMode): Promise<{ emailMode: EmailMode }> =>
  api.put('/me/notifications/preference', { emailMode });

export function usePreference() {
  return useQuery({ queryKey: collaborationKeys.preference, queryFn: getPreference });
}

export function useSetPreference() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setPreference,
    onSuccess: (answer) => queryClient.setQueryData(collaborationKeys.preference, answer),
  });
}
