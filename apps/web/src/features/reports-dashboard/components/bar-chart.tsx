import { useId, useState } from 'react';
import { Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublishedCount } from '@tadamon/shared';
import { accessibleColors } from '../../../app/accessible-colors';
import { useFormatters } from '../../../lib/intl';
import { directionOf } from '../../../lib/languages';

export interface ChartPoint {
  key: string;
  label: string;
  value: PublishedCount | undefined;
}

const WIDTH = 640;
const HEIGHT = 200;
const AXIS = 28;
// Teal shade 7 of the accessible palette: 4.6:1 on white, well past the 3:1 a graphic needs.
const BAR = accessibleColors.teal![7];
const WITHHELD = accessibleColors.teal![9];

/**
 * A bar chart drawn as inline SVG (no chart library on this route), with its table view one
 * click away. Each bar takes keyboard focus and names its period and value; a withheld count
 * is a dashed bar saying "fewer than 5". In Arabic the time axis runs right to left.
 */
export function BarChart({ title, points }: { title: string; points: ChartPoint[] }) {
  const { t, i18n } = useTranslation('reports');
  const { number } = useFormatters();
  const [asTable, setAsTable] = useState(false);
  const [focused, setFocused] = useState<string | null>(null);
  const titleId = useId();
  // The language asked for, not i18next's resolvedLanguage (which lags until strings arrive).
  const rtl = directionOf(i18n.language) === 'rtl';
  const max = Math.max(1, ...points.map((p) => p.value?.value ?? 0));
  const slot = WIDTH / Math.max(1, points.length);
  const barWidth = Math.min(40, slot * 0.6);
  const shown = (p: ChartPoint) => (p.value?.suppressed ? t('fewerThan', { count: 5 }) : number(p.value?.value ?? 0));
  return (
    <figure className="reports-chart" aria-labelledby={titleId} style={{ margin: 0 }}>
      <Group justify="space-between" mb="xs">
        <Text component="figcaption" fw={600} id={titleId}>
          {title}
        </Text>
        <Button variant="default" size="xs" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
          {asTable ? t('chart.showChart') : t('chart.showTable')}
        </Button>
      </Group>
      {asTable ? (
        <Table data-testid="chart-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('chart.period')}</Table.Th>
              <Table.Th scope="col">{title}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {points.map((p) => (
              <Table.Tr key={p.key}>
                <Table.Th scope="row">{p.label}</Table.Th>
                <Table.Td>{shown(p)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} width="100%" role="list" aria-labelledby={titleId} data-testid="chart-svg" style={{ maxWidth: WIDTH, overflow: 'visible' }}>
          <line x1={0} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} stroke="currentColor" strokeWidth={1} />
          {points.map((p, i) => {
            const index = rtl ? points.length - 1 - i : i;
            const x = index * slot + (slot - barWidth) / 2;
            const value = p.value?.value ?? 0;
            const withheld = !!p.value?.suppressed;
            const height = withheld ? HEIGHT * 0.12 : (value / max) * (HEIGHT - 20);
            const y = HEIGHT - height;
            return (
              <g
                key={p.key}
                role="listitem"
                tabIndex={0}
                aria-label={t('chart.bar', { period: p.label, value: shown(p) })}
                onFocus={() => setFocused(p.key)}
                onBlur={() => setFocused(null)}
                data-testid="chart-bar"
              >
                {withheld ? (
                  <rect x={x} y={y} width={barWidth} height={height} fill="none" stroke={WITHHELD} strokeWidth={2} strokeDasharray="4 3" />
                ) : (
                  <rect x={x} y={y} width={barWidth} height={Math.max(height, value > 0 ? 1 : 0)} fill={BAR} />
                )}
                {focused === p.key ? <rect x={x - 4} y={y - 22} width={barWidth + 8} height={height + 26} fill="none" stroke="currentColor" strokeWidth={3} /> : null}
                <text x={x + barWidth / 2} y={y - 6} textAnchor="middle" fontSize={11} fill="currentColor">
                  {withheld ? '<5' : number(value)}
                </text>
                <text x={x + barWidth / 2} y={HEIGHT + 16} textAnchor="middle" fontSize={11} fill="currentColor">
                  {p.label}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
