import { useState } from 'react';
import { Alert, Button, Card, Skeleton, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import { useCancelErasure } from '../api/cancel-erasure';
import { useErasureRequest } from '../api/get-erasure-request';
import { useRequestErasure } from '../api/request-erasure';

/** "Erase my account": the request waits for a leader's or coordinator's confirmation. */
export function ErasureCard() {
  const { t } = useTranslation('profile');
  const format = useFormatters();
  const current = useErasureRequest();
  const request = useRequestErasure();
  const cancel = useCancelErasure();
  const [confirming, setConfirming] = useState(false);
  const pending = current.data?.request;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="profile-erasure">
      <Title order={2} size="h3" mb="xs" id="profile-erasure">
        {t('erasure.title')}
      </Title>
      <Text mb="md">{t('erasure.intro')}</Text>
      {current.isPending ? (
        <Skeleton height={36} />
      ) : current.error ? (
        <ErrorAlert error={current.error} onRetry={() => void current.refetch()} />
      ) : pending ? (
        <>
          <Alert color="orange" mb="md" data-testid="erasure-pending">
            {t('erasure.pending', { date: format.dateTime(pending.requestedAt) })}
          </Alert>
          <ErrorAlert error={cancel.error} />
          <Button w="fit-content" variant="default" loading={cancel.isPending} onClick={() => cancel.mutate()}>
            {t('erasure.cancel')}
          </Button>
        </>
      ) : (
        <>
          <ErrorAlert error={request.error} />
          <Button w="fit-content" color="red" variant="outline" onClick={() => setConfirming(true)}>
            {t('erasure.request')}
          </Button>
        </>
      )}
      <ConfirmDialog
        opened={confirming}
        title={t('erasure.request')}
        message={t('erasure.confirm')}
        confirmLabel={t('erasure.request')}
        loading={request.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => request.mutate(undefined, { onSettled: () => setConfirming(false) })}
      />
    </Card>
  );
}
