import { Badge, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TargetProgress } from '@tadamon/shared';
import { useFormatters } from '../../../lib/intl';
import { BarChart } from './bar-chart';
import { useDashboardLabels } from './dashboard-labels';

const STATUS_COLOUR = { achieved: 'teal', onTrack: 'teal', behind: 'orange', missed: 'red', notStarted: 'gray', unknown: 'gray' } as const;

/** Each target of the network: where it stands, against what the time gone by asks, and its trend by month. */
export function TargetsProgress({ targets }: { targets: TargetProgress[] }) {
  const { t } = useTranslation('reports');
  const { country, day, number } = useFormatters();
  const labels = useDashboardLabels();
  if (targets.length === 0) return <Text c="dimmed">{t('targets.none')}</Text>;
  return (
    <Stack gap="md">
      {targets.map((target) => {
        const unit = target.kind === 'percentage' ? '%' : '';
        const current = target.current.value;
        const percent = current === null || target.targetValue === 0 ? 0 : Math.min(100, Math.round((current / target.targetValue) * 100));
        const name = t(`targetMetric.${target.metric}`);
        return (
          <Card withBorder key={target.id} data-testid="target-progress">
            <Group justify="space-between" mb="xs">
              <Text fw={600}>
                {name} · {target.country ? country(target.country) : t('targets.wholeNetwork')}
              </Text>
              <Badge color={STATUS_COLOUR[target.status]} variant="light">
                {t(`targets.status.${target.status}`)}
              </Badge>
            </Group>
            <Text size="sm">
              {t('targets.period', { from: day(target.periodStart), to: day(target.periodEnd) })}
            </Text>
            <Text size="sm">
              {t('targets.standing', { current: `${labels.count(target.current)}${current === null ? '' : unit}`, target: `${number(target.targetValue)}${unit}` })}
              {target.expectedByNow !== null && target.kind === 'count' ? ` · ${t('targets.expected', { count: target.expectedByNow })}` : null}
            </Text>
            <Progress value={percent} mt="xs" aria-label={t('targets.progressLabel', { name, percent })} color="teal" />
            {target.trend.length > 1 ? (
              <div style={{ marginBlockStart: 'var(--mantine-spacing-sm)' }}>
                <BarChart title={t('targets.trend', { name })} points={target.trend.map((p) => ({ key: p.month, label: labels.month(p.month), value: p.value }))} />
              </div>
            ) : null}
          </Card>
        );
      })}
    </Stack>
  );
}
