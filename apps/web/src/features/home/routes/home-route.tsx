import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isCoordinator, useSignedInSession } from '../../../lib/session';
import { CoordinatorHome } from '../components/coordinator-home';
import { LeaderHome } from '../components/leader-home';
import { VolunteerHome } from '../components/volunteer-home';

/** One home per role: the session's primaryRole is the highest role held anywhere. */
export function HomeRoute() {
  const { t } = useTranslation('home');
  const session = useSignedInSession();
  const role = session.primaryRole;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1} data-testid="home-title">
          {t('welcome', { name: session.user.name })}
        </Title>
        <Text c="dimmed">{t(`intro.${role}`)}</Text>
      </div>
      {isCoordinator(session) ? (
        <CoordinatorHome />
      ) : role === 'ORG_LEADER' ? (
        <LeaderHome session={session} />
      ) : (
        <VolunteerHome session={session} />
      )}
    </Stack>
  );
}
