import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CurrentUser } from './types';
import { api } from './api-client';
import { i18n } from './i18n';
import { storeLanguage, type Language } from './languages';
import { queryKeys } from './query-keys';
import type { Session } from './session';

/** A language picked on a signed-out screen (sign-in page) during this visit. */
let signedOutChoice: Language | null = null;

/** Read once at sign-in: the person just chose this language, so it beats the profile's. */
export function takeSignedOutChoice(): Language | null {
  const choice = signedOutChoice;
  signedOutChoice = null;
  return choice;
}

/** PATCH /api/me/profile { preferredLanguage }; failures keep the local choice. */
export function saveLanguageToProfile(queryClient: QueryClient, language: Language): void {
  const session = queryClient.getQueryData<Session | null>(queryKeys.session);
  if (!session) return;
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

/**
 * Switches the interface language, remembers it on this device and, when signed in, saves it
 * to the profile so the next device opens in the same language.
 */
export function useChangeLanguage() {
  const queryClient = useQueryClient();
  return async (language: Language) => {
    storeLanguage(language);
    const session = queryClient.getQueryData<Session | null>(queryKeys.session);
    if (!session) signedOutChoice = language;
    else if (session.user.preferredLanguage !== language) saveLanguageToProfile(queryClient, language);
    await i18n.changeLanguage(language);
  };
}
