import { useState } from 'react';
import { Alert, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useFormatters } from '../../../lib/intl';
import { useFailedJobs } from '../api/get-failed-jobs';
import { useRetryJob } from '../api/retry-job';

/**
 * The dead letters: background jobs (e-mails, PDFs, media) that failed after every retry. Once
 * the cause is fixed (the mail server is back, say) an admin sends them through again.
 */
export function FailedJobsRoute() {
  const { t } = useTranslation('admin');
  const format = useFormatters();
  const jobs = useFailedJobs();
  const retry = useRetryJob();
  const [retried, setRetried] = useState<string | null>(null);

  return (
    <Stack gap="lg">
      <Title order={1}>{t('jobs.title')}</Title>
      <Text c="dimmed">{t('jobs.intro')}</Text>
      <ErrorAlert error={jobs.error ?? retry.error} onRetry={() => void jobs.refetch()} />
      {retried ? (
        <Alert color="green" role="status">
          {t('jobs.retried', { name: retried })}
        </Alert>
      ) : null}
      {jobs.isPending ? <PageSkeleton /> : null}
      {jobs.data?.items.length === 0 ? <Text>{t('jobs.empty')}</Text> : null}
      {jobs.data && jobs.data.items.length > 0 ? (
        <Table.ScrollContainer minWidth={600}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('jobs.name')}</Table.Th>
                <Table.Th>{t('jobs.reason')}</Table.Th>
                <Table.Th>{t('jobs.attempts')}</Table.Th>
                <Table.Th>{t('jobs.failedAt')}</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">{t('jobs.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {jobs.data.items.map((job) => (
                <Table.Tr key={job.id} data-testid="failed-job">
                  <Table.Td>
                    <Text ff="monospace" size="sm" dir="ltr">
                      {job.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" dir="ltr" style={{ overflowWrap: 'anywhere' }}>
                      {job.reason}
                    </Text>
                  </Table.Td>
                  <Table.Td>{format.number(job.attempts)}</Table.Td>
                  <Table.Td>{format.dateTime(job.failedAt)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      loading={retry.isPending && retry.variables === job.id}
                      onClick={() => {
                        setRetried(null);
                        retry.mutate(job.id, { onSuccess: () => setRetried(job.name) });
                      }}
                      aria-label={t('jobs.retryNamed', { name: job.name })}
                    >
                      {t('jobs.retry')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
