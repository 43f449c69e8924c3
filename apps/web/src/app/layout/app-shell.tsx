import { Suspense, useCallback, useState } from 'react';
import { Alert, Container, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../components/language-switcher';
import { PageSkeleton } from '../../components/page-skeleton';
import { useErrorMessage } from '../../components/error-alert';
import { SharedDeviceIdle } from '../../features/auth/components/shared-device-idle';
import { NotificationBell } from '../../features/collaboration/components/notification-bell';
import { SyncIndicator } from '../../features/learning/components/sync-indicator';
import { MainNavigation } from './main-navigation';
import { MenuButton, NavigationDrawer } from './navigation-drawer';
import { UserMenu } from './user-menu';
import { FirstScreenShown } from '../../components/first-screen-shown';

/**
 * Wide screens show the navigation in a side column; below Mantine's `md` breakpoint (62em,
 * phones and portrait tablets) the header stays one line and the navigation opens as a drawer.
 * Read at first render, not after: no flash of the wrong layout.
 */
function useWideScreen(): boolean {
  const theme = useMantineTheme();
  return useMediaQuery(`(min-width: ${theme.breakpoints.md})`, undefined, { getInitialValueInEffect: false });
}

/**
 * Below 360 px (old and small phones) the language picker does not fit beside the name, the
 * bell and the user menu: it moves into the navigation drawer, so the header stays one line.
 */
function useRoomForLanguageInHeader(): boolean {
  return useMediaQuery('(min-width: 22.5em)', undefined, { getInitialValueInEffect: false });
}

export function AppShellLayout() {
  const { t } = useTranslation('common');
  const messageOf = useErrorMessage();
  const [signOutError, setSignOutError] = useState<unknown>(null);
  const wide = useWideScreen();
  const languageInHeader = useRoomForLanguageInHeader();
  const [menuOpened, setMenuOpened] = useState(false);
  const closeMenu = useCallback(() => setMenuOpened(false), []);

  return (
    <>
      <SharedDeviceIdle />
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <Container size="lg" className="app-header__inner">
          {wide ? null : <MenuButton opened={menuOpened} onOpen={() => setMenuOpened(true)} />}
          <NavLink to="/" className="app-header__brand" translate="no">
            Tadamon
          </NavLink>
          {languageInHeader ? <LanguageSwitcher /> : null}
          <SyncIndicator />
          <NotificationBell />
          <UserMenu onSignOutError={setSignOutError} />
        </Container>
      </header>
      {wide ? null : <NavigationDrawer opened={menuOpened} onClose={closeMenu} withLanguage={!languageInHeader} />}
      <Container size="lg" className={wide ? 'app-body app-body--with-sidebar' : 'app-body'}>
        {wide ? (
          <div className="app-sidebar">
            <MainNavigation />
          </div>
        ) : null}
        <main id="main" tabIndex={-1} className="app-main">
          {signOutError ? (
            <Alert color="red" role="alert" mb="md" withCloseButton closeButtonLabel={t('actions.close')} onClose={() => setSignOutError(null)}>
              {t('userMenu.signOutFailed')} {messageOf(signOutError)}
            </Alert>
          ) : null}
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
            <FirstScreenShown />
          </Suspense>
        </main>
      </Container>
    </>
  );
}
