import { SegmentedControl, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { Completions } from '@tadamon/shared';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { dateLocale, useFormatters } from '../../../lib/intl';
import { useCompletions, type CompletionsScope } from '../api/get-completions';

/**
 * Completions per week or month as a plain SVG bar chart: no chart library (the candidates
 * that run on React 19 weigh 50–100 kB gzip, too much for 3G), bars drawn in logical order so
 * the chart mirrors in Arabic, and the same figures in a table for screen readers.
 */
export function CompletionsChart({ scope, courseId }: { scope: CompletionsScope; courseId?: string }) {
  const { t } = useTranslation('courseProgress');
  const [interval, setInterval] = useState<'week' | 'month'>('week');
  const completions = useCompletions(scope, interval, courseId);
  const titleId = useId();
  return (
    <Stack gap="xs" component="section" aria-labelledby={titleId}>
      <Title order={2} size="h3" id={titleId}>
        {t('chart.title')}
      </Title>
      <SegmentedControl
        value={interval}
        onChange={(v) => setInterval(v as 'week' | 'month')}
        data={[
          { value: 'week', label: t('chart.perWeek') },
          { value: 'month', label: t('chart.perMonth') },
        ]}
        w="fit-content"
      />
      <ErrorAlert error={completions.error} onRetry={() => void completions.refetch()} />
      {completions.data ? <Bars data={completions.data} /> : null}
    </Stack>
  );
}

function Bars({ data }: { data: Completions }) {
  const { t } = useTranslation('courseProgress');
  const format = useFormatters();
  const max = Math.max(1, ...data.items.map((i) => i.completions));
  const label = (start: string) => (data.interval === 'week' ? t('chart.weekOf', { date: format.date(start) }) : monthLabel(start, format.language));
  const width = 100 / data.items.length;
  const total = data.items.reduce((n, i) => n + i.completions, 0);
  return (
    <>
      <Text size="sm" c="dimmed">
        {t('chart.total', { count: total })}
      </Text>
      {/* Decorative for assistive technology: the table below carries the same figures. */}
      <div className="completions-chart" aria-hidden="true">
        <svg viewBox="0 0 100 40" preserveAspectRatio="none" className="completions-chart__bars">
          {data.items.map((item, index) => {
            const height = (item.completions / max) * 36;
            return <rect key={item.start} x={index * width + width * 0.15} width={width * 0.7} y={40 - height} height={height} rx={0.6} />;
          })}
        </svg>
        <div className="completions-chart__labels">
          {data.items.map((item, index) => (
            <span key={item.start}>{index % 3 === 0 || index === data.items.length - 1 ? shortLabel(item.start, data.interval, format.language) : ''}</span>
          ))}
        </div>
      </div>
      <VisuallyHidden>
        <Table>
          <caption>{t('chart.tableCaption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('chart.period')}</Table.Th>
              <Table.Th scope="col">{t('chart.completions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((item) => (
              <Table.Tr key={item.start}>
                <Table.Th scope="row">{label(item.start)}</Table.Th>
                <Table.Td>{format.number(item.completions)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </>
  );
}

function monthLabel(start: string, language: string) {
  return new Intl.DateTimeFormat(dateLocale(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${start}T00:00:00Z`));
}

function shortLabel(start: string, interval: 'week' | 'month', language: string) {
  const options: Intl.DateTimeFormatOptions = interval === 'week' ? { day: 'numeric', month: 'short', timeZone: 'UTC' } : { month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(dateLocale(language), options).format(new Date(`${start}T00:00:00Z`));
}
