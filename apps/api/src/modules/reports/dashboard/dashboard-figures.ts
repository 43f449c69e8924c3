import {
  DASHBOARD_METRICS,
  NOT_ANSWERED,
  PERSON_METRICS,
  type DashboardBreakdown,
  type DashboardDimension,
  type DashboardMetric,
  type DashboardPoint,
  type MetricValues,
} from '@tadamon/shared';
import type { Dimension, FactKind, FactRow, ValidRow } from './dashboard.repository.js';
import { published, suppressedEntries, type SumRelation } from './small-cell-suppression.js';

/** Where each metric's number comes from: which fact rows, and which of their counts. */
const SOURCE: Record<Exclude<DashboardMetric, 'certificatesValid'>, { kind: FactKind; count: 'events' | 'people' | 'materials' | 'organisations' }> = {
  peopleTrained: { kind: 'completion', count: 'people' },
  coursesCompleted: { kind: 'completion', count: 'events' },
  certificatesIssued: { kind: 'certificate', count: 'events' },
  organisationsAccredited: { kind: 'accreditation', count: 'organisations' },
  meetingsHeld: { kind: 'meeting', count: 'events' },
  meetingsAttended: { kind: 'attendance', count: 'events' },
  materialsUsed: { kind: 'material', count: 'materials' },
};

/** The metrics each breakdown has: a topic belongs to courses and materials; a language to people. */
export const BREAKDOWN_METRICS: Record<DashboardDimension, readonly DashboardMetric[]> = {
  country: DASHBOARD_METRICS,
  continent: DASHBOARD_METRICS,
  organisation: DASHBOARD_METRICS,
  topic: ['peopleTrained', 'coursesCompleted', 'materialsUsed'],
  language: PERSON_METRICS,
  gender: PERSON_METRICS,
  ageBand: PERSON_METRICS,
};

/** People with no (consented) answer group under NOT_ANSWERED; other rows without a key have no such breakdown. */
const keyOf = (row: { dimension: Dimension; key: string | null }) => row.key ?? (row.dimension === 'gender' || row.dimension === 'ageBand' ? NOT_ANSWERED : '');

const isPersonMetric = (m: DashboardMetric) => (PERSON_METRICS as readonly DashboardMetric[]).includes(m);

export interface Layout {
  months: string[];
  quarters: string[];
  /** Rows of each breakdown, in display order, with their labels. */
  rows: Record<DashboardDimension, { key: string; label: string | null }[]>;
  /** Country of each organisation and continent of each country, for the relations between breakdowns. */
  countryOf: Map<string, string>;
  continentOf: Map<string, string>;
}

export interface Figures {
  figures: MetricValues;
  months: DashboardPoint[];
  quarters: DashboardPoint[];
  breakdowns: DashboardBreakdown[];
}

/** The month's quarter key, as the SQL writes it (`2026-Q3`). */
export const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

/**
 * Turns the repository's counts into the published dashboard: every metric by total, month,
 * quarter and breakdown, with small counts of people withheld together with whatever would
 * give them away. Each person metric is protected on its own, over all its published numbers
 * at once, because they are tied together: months add up to quarters and to the total,
 * organisations to their country, countries to their continent and to the total.
 */
export function assembleFigures(facts: FactRow[], valid: ValidRow[], layout: Layout): Figures {
  const raw = new Map<string, number>();
  const at = (metric: DashboardMetric, dimension: Dimension, key: string) => raw.get(`${metric}|${dimension}|${key}`) ?? 0;
  for (const row of facts) {
    for (const [metric, source] of Object.entries(SOURCE)) {
      if (source.kind === row.kind) raw.set(`${metric}|${row.dimension}|${keyOf(row)}`, row[source.count]);
    }
  }
  for (const row of valid) raw.set(`certificatesValid|${row.dimension}|${keyOf(row)}`, row.valid);

  const figures: MetricValues = {};
  const months: DashboardPoint[] = layout.months.map((key) => ({ key, values: {} }));
  const quarters: DashboardPoint[] = layout.quarters.map((key) => ({ key, values: {} }));
  const breakdowns: DashboardBreakdown[] = (Object.keys(BREAKDOWN_METRICS) as DashboardDimension[]).map((dimension) => ({
    dimension,
    metrics: [...BREAKDOWN_METRICS[dimension]],
    rows: layout.rows[dimension].map((row) => ({ ...row, values: {} })),
  }));

  for (const metric of DASHBOARD_METRICS) {
    // Every number published for this metric, with where it goes.
    const values: number[] = [];
    const place: ((shown: ReturnType<typeof published>) => void)[] = [];
    const add = (value: number, put: (shown: ReturnType<typeof published>) => void) => {
      values.push(value);
      place.push(put);
      return values.length - 1;
    };
    const total = add(at(metric, 'total', ''), (p) => (figures[metric] = p));
    const relations: SumRelation[] = [];
    const stock = metric === 'certificatesValid';
    const monthIds = months.map((point) => add(at(metric, 'month', point.key), (p) => (point.values[metric] = p)));
    // A stock has no quarter of its own: it is the value at the quarter's last month.
    const quarterIds = quarters.map((point) => {
      const inQuarter = layout.months.filter((m) => quarterOf(m) === point.key);
      const value = stock ? at(metric, 'month', inQuarter[inQuarter.length - 1] ?? '') : at(metric, 'quarter', point.key);
      return add(value, (p) => (point.values[metric] = p));
    });
    if (!stock) {
      relations.push({ parts: monthIds, total }, { parts: quarterIds, total });
      quarters.forEach((point, q) => relations.push({ parts: layout.months.flatMap((m, i) => (quarterOf(m) === point.key ? [monthIds[i]!] : [])), total: quarterIds[q]! }));
    }
    const ids = new Map<string, number>();
    for (const breakdown of breakdowns) {
      if (!breakdown.metrics.includes(metric)) continue;
      const rowIds = breakdown.rows.map((row) => {
        const id = add(at(metric, breakdown.dimension, row.key), (p) => (row.values[metric] = p));
        ids.set(`${breakdown.dimension}|${row.key}`, id);
        return id;
      });
      relations.push({ parts: rowIds, total });
    }
    // Organisations add up to their country, countries to their continent.
    for (const [dimension, parent, parentOf] of [
      ['organisation', 'country', layout.countryOf],
      ['country', 'continent', layout.continentOf],
    ] as const) {
      const groups = new Map<number, number[]>();
      for (const row of layout.rows[dimension]) {
        const partId = ids.get(`${dimension}|${row.key}`);
        const parentId = ids.get(`${parent}|${parentOf.get(row.key) ?? ''}`);
        if (partId === undefined || parentId === undefined) continue;
        groups.set(parentId, [...(groups.get(parentId) ?? []), partId]);
      }
      for (const [parentId, parts] of groups) relations.push({ parts, total: parentId });
    }
    const hidden = isPersonMetric(metric) ? suppressedEntries(values, relations) : values.map(() => false);
    values.forEach((value, i) => place[i]!(published(value, hidden[i]!)));
  }
  return { figures, months, quarters, breakdowns };
}

/** The months from `from` to `to` (YYYY-MM), both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  while (y * 12 + m <= end) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
