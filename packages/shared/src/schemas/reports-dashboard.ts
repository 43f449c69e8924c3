import { z } from 'zod';
import { languageSchema } from './common.js';
import { REPORT_METRICS, REPORT_METRIC_KINDS } from './reports-targets.js';

/**
 * The network and organisation dashboard (issue 19): what the training achieved over a
 * period. Counts of people are published only from 5 up; a smaller count — or one that could
 * be worked out from a total — answers `{ value: null, suppressed: true }` ("fewer than 5").
 */
export const DASHBOARD_METRICS = [
  'peopleTrained', // distinct people who completed at least one course in the period
  'coursesCompleted', // course completions in the period
  'certificatesIssued', // certificates issued in the period (revoked ones included: they were issued)
  'certificatesValid', // certificates valid at the end of the period (or now, if it is under way)
  'organisationsAccredited', // organisations whose accreditation was approved in the period
  'meetingsHeld', // meetings that took place in the period (cancelled and unscheduled ones aside)
  'meetingsAttended', // attendances recorded "present" at those meetings
  'materialsUsed', // distinct library materials of lessons completed in the period
] as const;
export type DashboardMetric = (typeof DASHBOARD_METRICS)[number];

/** Metrics that count people (or what people did): these are the ones small cells are withheld from. */
export const PERSON_METRICS = ['peopleTrained', 'coursesCompleted', 'certificatesIssued', 'certificatesValid', 'meetingsAttended'] as const satisfies readonly DashboardMetric[];

export const DASHBOARD_DIMENSIONS = ['country', 'continent', 'organisation', 'topic', 'language', 'gender', 'ageBand'] as const;
/** The row of a gender or age-band breakdown counting people who gave no answer (or withdrew it). */
export const NOT_ANSWERED = 'NOT_ANSWERED';
export type DashboardDimension = (typeof DASHBOARD_DIMENSIONS)[number];

/** Continent codes of ISO 3166 countries (as in the `countries-list` package). */
export const CONTINENTS = ['AF', 'AN', 'AS', 'EU', 'NA', 'OC', 'SA'] as const;
export type Continent = (typeof CONTINENTS)[number];

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
export const DASHBOARD_MAX_MONTHS = 60;

/** The period, in whole months of the network's time zone; the last twelve by default. */
export const dashboardQuerySchema = z
  .strictObject({
    from: month.optional(),
    to: month.optional(),
    /** Language of an export (CSV, PDF); the reader's own by default. */
    language: languageSchema.optional(),
  })
  .refine((q) => !q.from || !q.to || monthIndex(q.from) <= monthIndex(q.to), { message: 'from_after_to', path: ['to'] })
  .refine((q) => !q.from || !q.to || monthIndex(q.to) - monthIndex(q.from) < DASHBOARD_MAX_MONTHS, { message: 'period_too_long', path: ['from'] });
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

export const publishedCountSchema = z.object({ value: z.number().int().nullable(), suppressed: z.boolean() });
export type PublishedCount = z.infer<typeof publishedCountSchema>;

const metricValues = z.partialRecord(z.enum(DASHBOARD_METRICS), publishedCountSchema);
export type MetricValues = z.infer<typeof metricValues>;

export const dashboardPointSchema = z.object({ key: z.string(), values: metricValues });
export type DashboardPoint = z.infer<typeof dashboardPointSchema>;

export const dashboardBreakdownSchema = z.object({
  dimension: z.enum(DASHBOARD_DIMENSIONS),
  /** The metrics this breakdown has (a topic belongs to courses and materials, not to certificates). */
  metrics: z.array(z.enum(DASHBOARD_METRICS)),
  /** `key`: ISO country, continent code, organisation id, topic (`LEADERSHIP` or `custom:<id>`), language; `label`: a name where the key is an id. */
  rows: z.array(z.object({ key: z.string(), label: z.string().nullable(), values: metricValues })),
});
export type DashboardBreakdown = z.infer<typeof dashboardBreakdownSchema>;


export const TARGET_STATUSES = ['notStarted', 'achieved', 'onTrack', 'behind', 'missed', 'unknown'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** A target of the network with where it stands: its value now and at the end of each month so far. */
export const targetProgressSchema = z.object({
  id: z.uuid(),
  metric: z.enum(REPORT_METRICS),
  kind: z.enum(REPORT_METRIC_KINDS),
  country: z.string().nullable(),
  targetValue: z.number().int(),
  periodStart: z.string(),
  periodEnd: z.string(),
  note: z.string(),
  /** A count, or a whole percentage for a share; withheld like any small count of people. */
  current: publishedCountSchema,
  /** The part of the target the time gone by asks for (a count target grows in a straight line; a share is due all along). */
  expectedByNow: z.number().int().nullable(),
  trend: z.array(z.object({ month: z.string(), value: publishedCountSchema })),
  status: z.enum(TARGET_STATUSES),
});
export type TargetProgress = z.infer<typeof targetProgressSchema>;

export const dashboardSchema = z.object({
  scope: z.object({
    kind: z.enum(['network', 'organisation']),
    networkId: z.uuid(),
    organisationId: z.uuid().nullable(),
    name: z.string(),
  }),
  period: z.object({ from: month, to: month }),
  threshold: z.number().int(),
  figures: metricValues,
  months: z.array(dashboardPointSchema),
  quarters: z.array(dashboardPointSchema),
  breakdowns: z.array(dashboardBreakdownSchema),
  /** The network's targets (on the network's dashboard only). */
  targets: z.array(targetProgressSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
