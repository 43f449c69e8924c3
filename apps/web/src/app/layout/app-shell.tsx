import { Suspense, useState } from 'react';
import { Alert, Container, Menu, UnstyledButton } from '@mantine/core';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../components/language-switcher';
import { PageSkeleton } from '../../components/page-skeleton';
import { useErrorMessage } from '../../components/error-alert';
import { ledOrganisationId, useSetSession, useSignedInSession } from '../../lib/session';
import { useSignOut } from '../../features/auth/api/sign-out';
import { NotificationBell } from '../../features/collaboration/components/notification-bell';

function UserMenu({ onSignOutError }: { onSignOutError: (error: unknown) => void }) {
  const { t } = useTranslation('common');
  const session = useSignedInSession();
  const navigate = useNavigate();
  const setSession = useSetSession();
  const signOut = useSignOut();

  const handleSignOut = () => {
    signOut.mutate(undefined, {
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
        <Menu.Label>{session.user.email}</Menu.Label>
        <Menu.Item onClick={() => void navigate('/profile')}>{t('userMenu.profile')}</Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" onClick={handleSignOut} disabled={signOut.isPending} data-testid="sign-out">
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function AppShellLayout() {
  const { t } = useTranslation('common');
  const session = useSignedInSession();
  const messageOf = useErrorMessage();
  const [signOutError, setSignOutError] = useState<unknown>(null);
  const showMyOrganisation = ledOrganisationId(session) !== null;
  const showActivity = session.permissions.includes('audit.read');
  const showAccreditation = session.permissions.includes('accreditation.selfAssess');
  const showTeamLearning = session.permissions.includes('courses.progress');
  const showCourseAuthoring = session.permissions.includes('courses.manage');

  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <Container size="lg" className="app-header__inner">
          <NavLink to="/" className="app-header__brand" translate="no">
            Tadamon
          </NavLink>
          <LanguageSwitcher />
          <NotificationBell />
          <UserMenu onSignOutError={setSignOutError} />
        </Container>
        <Container size="lg">
          <nav className="app-nav" aria-label={t('nav.label')}>
            <NavLink to="/" end>
              {t('nav.home')}
            </NavLink>
            <NavLink to="/directory">{t('nav.directory')}</NavLink>
            <NavLink to="/library">{t('nav.library')}</NavLink>
            <NavLink to="/learning">{t('nav.learning')}</NavLink>
            {showMyOrganisation ? <NavLink to="/organisation">{t('nav.myOrganisation')}</NavLink> : null}
            {showActivity ? <NavLink to="/activity">{t('nav.activity')}</NavLink> : null}
            <NavLink to="/certificates">{t('nav.certificates')}</NavLink>
            <NavLink to="/profile">{t('nav.profile')}</NavLink>
            <NavLink to="/meetings">{t('nav.meetings')}</NavLink>
            <NavLink to="/collaboration">{t('nav.collaboration')}</NavLink>
            {showAccreditation ? <NavLink to="/accreditation">{t('nav.accreditation')}</NavLink> : null}
            {showTeamLearning ? <NavLink to="/team-learning">{t('nav.teamLearning')}</NavLink> : null}
            {showCourseAuthoring ? <NavLink to="/course-authoring">{t('nav.courseAuthoring')}</NavLink> : null}
          </nav>
        </Container>
      </header>
      <Container size="lg" component="main" id="main" tabIndex={-1} className="app-main">
        {signOutError ? (
          <Alert color="red" role="alert" mb="md" withCloseButton closeButtonLabel={t('actions.close')} onClose={() => setSignOutError(null)}>
            {t('userMenu.signOutFailed')} {messageOf(signOutError)}
          </Alert>
        ) : null}
        <Suspense fallback={<PageSkeleton />}>
          <Outlet />
        </Suspense>
      </Container>
    </>
  );
}
