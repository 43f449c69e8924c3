import { Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { ledOrganisationId, type Session } from '../../../lib/session';
import { useOrganisation } from '../../../lib/organisation-query';
import { PendingInvitations } from './pending-invitations';
import { HomeOverview } from './home-overview';
import { OpenActionItems } from './open-action-items';

export function LeaderHome({ session }: { session: Session }) {
  const { t } = useTranslation('home');
  const organisationId = ledOrganisationId(session);
  const organisation = useOrganisation(organisationId);
  if (!organisationId) return <Text>{t('volunteer.noOrganisation')}</Text>;

  return (
    <Stack gap="lg">
      <Card withBorder padding="lg" data-testid="leader-organisation">
        {organisation.isPending ? (
          <Skeleton height={60} />
        ) : organisation.error ? (
          <ErrorAlert error={organisation.error} onRetry={() => void organisation.refetch()} />
        ) : (
          <>
            <Title order={2} size="h3" mb="xs">
              {organisation.data.name}
            </Title>
            <Text size="xl" fw={700}>
              {t('leader.memberCount', { count: organisation.data.memberCount })}
            </Text>
          </>
        )}
        <Group mt="md">
          <Button component={Link} to={`/organisations/${organisationId}/members?invite=1`}>
            {t('leader.invite')}
          </Button>
          <Button component={Link} to={`/organisations/${organisationId}/members`} variant="default">
            {t('leader.manageMembers')}
          </Button>
        </Group>
      </Card>
      <PendingInvitations organisationId={organisationId} />
      <OpenActionItems organisationId={organisationId} organisationName={organisation.data?.name ?? ''} />
      <HomeOverview session={session} />
    </Stack>
  );
}
