import { z } from 'zod';
import { languageSchema, uuidSchema } from './common.js';
import { ENROLMENT_STATUSES } from './courses.js';
import { PROGRESS_STATES, type ProgressState } from '../progress-states.js';

/**
 * Following progress (issue 4): assignments, cohorts, progress reports and their CSV exports.
 * Times travel as ISO instants; the SPA formats them in the reader's zone.
 */

const instantSchema = z.iso.datetime({ offset: true });

// ─── Assignments ─────────────────────────────────────────────────────────────────────────────

/** A course, or every course of a learning path, to members of one organisation. */
export const courseAssignSchema = z
  .strictObject({
    organisationId: uuidSchema,
    userIds: z.array(uuidSchema).min(1).max(200),
    courseId: uuidSchema.optional(),
    learningPathId: uuidSchema.optional(),
    /** Null or absent: no due date. */
    dueAt: instantSchema.nullable().optional(),
  })
  .refine((v) => (v.courseId ? 1 : 0) + (v.learningPathId ? 1 : 0) === 1, {
    message: 'courseOrPath',
    path: ['courseId'],
  });
export type CourseAssign = z.infer<typeof courseAssignSchema>;

export const assignmentSchema = z.object({
  enrolmentId: uuidSchema,
  courseId: uuidSchema,
  userId: uuidSchema,
  status: z.enum(ENROLMENT_STATUSES),
  dueAt: z.string().nullable(),
});
export type Assignment = z.infer<typeof assignmentSchema>;
export const assignmentListSchema = z.object({ items: z.array(assignmentSchema) });

/** Courses and learning paths a leader or coordinator may assign to an organisation's members. */
export const assignableQuerySchema = z.strictObject({ organisationId: uuidSchema });
export const assignableSchema = z.object({
  courses: z.array(z.object({ id: uuidSchema, title: z.string(), organisationId: uuidSchema.nullable() })),
  paths: z.array(z.object({ id: uuidSchema, title: z.string(), courseIds: z.array(uuidSchema) })),
  members: z.array(z.object({ userId: uuidSchema, name: z.string() })),
});
export type Assignable = z.infer<typeof assignableSchema>;

// ─── Progress of one organisation (leaders; coordinators drilling down) ────────────────────

/** What a row shows: derived from the enrolment by progressStateOf, never stored twice. */
export const PROGRESS_STATUSES = PROGRESS_STATES;
export type ProgressStatus = ProgressState;
export const PROGRESS_FILTERS = [...PROGRESS_STATUSES, 'OVERDUE'] as const;

