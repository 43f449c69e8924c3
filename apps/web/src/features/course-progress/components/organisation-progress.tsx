import { useState } from 'react';
import { Anchor, Button, Group, NativeSelect, Pagination, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { ProgressCounts } from '@tadamon/shared';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useUnassignCourse } from '../api/assign-courses';
import { organisationCsvUrl, useOrganisationProgress, type ProgressFilters } from '../api/get-organisation-progress';
import { ProgressTable } from './progress-table';
import { useSignedInSession } from '../../../lib/session';

/** One organisation's progress table: counts, filters, pages of 50, CSV of everything filtered. */
export function OrganisationProgress({ organisationId, canAssign }: { organisationId: string; canAssign: boolean }) {
  const { t, i18n } = useTranslation('courseProgress');
  const { t: tState } = useTranslation('progress');
  // Issuing a certificate starts where completions are seen.
  const canIssue = useSignedInSession().permissions.includes('certificates.issue');
  const [filters, setFilters] = useState<ProgressFilters>({ page: 1 });
  const [search, setSearch] = useState('');
  const progress = useOrganisationProgress(organisationId, filters);
  const unassign = useUnassignCourse();
  const [withdrawing, setWithdrawing] = useState<{ enrolmentId: string; name: string; course: string } | null>(null);
  const set = (change: Partial<ProgressFilters>) => setFilters((f) => ({ ...f, ...change, page: change.page ?? 1 }));
  const data = progress.data;

  return (
    <Stack>
      <ErrorAlert error={progress.error} onRetry={() => void progress.refetch()} />
      {data ? <Counts counts={data.counts} /> : null}
      <Group align="flex-end" wrap="wrap" gap="sm">
        <NativeSelect
          label={t('filters.course')}
          value={filters.courseId ?? ''}
          onChange={(e) => set({ courseId: e.currentTarget.value || undefined })}
        >
          <option value="">{t('filters.allCourses')}</option>
          {data?.courses.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </NativeSelect>
        <NativeSelect
          label={t('filters.status')}
          value={filters.status ?? ''}
          onChange={(e) => set({ status: (e.currentTarget.value || undefined) as ProgressFilters['status'] })}
        >
          <option value="">{t('filters.allStatuses')}</option>
          {(['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'OVERDUE'] as const).map((s) => (
            <option key={s} value={s}>
              {s === 'OVERDUE' ? t('status.OVERDUE') : tState(s)}
            </option>
          ))}
        </NativeSelect>
        <form
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            set({ q: search.trim() || undefined });
          }}
        >
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput label={t('filters.name')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} maxLength={100} />
            <Button type="submit" variant="default">
              {t('filters.search')}
            </Button>
          </Group>
        </form>
        <Anchor href={organisationCsvUrl(organisationId, filters, i18n.resolvedLanguage ?? 'en')} download className="course-progress__csv">
          {t('csv')}
        </Anchor>
      </Group>
      {!data && progress.isPending ? <PageSkeleton /> : null}
      {data ? (
        <>
          <ProgressTable
            rows={data.items}
            caption={t('table.caption', { organisation: data.organisation.name })}
            issueOrganisationId={canIssue ? organisationId : undefined}
            onUnassign={canAssign ? (row) => setWithdrawing({ enrolmentId: row.enrolmentId, name: row.name, course: row.courseTitle }) : undefined}
          />
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('table.showing', { count: data.total })}
          </Text>
          {data.total > data.pageSize ? (
            <Pagination
              total={Math.ceil(data.total / data.pageSize)}
              value={data.page}
              onChange={(page) => setFilters((f) => ({ ...f, page }))}
              getControlProps={(control) => ({ 'aria-label': t(`pager.${control}`) })}
            />
          ) : null}
        </>
      ) : null}
      <ErrorAlert error={unassign.error} />
      <ConfirmDialog
        opened={!!withdrawing}
        title={t('unassign.title')}
        message={withdrawing ? t('unassign.message', { name: withdrawing.name, course: withdrawing.course }) : ''}
        confirmLabel={t('unassign.confirm')}
        loading={unassign.isPending}
        onClose={() => setWithdrawing(null)}
        onConfirm={() => {
          if (!withdrawing) return;
          unassign.mutate(withdrawing.enrolmentId, { onSettled: () => setWithdrawing(null) });
        }}
      />
    </Stack>
  );
}

export function Counts({ counts }: { counts: ProgressCounts }) {
  const { t } = useTranslation('courseProgress');
  const { t: tState } = useTranslation('progress');
  const items = [
    ['enrolled', counts.enrolled],
    ['NOT_STARTED', counts.notStarted],
    ['IN_PROGRESS', counts.inProgress],
    ['COMPLETED', counts.completed],
    ['overdue', counts.overdue],
  ] as const;
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs" component="dl" className="course-progress__counts">
      {items.map(([key, value]) => (
        <div key={key} className="course-progress__count">
          <Text component="dt" size="sm" c="dimmed">
            {key === 'enrolled' || key === 'overdue' ? t(`counts.${key}`) : tState(key)}
          </Text>
          <Text component="dd" fw={700} size="xl">
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
