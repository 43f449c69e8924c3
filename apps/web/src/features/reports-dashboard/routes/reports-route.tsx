import { useState } from 'react';
import { Anchor, Card, Group, NativeSelect, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DASHBOARD_METRICS, type Dashboard, type DashboardDimension, type DashboardMetric } from '@tadamon/shared';
import { ErrorAlert } from '../../../components/error-alert';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useSignedInSession } from '../../../lib/session';
import { networkReportUrl, useNetworkDashboard, type Period } from '../api/get-network-dashboard';
import { organisationReportUrl, useOrganisationDashboard } from '../api/get-organisation-dashboard';
import { BarChart } from '../components/bar-chart';
import { useDashboardLabels } from '../components/dashboard-labels';
import { TargetsProgress } from '../components/targets-progress';

type Scope = { kind: 'network' | 'organisation'; id: string; name: string };

/** Coordinators: their network's dashboard (and any organisation of it). Leaders: their organisation's. */
export function ReportsRoute() {
  const { t, i18n } = useTranslation('reports');
  const session = useSignedInSession();
  const scopes: Scope[] = [
    ...session.networkRoles.filter((r) => r.role === 'COORDINATOR').map((r) => ({ kind: 'network' as const, id: r.networkId, name: r.networkName })),
    ...session.memberships.filter((m) => m.role === 'ORG_LEADER').map((m) => ({ kind: 'organisation' as const, id: m.organisationId, name: m.organisationName })),
  ];
  const [scopeKey, setScopeKey] = useState(scopes[0] ? `${scopes[0].kind}:${scopes[0].id}` : '');
  const scope = scopes.find((s) => `${s.kind}:${s.id}` === scopeKey) ?? scopes[0] ?? null;
  const [period, setPeriod] = useState<Period>({});
  const network = useNetworkDashboard(scope?.kind === 'network' ? scope.id : null, period);
  const organisation = useOrganisationDashboard(scope?.kind === 'organisation' ? scope.id : null, period);
  const query = scope?.kind === 'organisation' ? organisation : network;
  const language = i18n.resolvedLanguage ?? 'en';
  const url = (format: 'csv' | 'pdf') =>
    scope?.kind === 'organisation' ? organisationReportUrl(scope.id, format, period, language) : networkReportUrl(scope?.id ?? '', format, period, language);
  const month = (value: string) => (/^\d{4}-\d{2}$/.test(value) ? value : undefined);
  return (
    <Stack gap="lg">
      <Title order={1}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      {scope === null ? (
        <Text>{t('noScope')}</Text>
      ) : (
        <>
          <Group align="end" wrap="wrap">
            {scopes.length > 1 ? (
              <NativeSelect
                label={t('scope')}
                value={scopeKey}
                onChange={(e) => setScopeKey(e.currentTarget.value)}
                data={scopes.map((s) => ({ value: `${s.kind}:${s.id}`, label: s.name }))}
              />
            ) : null}
            <TextInput type="month" label={t('from')} value={period.from ?? query.data?.period.from ?? ''} onChange={(e) => setPeriod((p) => ({ ...p, from: month(e.currentTarget.value) }))} />
            <TextInput type="month" label={t('to')} value={period.to ?? query.data?.period.to ?? ''} onChange={(e) => setPeriod((p) => ({ ...p, to: month(e.currentTarget.value) }))} />
            <Anchor href={url('csv')} download data-testid="download-csv">
              {t('downloadCsv')}
            </Anchor>
            <Anchor href={url('pdf')} download>
              {t('downloadPdf')}
            </Anchor>
          </Group>
          <Text size="sm" c="dimmed">
            {t('suppressionNote', { count: 5 })}
          </Text>
          {query.isPending ? <PageSkeleton /> : query.error ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : <DashboardView dashboard={query.data} />}
        </>
      )}
    </Stack>
  );
}

function DashboardView({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation('reports');
  const labels = useDashboardLabels();
  const [metric, setMetric] = useState<DashboardMetric>('coursesCompleted');
  const [interval, setInterval] = useState<'month' | 'quarter'>('month');
  const [dimension, setDimension] = useState<DashboardDimension>('country');
  const points = (interval === 'month' ? dashboard.months : dashboard.quarters).map((p) => ({
    key: p.key,
    label: interval === 'month' ? labels.month(p.key) : labels.quarter(p.key),
    value: p.values[metric],
  }));
  const breakdown = dashboard.breakdowns.find((b) => b.dimension === dimension)!;
  return (
    <Stack gap="lg" data-testid="reports-dashboard">
      <section aria-labelledby="reports-figures">
        <Title order={2} size="h3" id="reports-figures" mb="sm">
          {t('figures')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {DASHBOARD_METRICS.map((m) => (
            <Card withBorder key={m} data-testid={`figure-${m}`}>
              <Text size="sm">{t(`metric.${m}`)}</Text>
              <Text fw={700} size="xl">
                {labels.count(dashboard.figures[m])}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      </section>
      <section aria-labelledby="reports-over-time">
        <Title order={2} size="h3" id="reports-over-time" mb="sm">
          {t('overTime')}
        </Title>
        <Group mb="sm" align="end">
          <NativeSelect label={t('metricLabel')} value={metric} onChange={(e) => setMetric(e.currentTarget.value as DashboardMetric)} data={DASHBOARD_METRICS.map((m) => ({ value: m, label: t(`metric.${m}`) }))} />
          <SegmentedControl
            aria-label={t('interval')}
            value={interval}
            onChange={(v) => setInterval(v as 'month' | 'quarter')}
            data={[
              { value: 'month', label: t('byMonth') },
              { value: 'quarter', label: t('byQuarter') },
            ]}
          />
        </Group>
        <BarChart title={`${t(`metric.${metric}`)} · ${interval === 'month' ? t('byMonth') : t('byQuarter')}`} points={points} />
      </section>
      <section aria-labelledby="reports-breakdown">
        <Title order={2} size="h3" id="reports-breakdown" mb="sm">
          {t('breakdown')}
        </Title>
        <NativeSelect
          label={t('breakdownBy')}
          value={dimension}
          onChange={(e) => setDimension(e.currentTarget.value as DashboardDimension)}
          data={dashboard.breakdowns.map((b) => ({ value: b.dimension, label: t(`dimension.${b.dimension}`) }))}
          mb="sm"
          maw={280}
        />
        {/* A table of figures has nothing to focus: the scrolling region itself takes keyboard focus (WCAG 2.1.1). */}
        <Table.ScrollContainer
          minWidth={600}
          scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': t(`dimension.${dimension}`) } }}
        >
          <Table data-testid="breakdown-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t(`dimension.${dimension}`)}</Table.Th>
                {breakdown.metrics.map((m) => (
                  <Table.Th scope="col" key={m}>
                    {t(`metric.${m}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {breakdown.rows.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Th scope="row">{labels.row(dimension, row.key, row.label)}</Table.Th>
                  {breakdown.metrics.map((m) => (
                    <Table.Td key={m}>{labels.count(row.values[m])}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
      {dashboard.scope.kind === 'network' ? (
        <section aria-labelledby="reports-targets">
          <Title order={2} size="h3" id="reports-targets" mb="sm">
            {t('targets.title')}
          </Title>
          <TargetsProgress targets={dashboard.targets} />
        </section>
      ) : null}
    </Stack>
  );
}
