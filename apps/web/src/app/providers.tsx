import { useEffect, useState, type ReactNode } from 'react';
import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { QueryClientProvider, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../lib/i18n';
import { directionOf, isLanguage, storeLanguage } from '../lib/languages';
import { createQueryClient } from '../lib/query-client';
import { queryKeys } from '../lib/query-keys';
import { useSession, type Session } from '../lib/session';
import { saveLanguageToProfile, takeSignedOutChoice } from '../lib/use-change-language';
import { cssVariablesResolver, theme } from './theme';

/** Keeps Mantine's direction in step with the interface language. */
function DirectionSync() {
  const { setDirection } = useDirection();
  useEffect(() => {
    const follow = (language: string) => setDirection(directionOf(language));
    if (i18n.language) follow(i18n.language);
    i18n.on('languageChanged', follow);
    return () => i18n.off('languageChanged', follow);
  }, [setDirection]);
  return null;
}

/**
 * After sign-in (or a reload) the profile's language wins: it follows the person across
 * devices. Except when they picked a language on the sign-in page just now: that choice is
 * theirs, so it is kept and saved to the profile. (A language merely remembered on a shared
 * phone from someone else's visit does not override the profile.)
 */
function SessionLanguageSync() {
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const userId = session?.user.id;
  const preferred = session?.user.preferredLanguage;
  useEffect(() => {
    if (!userId) return;
    const justChosen = takeSignedOutChoice();
    if (justChosen) {
      if (justChosen !== preferred) saveLanguageToProfile(queryClient, justChosen);
      return;
    }
    // Read the cache, not this render's value: it may have just been updated (StrictMode reruns).
    const current = queryClient.getQueryData<Session | null>(queryKeys.session)?.user.preferredLanguage ?? preferred;
    if (isLanguage(current) && current !== i18n.resolvedLanguage) {
      storeLanguage(current);
      void i18n.changeLanguage(current);
    }
    // Only when the signed-in person changes, not on every profile edit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [userId]);
  return null;
}

interface AppProvidersProps {
  children: ReactNode;
  queryClient?: QueryClient;
  /** 'test' turns off Mantine transitions and portals in component tests. */
  mantineEnv?: 'default' | 'test';
}

export function AppProviders({ children, queryClient, mantineEnv = 'default' }: AppProvidersProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <DirectionProvider initialDirection={directionOf(i18n.language ?? document.documentElement.lang)} detectDirection={false}>
          <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light" env={mantineEnv}>
            <DirectionSync />
            <SessionLanguageSync />
            {children}
          </MantineProvider>
        </DirectionProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
