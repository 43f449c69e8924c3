import { useState } from 'react';
import { Anchor, Group, NativeSelect, SegmentedControl, Stack, Table } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useFormatters } from '../../../lib/intl';
import { networkCsvUrl, useNetworkProgress } from '../api/get-network-progress';
import { Counts } from './organisation-progress';

/** Coordinators: the network by organisation or by country, each organisation a drill-down link. */
export function NetworkProgress({ networkId }: { networkId: string }) {
  const { t, i18n } = useTranslation('courseProgress');
  const { t: tState } = useTranslation('progress');
  const format = useFormatters();
  const [by, setBy] = useState<'organisation' | 'country'>('organisation');
  const [courseId, setCourseId] = useState<string | undefined>();
  const progress = useNetworkProgress(networkId, by, courseId);
  const data = progress.data;
  return (
    <Stack>
      <ErrorAlert error={progress.error} onRetry={() => void progress.refetch()} />
      {data ? <Counts counts={data.totals} /> : <PageSkeleton />}
      <Group align="flex-end" wrap="wrap">
        <SegmentedControl
          value={by}
          onChange={(v) => setBy(v as 'organisation' | 'country')}
          data={[
            { value: 'organisation', label: t('network.byOrganisation') },
            { value: 'country', label: t('network.byCountry') },
          ]}
        />
        <NativeSelect label={t('filters.course')} value={courseId ?? ''} onChange={(e) => setCourseId(e.currentTarget.value || undefined)}>
          <option value="">{t('filters.allCourses')}</option>
          {data?.courses.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </NativeSelect>
        <Anchor href={networkCsvUrl(networkId, by, i18n.resolvedLanguage ?? 'en', courseId)} download className="course-progress__csv">
          {t('csv')}
        </Anchor>
      </Group>
      {data ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="network-progress-table">
            <caption className="course-progress__caption">{by === 'organisation' ? t('network.captionOrganisation') : t('network.captionCountry')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{by === 'organisation' ? t('table.organisation') : t('network.country')}</Table.Th>
                {by === 'organisation' ? <Table.Th scope="col">{t('network.country')}</Table.Th> : <Table.Th scope="col">{t('network.organisations')}</Table.Th>}
                <Table.Th scope="col">{t('counts.enrolled')}</Table.Th>
                <Table.Th scope="col">{tState('IN_PROGRESS')}</Table.Th>
                <Table.Th scope="col">{tState('COMPLETED')}</Table.Th>
                <Table.Th scope="col">{t('counts.overdue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Th scope="row" fw={500}>
                    {by === 'organisation' ? (
                      <Anchor component={Link} to={`/team-learning/organisations/${row.key}`}>
                        {row.name}
                      </Anchor>
                    ) : (
                      format.country(row.country)
                    )}
                  </Table.Th>
                  <Table.Td>{by === 'organisation' ? format.country(row.country) : row.organisations}</Table.Td>
                  <Table.Td>{row.enrolled}</Table.Td>
                  <Table.Td>{row.inProgress}</Table.Td>
                  <Table.Td>{row.completed}</Table.Td>
                  <Table.Td>{row.overdue}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
