import { Menu, UnstyledButton } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSetSession, useSignedInSession } from '../../lib/session';
import { useSignOut } from '../../features/auth/api/sign-out';

/** The person's name in the header, with their profile and signing out. */
export function UserMenu({ onSignOutError }: { onSignOutError: (error: unknown) => void }) {
  const { t } = useTranslation('common');
  const session = useSignedInSession();
  const navigate = useNavigate();
  const setSession = useSetSession();
  const signOut = useSignOut();

  const handleSignOut = () => {
    signOut.mutate({ sharedDevice: session.sharedDevice }, {
      onSuccess: () => {
        setSession(null);
        void navigate('/sign-in', { replace: true });
      },
      onError: onSignOutError,
    });
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        {/* Named by its content (the person's name; Mantine adds aria-haspopup="menu"), so the
            accessible name is the visible text: WCAG 2.5.3, label in name. */}
        <UnstyledButton className="user-menu__button" data-testid="user-menu">
          <span aria-hidden="true" className="user-menu__avatar">
            {session.user.name.trim().charAt(0).toUpperCase() || '?'}
          </span>
          <span className="user-menu__name">{session.user.name}</span>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <span dir="ltr">{session.user.email ?? session.user.phone ?? session.user.username}</span>
        </Menu.Label>
        <Menu.Item onClick={() => void navigate('/profile')}>{t('userMenu.profile')}</Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" onClick={handleSignOut} disabled={signOut.isPending} data-testid="sign-out">
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
