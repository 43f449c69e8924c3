import { useQueryClient } from '@tanstack/react-query';
import type { CurrentUser } from './types';
import { api } from './api-client';
import { i18n } from './i18n';
import { storeLanguage, type Language } from './languages';
import { queryKeys } from './query-keys';
import type { Session } from './session';

/**
 * Switches the interface language, remembers it on this device and, when signed in, saves it
 * to the profile so the next device opens in the same language.
 */
export function useChangeLanguage() {
  const queryClient = useQueryClient();
  return async (language: Language) => {
    storeLanguage(language);
    const session = queryClient.getQueryData<Session | null>(queryKeys.session);
    if (session && session.user.preferredLanguage !== language) {
      // Update the cache first so the session-language sync does not switch back meanwhile.
      const updated: Session = { ...session, user: { ...session.user, preferredLanguage: language } };
      queryClient.setQueryData<Session | null>(queryKeys.session, updated);
      api
        .patch<CurrentUser>('/me/profile', { preferredLanguage: language })
        .then((user) => queryClient.setQueryData(queryKeys.profile, user))
        .catch(() => {
          // Offline or a server error: the local choice holds; the profile keeps the old value.
        });
    }
    await i18n.changeLanguage(language);
  };
}
