import { Anchor, Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/intl';
import type { Session } from '../../../lib/session';
import { useOrganisation } from '../../../lib/organisation-query';
import { HomeOverview } from './home-overview';
import { OpenActionItems } from './open-action-items';

function MyOrganisationCard({ membership }: { membership: Session['memberships'][number] }) {
  const { t } = useTranslation(['home', 'common']);
  const format = useFormatters();
  const organisation = useOrganisation(membership.organisationId);
  return (
    <Card withBorder padding="lg" data-testid="my-organisation">
      <Text size="sm" c="dimmed" mb={4}>
        {t('home:volunteer.myOrganisation')}
      </Text>
      <Title order={2} size="h3" mb="xs">
        {membership.organisationName}
      </Title>
      <Text size="sm">{t('home:volunteer.network', { network: membership.networkName })}</Text>
      <Text size="sm">{t('home:volunteer.role', { role: t(`common:roles.${membership.role}`) })}</Text>
      {organisation.isPending ? (
        <Skeleton height={14} width="50%" mt="xs" />
      ) : organisation.data ? (
        <Text size="sm" mt="xs">
          {format.place(organisation.data.city, organisation.data.country)}
        </Text>
      ) : null}
      <Anchor component={Link} to={`/organisations/${membership.organisationId}`} mt="sm" display="inline-block">
        {t('home:volunteer.contactPage')}
      </Anchor>
    </Card>
  );
}

export function VolunteerHome({ session }: { session: Session }) {
  const { t } = useTranslation('home');
  return (
    <Stack gap="lg">
      {session.memberships.length === 0 ? (
        <Card withBorder padding="lg">
          <Text>{t('volunteer.noOrganisation')}</Text>
        </Card>
      ) : (
        session.memberships.map((m) => (
          <Stack key={m.organisationId} gap="lg">
            <MyOrganisationCard membership={m} />
            <OpenActionItems organisationId={m.organisationId} organisationName={m.organisationName} />
          </Stack>
        ))
      )}
      <HomeOverview session={session} />
    </Stack>
  );
}
