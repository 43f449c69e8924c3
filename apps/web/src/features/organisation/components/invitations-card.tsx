import { useState } from 'react';
import { Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import type { Invitation } from '../../../lib/types';
import { useInvitations } from '../../../api/get-invitations';
import { useRevokeInvitation } from '../api/revoke-invitation';

export function InvitationsCard({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation(['organisation', 'common']);
  const format = useFormatters();
  const invitations = useInvitations(organisationId);
  const revoke = useRevokeInvitation(organisationId);
  const [revoking, setRevoking] = useState<Invitation | null>(null);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="invitations-heading">
      <Title order={2} size="h3" mb="sm" id="invitations-heading">
        {t('organisation:invitations.title')}
      </Title>
      <ErrorAlert error={revoke.error} />
      {invitations.isPending ? (
        <Skeleton height={60} />
      ) : invitations.error ? (
        <ErrorAlert error={invitations.error} onRetry={() => void invitations.refetch()} />
      ) : invitations.data.items.length === 0 ? (
        <Text c="dimmed">{t('organisation:invitations.none')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {invitations.data.items.map((invitation) => (
            <Group component="li" key={invitation.id} justify="space-between" wrap="wrap">
              <div>
                <Text fw={600}>
                  <span dir="ltr">{invitation.email}</span>
                </Text>
                <Text size="sm" c="dimmed">
                  {t(`common:roles.${invitation.role}`)} ·{' '}
                  {t('organisation:invitations.sent', { date: format.date(invitation.createdAt) })} ·{' '}
                  {t('organisation:invitations.expires', { date: format.date(invitation.expiresAt) })}
                </Text>
              </div>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={() => setRevoking(invitation)}
                aria-label={t('organisation:invitations.revokeWho', { email: invitation.email })}
              >
                {t('organisation:invitations.revoke')}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      <ConfirmDialog
        opened={revoking !== null}
        title={t('organisation:invitations.revokeTitle')}
        message={t('organisation:invitations.revokeConfirm', { email: revoking?.email ?? '' })}
        confirmLabel={t('organisation:invitations.revoke')}
        loading={revoke.isPending}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSettled: () => setRevoking(null) })}
      />
    </Card>
  );
}
