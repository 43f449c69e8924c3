import { z } from 'zod';
import { INT4_MAX, uuidSchema } from './common.js';

/**
 * Targets a coordinator sets for their network (issue 19), for the whole network or one
 * country, over a period; the dashboard shows progress against each.
 */

export const REPORT_METRICS = [
  'CERTIFIED_VOLUNTEERS', // people holding a valid certificate
  'PEOPLE_TRAINED', // people who completed at least one course
  'COURSES_COMPLETED', // course completions
  'CERTIFICATES_ISSUED',
  'ORGANISATIONS_ACCREDITED', // organisations accredited at the period's end
  'MEETINGS_HELD',
  'SHARE_WOMEN', // % women among people trained who answered (PREFER_NOT_TO_SAY excluded)
  'SHARE_UNDER_35', // % under 35 among people trained who answered
] as const;
export type ReportMetric = (typeof REPORT_METRICS)[number];

export const REPORT_METRIC_KINDS = ['count', 'percentage'] as const;
export type ReportMetricKind = (typeof REPORT_METRIC_KINDS)[number];

/** A count takes a whole number; a percentage 0–100. */
export const REPORT_METRIC_KIND: Record<ReportMetric, ReportMetricKind> = {
  CERTIFIED_VOLUNTEERS: 'count',
  PEOPLE_TRAINED: 'count',
  COURSES_COMPLETED: 'count',
  CERTIFICATES_ISSUED: 'count',
  ORGANISATIONS_ACCREDITED: 'count',
  MEETINGS_HELD: 'count',
  SHARE_WOMEN: 'percentage',
  SHARE_UNDER_35: 'percentage',
};

// A calendar day of a plausible plan (PostgreSQL has no year 0, and a target is this century's).
const day = z.iso.date().refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'date');
const countryCode = z
  .string()
  .length(2)
  .regex(/^[A-Za-z]{2}$/)
  .transform((c) => c.toUpperCase());

export const reportTargetSchema = z.object({
  id: uuidSchema,
  networkId: uuidSchema,
  /** Null: the whole network. */
  country: z.string().nullable(),
  metric: z.enum(REPORT_METRICS),
  kind: z.enum(REPORT_METRIC_KINDS),
  targetValue: z.number().int(),
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
  note: z.string(),
  createdBy: z.object({ id: uuidSchema, name: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ReportTarget = z.infer<typeof reportTargetSchema>;
export const reportTargetListSchema = z.object({ items: z.array(reportTargetSchema) });

/** Field-error messages (validation keys in the SPA) of a target whose fields do not add up. */
export const REPORT_TARGET_ISSUES = {
  percentageOver100: 'percentageTooHigh',
  periodEndNotAfterStart: 'periodEndBeforeStart',
} as const;

interface TargetShape {
  metric: ReportMetric;
  targetValue: number;
  periodStart: string;
  periodEnd: string;
}

/**
 * What is wrong with a target as a whole: a percentage over 100, a period that does not end
 * after it starts. Shared by the create schema and the API's update (which checks the merged
 * target, since a change to one field can break another).
 */
export function reportTargetProblems(t: TargetShape): { path: string; code: string }[] {
  const problems: { path: string; code: string }[] = [];
  if (REPORT_METRIC_KIND[t.metric] === 'percentage' && t.targetValue > 100) {
    problems.push({ path: 'targetValue', code: REPORT_TARGET_ISSUES.percentageOver100 });
  }
  if (t.periodEnd <= t.periodStart) {
    problems.push({ path: 'periodEnd', code: REPORT_TARGET_ISSUES.periodEndNotAfterStart });
  }
  return problems;
}

const targetFields = {
  country: countryCode.nullable(),
  metric: z.enum(REPORT_METRICS),
  targetValue: z.number().int().min(0).max(INT4_MAX),
  periodStart: day,
  periodEnd: day,
  note: z.string().trim().max(200),
};

export const reportTargetCreateSchema = z
  .strictObject({ ...targetFields, country: targetFields.country.default(null), note: targetFields.note.default('') })
  .superRefine((t, ctx) => {
    for (const p of reportTargetProblems(t)) {
      ctx.addIssue({ code: 'custom', path: [p.path], message: p.code });
    }
  });
export type ReportTargetCreate = z.infer<typeof reportTargetCreateSchema>;

export const reportTargetUpdateSchema = z
  .strictObject({
    country: targetFields.country.optional(),
    metric: targetFields.metric.optional(),
    targetValue: targetFields.targetValue.optional(),
    periodStart: day.optional(),
    periodEnd: day.optional(),
    note: targetFields.note.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'empty');
export type ReportTargetUpdate = z.infer<typeof reportTargetUpdateSchema>;
