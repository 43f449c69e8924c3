import { useEffect } from 'react';
import { Button, Drawer } from '@mantine/core';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../components/language-switcher';
import { MainNavigation } from './main-navigation';

/** Three lines: the sign people know for "menu". Decorative: the button is named in words. */
function MenuIcon() {
  return (
    <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <path d="M4 6h16M4 12h16M4 18h16" />
    </svg>
  );
}

/** The header's button that opens the navigation drawer on narrow screens. */
export function MenuButton({ opened, onOpen }: { opened: boolean; onOpen: () => void }) {
  const { t } = useTranslation('common');
  return (
    // The word shows where there is room (tablets); on phones the header must fit one line, so
    // only the icon shows and the word stays as the button's name for screen readers.
    <Button
      variant="subtle"
      size="compact-md"
      className="menu-button"
      leftSection={<MenuIcon />}
      aria-haspopup="dialog"
      aria-expanded={opened}
      onClick={onOpen}
      data-testid="main-menu-button"
    >
      <span className="menu-button__label">{t('nav.menu')}</span>
    </Button>
  );
}

/**
 * The main navigation as a drawer for phones. Mantine's "left" is the start side: the drawer
 * lays out with flex-start and slides in mirrored when the direction is rtl, so in Arabic it
 * opens from the right. Mantine traps focus inside, closes on Escape and on a tap outside, and
 * gives focus back to the menu button.
 */
export function NavigationDrawer({ opened, onClose, withLanguage = false }: { opened: boolean; onClose: () => void; withLanguage?: boolean }) {
  const { t } = useTranslation('common');
  const location = useLocation();

  // Any navigation closes it: a tapped link, but also the phone's back button.
  useEffect(() => {
    onClose();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.pathname, location.search]);

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="left"
      size="xs"
      title={t('nav.menu')}
      closeButtonProps={{ 'aria-label': t('actions.close') }}
      classNames={{ body: 'navigation-drawer__body' }}
    >
      {/* A link to the page already shown changes no location: close on the tap itself too. */}
      <MainNavigation onNavigate={onClose} />
      {/* On the smallest phones the header has no room for the language picker (see AppShellLayout). */}
      {withLanguage ? <LanguageSwitcher withLabel className="navigation-drawer__language" /> : null}
    </Drawer>
  );
}
