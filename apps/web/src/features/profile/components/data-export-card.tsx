import { Alert, Anchor, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DataExport } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormatters } from '../../../lib/intl';
import { useDataExports } from '../api/get-data-exports';
import { useRequestDataExport } from '../api/request-data-export';

function ExportRow({ item }: { item: DataExport }) {
  const { t } = useTranslation('profile');
  const format = useFormatters();
  if (item.status === 'PENDING') return <Text>{t('dataExport.pending', { date: format.dateTime(item.createdAt) })}</Text>;
  if (item.status === 'FAILED') return <Text c="red">{t('dataExport.failed')}</Text>;
  const megabytes = ((item.sizeBytes ?? 0) / 1_000_000).toFixed(1);
  return (
    <Group gap="sm" wrap="wrap">
      <Anchor href={item.downloadPath} download data-testid="data-export-download">
        {t('dataExport.download', { size: megabytes })}
      </Anchor>
      {item.expiresAt ? (
        <Text size="sm" c="dimmed">
          {t('dataExport.until', { date: format.dateTime(item.expiresAt) })}
        </Text>
      ) : null}
    </Group>
  );
}

/** "Download all my data": ask, wait for the job (the list refreshes itself), download. */
export function DataExportCard() {
  const { t } = useTranslation('profile');
  const exports = useDataExports();
  const request = useRequestDataExport();
  const latest = exports.data?.items[0];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="profile-data-export">
      <Title order={2} size="h3" mb="xs" id="profile-data-export">
        {t('dataExport.title')}
      </Title>
      <Text mb="md">{t('dataExport.intro')}</Text>
      {exports.isPending ? (
        <Skeleton height={24} mb="md" />
      ) : exports.error ? (
        <ErrorAlert error={exports.error} onRetry={() => void exports.refetch()} />
      ) : latest ? (
        <Stack gap="xs" mb="md" aria-live="polite">
          <ExportRow item={latest} />
        </Stack>
      ) : null}
      <ErrorAlert error={request.error} />
      {request.isSuccess && latest?.status !== 'READY' ? (
        <Alert color="blue" mb="md">
          {t('dataExport.requested')}
        </Alert>
      ) : null}
      <Button w="fit-content" variant="default" loading={request.isPending} disabled={latest?.status === 'PENDING'} onClick={() => request.mutate()}>
        {t('dataExport.request')}
      </Button>
    </Card>
  );
}
