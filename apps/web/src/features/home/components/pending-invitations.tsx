import { Card, List, Skeleton, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import { useInvitations } from '../../../api/get-invitations';

export function PendingInvitations({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation(['home', 'common']);
  const format = useFormatters();
  const invitations = useInvitations(organisationId);
  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="sm">
        {t('home:leader.pendingInvitations')}
      </Title>
      {invitations.isPending ? (
        <Skeleton height={40} />
      ) : invitations.error ? (
        <ErrorAlert error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : invitations.data.items.length === 0 ? (
        <Text c="dimmed">{t('home:leader.noPendingInvitations')}</Text>
      ) : (
        <List spacing="xs">
          {invitations.data.items.map((invitation) => (
            <List.Item key={invitation.id}>
              <Text span fw={600}>
                {invitation.email}
              </Text>{' '}
              — {t(`common:roles.${invitation.role}`)} ·{' '}
              {t('home:leader.expires', { date: format.date(invitation.expiresAt) })}
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
