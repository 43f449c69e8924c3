import { useState } from 'react';
import { Button, Card, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REPORT_METRIC_KIND, type ReportTarget } from '@tadamon/shared';
import { useReportTargets } from '../../../api/get-report-targets';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useFormatters } from '../../../lib/intl';
import { useDeleteReportTarget } from '../api/delete-report-target';
import { TargetForm } from '../components/target-form';
import { PerCoordinatedNetwork } from '../../../components/per-coordinated-network';

/** Coordinators: the targets of their network, for the whole network or per country. */
export function ReportTargetsRoute() {
  const { t } = useTranslation('reportTargets');
  return (
    <PerCoordinatedNetwork title={t('title')} intro={t('intro')} noNetwork={t('noNetwork')}>
      {(network) => <NetworkTargets key={network.networkId} networkId={network.networkId} networkName={network.networkName} />}
    </PerCoordinatedNetwork>
  );
}

function NetworkTargets({ networkId, networkName }: { networkId: string; networkName: string }) {
  const { t } = useTranslation('reportTargets');
  const targets = useReportTargets(networkId);
  const remove = useDeleteReportTarget();
  const [editing, setEditing] = useState<ReportTarget | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ReportTarget | null>(null);
  const headingId = `targets-${networkId}`;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId} data-testid="report-targets">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h3" id={headingId}>
          {networkName}
        </Title>
        {editing === null ? <Button onClick={() => setEditing('new')}>{t('add')}</Button> : null}
      </Group>
      {editing !== null ? (
        <Card withBorder padding="md" mb="md">
          <TargetForm networkId={networkId} target={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
        </Card>
      ) : null}
      <ErrorAlert error={remove.error} />
      {targets.isPending ? (
        <PageSkeleton />
      ) : targets.error ? (
        <ErrorAlert error={targets.error} onRetry={() => void targets.refetch()} />
      ) : targets.data.items.length === 0 ? (
        <Text c="dimmed">{t('empty')}</Text>
      ) : (
        <TargetsTable targets={targets.data.items} onEdit={setEditing} onDelete={setDeleting} />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('delete')}
        message={t('deleteConfirm', { metric: deleting ? t(`metrics.${deleting.metric}`) : '' })}
        confirmLabel={t('delete')}
        loading={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id, networkId }, { onSettled: () => setDeleting(null) })}
      />
    </Card>
  );
}

function TargetsTable({ targets, onEdit, onDelete }: { targets: ReportTarget[]; onEdit: (t: ReportTarget) => void; onDelete: (t: ReportTarget) => void }) {
  const { t } = useTranslation('reportTargets');
  const format = useFormatters();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('columns.metric')}</Table.Th>
            <Table.Th scope="col">{t('columns.scope')}</Table.Th>
            <Table.Th scope="col">{t('columns.target')}</Table.Th>
            <Table.Th scope="col">{t('columns.period')}</Table.Th>
            <Table.Th scope="col">{t('columns.note')}</Table.Th>
            <Table.Th scope="col">{t('columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {targets.map((target) => {
            const metric = t(`metrics.${target.metric}`);
            return (
              <Table.Tr key={target.id} data-testid="report-target-row">
                <Table.Th scope="row" fw={500}>
                  {metric}
                </Table.Th>
                <Table.Td>{target.country ? format.country(target.country) : t('wholeNetwork')}</Table.Td>
                <Table.Td>
                  {REPORT_METRIC_KIND[target.metric] === 'percentage'
                    ? t('percentage', { value: format.number(target.targetValue) })
                    : format.number(target.targetValue)}
                </Table.Td>
                <Table.Td>{t('period', { start: format.day(target.periodStart), end: format.day(target.periodEnd) })}</Table.Td>
                <Table.Td>{target.note}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" variant="default" onClick={() => onEdit(target)} aria-label={t('editNamed', { metric })}>
                      {t('edit')}
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => onDelete(target)} aria-label={t('deleteNamed', { metric })}>
                      {t('delete')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