export const progressQuerySchema = z.strictObject({
  courseId: uuidSchema.optional(),
  status: z.enum(PROGRESS_FILTERS).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type ProgressQuery = z.infer<typeof progressQuerySchema>;

export const progressRowSchema = z.object({
  enrolmentId: uuidSchema,
  userId: uuidSchema,
  name: z.string(),
  courseId: uuidSchema,
  courseTitle: z.string(),
  status: z.enum(PROGRESS_STATUSES),
  source: z.enum(['SELF', 'ASSIGNED', 'COHORT']),
  progressPercent: z.number().int().min(0).max(100),
  completedLessons: z.number().int(),
  totalLessons: z.number().int(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
  lastActivityAt: z.string().nullable(),
});
export type ProgressRow = z.infer<typeof progressRowSchema>;

export const progressCountsSchema = z.object({
  enrolled: z.number().int(),
  notStarted: z.number().int(),
  inProgress: z.number().int(),
  completed: z.number().int(),
  overdue: z.number().int(),
});
export type ProgressCounts = z.infer<typeof progressCountsSchema>;

export const progressPageSchema = z.object({
  organisation: z.object({ id: uuidSchema, name: z.string(), country: z.string() }),
  counts: progressCountsSchema,
  /** Rows matching the filters (for the pager). */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(progressRowSchema),
  /** Courses with enrolments in this organisation, for the filter. */
  courses: z.array(z.object({ id: uuidSchema, title: z.string() })),
});
export type ProgressPage = z.infer<typeof progressPageSchema>;

/** Per learning path: how many of its courses each member has completed. */
export const pathProgressSchema = z.object({
  items: z.array(
    z.object({
      pathId: uuidSchema,
      title: z.string(),
      totalCourses: z.number().int(),
      members: z.array(z.object({ userId: uuidSchema, name: z.string(), completedCourses: z.number().int(), enrolledCourses: z.number().int() })),
    }),
  ),
});
export type PathProgress = z.infer<typeof pathProgressSchema>;

/** CSV exports: headers and statuses in this language (default: the reader's). */
export const progressCsvQuerySchema = z.strictObject({
  courseId: uuidSchema.optional(),
  status: z.enum(PROGRESS_FILTERS).optional(),
  q: z.string().trim().max(100).optional(),
  language: languageSchema.optional(),
});

// ─── Network (coordinators) ──────────────────────────────────────────────────────────────────

export const networkProgressQuerySchema = z.strictObject({
  by: z.enum(['organisation', 'country']).default('organisation'),
  courseId: uuidSchema.optional(),
});
export const networkProgressCsvQuerySchema = networkProgressQuerySchema.extend({ language: languageSchema.optional() });

export const networkProgressRowSchema = progressCountsSchema.extend({
  /** Organisation id, or the ISO country code. */
  key: z.string(),
  name: z.string(),
  country: z.string(),
  organisations: z.number().int(),
});
export type NetworkProgressRow = z.infer<typeof networkProgressRowSchema>;
export const networkProgressSchema = z.object({
  by: z.enum(['organisation', 'country']),
  totals: progressCountsSchema,
  items: z.array(networkProgressRowSchema),
  courses: z.array(z.object({ id: uuidSchema, title: z.string() })),
});
export type NetworkProgress = z.infer<typeof networkProgressSchema>;

// ─── Completions over time ───────────────────────────────────────────────────────────────────

export const completionsQuerySchema = z.strictObject({
  interval: z.enum(['week', 'month']).default('week'),
  /** How many weeks or months back from now, the current one included. */
  periods: z.coerce.number().int().min(1).max(60).default(12),
  courseId: uuidSchema.optional(),
});
export type CompletionsQuery = z.infer<typeof completionsQuerySchema>;
export const completionsSchema = z.object({
  interval: z.enum(['week', 'month']),
  /** One entry per period, oldest first, zeros included; `start` is YYYY-MM-DD (UTC). */
  items: z.array(z.object({ start: z.string(), completions: z.number().int() })),
});
export type Completions = z.infer<typeof completionsSchema>;

// ─── Cohorts ─────────────────────────────────────────────────────────────────────────────────

const cohortFields = {
  name: z.string().trim().min(1).max(120),
  startsAt: instantSchema,
  endsAt: instantSchema,
};
const datesInOrder = (v: { startsAt?: string; endsAt?: string }) =>
  !v.startsAt || !v.endsAt || new Date(v.startsAt) < new Date(v.endsAt);

/** An organisation cohort (leaders) names its organisation; a network cohort (coordinators) its network. */
export const cohortCreateSchema = z
  .strictObject({
    courseId: uuidSchema,
    organisationId: uuidSchema.nullable().default(null),
    ...cohortFields,
  })
  .refine(datesInOrder, { message: 'endsBeforeStart', path: ['endsAt'] });
export type CohortCreate = z.input<typeof cohortCreateSchema>;

export const cohortUpdateSchema = z
  .strictObject({
    name: cohortFields.name.optional(),
    startsAt: instantSchema.optional(),
    endsAt: instantSchema.optional(),
  })
  .refine(datesInOrder, { message: 'endsBeforeStart', path: ['endsAt'] });
export type CohortUpdate = z.infer<typeof cohortUpdateSchema>;

export const cohortMembersAddSchema = z.strictObject({ userIds: z.array(uuidSchema).min(1).max(200) });

export const cohortListQuerySchema = z.strictObject({
  organisationId: uuidSchema.optional(),
  networkId: uuidSchema.optional(),
});

export const cohortSummarySchema = z.object({
  id: uuidSchema,
  courseId: uuidSchema,
  courseTitle: z.string(),
  networkId: uuidSchema,
  organisationId: uuidSchema.nullable(),
  name: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  members: z.number().int(),
  completed: z.number().int(),
});
export type CohortSummary = z.infer<typeof cohortSummarySchema>;
export const cohortListSchema = z.object({ items: z.array(cohortSummarySchema) });

export const cohortDetailSchema = cohortSummarySchema.extend({
  canEdit: z.boolean(),
  memberProgress: z.array(progressRowSchema.extend({ organisationName: z.string() })),
});
export type CohortDetail = z.infer<typeof cohortDetailSchema>;
