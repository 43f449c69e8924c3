import { useState } from 'react';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PendingErasure } from '@tadamon/shared';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { isApiError } from '../../../lib/api-client';
import { useFormatters } from '../../../lib/intl';
import { useConfirmErasure } from '../api/confirm-erasure';
import { useErasureRequests } from '../api/get-erasure-requests';

/** Members who asked for their account to be erased; shown only when there are some. */
export function ErasureRequestsCard({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation('organisation');
  const format = useFormatters();
  const requests = useErasureRequests(organisationId, true);
  const confirm = useConfirmErasure(organisationId);
  const [chosen, setChosen] = useState<PendingErasure | null>(null);
  // Not theirs to confirm here (another organisation's page): nothing to show.
  if (isApiError(requests.error) && (requests.error.status === 403 || requests.error.status === 404)) return null;
  if (requests.error) return <ErrorAlert error={requests.error} onRetry={() => void requests.refetch()} />;
  if (!requests.data || requests.data.items.length === 0) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="erasure-requests-heading">
      <Title order={2} size="h3" mb="xs" id="erasure-requests-heading">
        {t('erasure.title')}
      </Title>
      <Text mb="md">{t('erasure.intro')}</Text>
      <ErrorAlert error={confirm.error} />
      <Stack gap="xs">
        {requests.data.items.map((r) => (
          <Group key={r.id} justify="space-between" wrap="wrap" py="xs" style={{ borderBlockEnd: '1px solid var(--mantine-color-gray-3)' }}>
            <div>
              <Text fw={600}>{r.name}</Text>
              <Text size="sm" c="dimmed">
                {t('erasure.requestedOn', { email: r.email ?? '—', date: format.dateTime(r.requestedAt) })}
              </Text>
            </div>
            <Button color="red" variant="outline" size="xs" onClick={() => setChosen(r)}>
              {t('erasure.confirmButton')}
            </Button>
          </Group>
        ))}
      </Stack>
      <ConfirmDialog
        opened={chosen !== null}
        title={t('erasure.confirmButton')}
        message={t('erasure.confirmMessage', { name: chosen?.name ?? '' })}
        confirmLabel={t('erasure.confirmButton')}
        loading={confirm.isPending}
        onClose={() => setChosen(null)}
        onConfirm={() => chosen && confirm.mutate(chosen.id, { onSettled: () => setChosen(null) })}
      />
    </Card>
  );
}
