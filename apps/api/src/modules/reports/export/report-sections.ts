import { DASHBOARD_METRICS, type Dashboard, type DashboardBreakdown, type Language, type PublishedCount } from '@tadamon/shared';
import { REPORT_TEXTS, type ReportTexts } from './report-texts.js';

/** One table of the report: a heading, its column names and its rows of cells. */
export interface ReportSection {
  heading: string;
  columns: string[];
  rows: (string | number)[][];
}

export interface ReportDocument {
  title: string;
  subtitle: string;
  /** The same as `title` and `subtitle` in parts, so that the PDF writes each run of one direction on a line of its own. */
  heading: string;
  name: string;
  periodLabel: string;
  period: string;
  note: string;
  sections: ReportSection[];
  texts: ReportTexts;
}

/**
 * The dashboard as the tables a reader of the CSV or the PDF gets, in their language: the same
 * numbers the API answers, each withheld one written as "fewer than 5", never as a number.
 */
export function reportDocument(d: Dashboard, language: Language): ReportDocument {
  const t = REPORT_TEXTS[language];
  const cell = (p: PublishedCount | undefined) => (p === undefined ? '' : p.suppressed || p.value === null ? t.fewerThan : p.value);
  const countryName = new Intl.DisplayNames([language], { type: 'region' });
  const languageName = new Intl.DisplayNames([language], { type: 'language' });
  const label = (b: DashboardBreakdown, key: string, fallback: string | null): string => {
    switch (b.dimension) {
      case 'country':
        return safely(() => countryName.of(key), key);
      case 'continent':
        return t.continent[key] ?? key;
      case 'topic':
        return fallback ?? t.topic[key] ?? key;
      case 'language':
        return safely(() => languageName.of(key), key);
      case 'gender':
        return t.gender[key] ?? key;
      case 'ageBand':
        return t.ageBand[key] ?? key;
      default:
        return fallback ?? key;
    }
  };
  const sections: ReportSection[] = [
    { heading: t.figures, columns: [t.figures, ''], rows: DASHBOARD_METRICS.map((m) => [t.metric[m], cell(d.figures[m])]) },
    { heading: t.byMonth, columns: [t.month, ...DASHBOARD_METRICS.map((m) => t.metric[m])], rows: d.months.map((p) => [p.key, ...DASHBOARD_METRICS.map((m) => cell(p.values[m]))]) },
    { heading: t.byQuarter, columns: [t.quarter, ...DASHBOARD_METRICS.map((m) => t.metric[m])], rows: d.quarters.map((p) => [p.key, ...DASHBOARD_METRICS.map((m) => cell(p.values[m]))]) },
    ...d.breakdowns
      .filter((b) => b.rows.length > 0)
      .map((b) => ({
        heading: t.dimension[b.dimension],
        columns: [t.dimension[b.dimension], ...b.metrics.map((m) => t.metric[m])],
        rows: b.rows.map((r) => [label(b, r.key, r.label), ...b.metrics.map((m) => cell(r.values[m]))]),
      })),
  ];
  if (d.targets.length > 0) {
    sections.push({
      heading: t.targets,
      columns: [t.target.metric, t.target.country, t.target.period, t.target.value, t.target.current, t.target.status],
      rows: d.targets.map((x) => [
        t.targetMetric[x.metric] ?? x.metric,
        x.country ? safely(() => countryName.of(x.country!), x.country) : t.target.wholeNetwork,
        `${x.periodStart} – ${x.periodEnd}`,
        x.targetValue,
        cell(x.current),
        t.status[x.status],
      ]),
    });
  }
  return {
    title: `${d.scope.kind === 'network' ? t.title.network : t.title.organisation}: ${d.scope.name}`,
    subtitle: `${t.period}: ${d.period.from} – ${d.period.to}`,
    heading: d.scope.kind === 'network' ? t.title.network : t.title.organisation,
    name: d.scope.name,
    periodLabel: t.period,
    period: `${d.period.from} – ${d.period.to}`,
    note: t.note,
    sections,
    texts: t,
  };
}

function safely(name: () => string | undefined, fallback: string): string {
  try {
    return name() ?? fallback;
  } catch {
    // Intl refuses a code it does not know the shape of: show the code itself.
    return fallback;
  }
}
