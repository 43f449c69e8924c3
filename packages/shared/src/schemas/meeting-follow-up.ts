import { z } from 'zod';
import { uuidSchema } from './common.js';

// ---- Find a time (poll) ----

export const POLL_CHOICES = ['YES', 'IF_NEED_BE', 'NO'] as const;
export type PollChoice = (typeof POLL_CHOICES)[number];

export const pollAnswersInputSchema = z.strictObject({
  answers: z.array(z.strictObject({ slotId: uuidSchema, choice: z.enum(POLL_CHOICES) })).min(1).max(20),
});
export type PollAnswersInput = z.infer<typeof pollAnswersInputSchema>;

export const pollPickInputSchema = z.strictObject({ slotId: uuidSchema });

/** Times come as wall clock in the host's zone and in the reader's (computed by the server). */
export const pollSlotSchema = z.object({
  id: uuidSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  startHostLocal: z.string(),
  endHostLocal: z.string(),
  startViewerLocal: z.string(),
  endViewerLocal: z.string(),
  counts: z.object({ yes: z.number(), ifNeedBe: z.number(), no: z.number() }),
  myChoice: z.enum(POLL_CHOICES).nullable(),
  /** The reader's other meetings (registered yes/maybe) that overlap this time. */
  conflicts: z.array(z.object({ id: uuidSchema, title: z.string(), viewerLocal: z.string() })),
});

export const meetingPollSchema = z.object({
  meetingId: uuidSchema,
  open: z.boolean(),
  chosenSlotId: uuidSchema.nullable(),
  timeZone: z.string(),
  viewerTimeZone: z.string(),
  canAnswer: z.boolean(),
  canManage: z.boolean(),
  slots: z.array(pollSlotSchema),
  /** Everyone's answers, for the organiser only (null for others). */
  respondents: z
    .array(
      z.object({
        userId: uuidSchema,
        name: z.string(),
        organisationName: z.string().nullable(),
        choices: z.record(z.string(), z.enum(POLL_CHOICES)),
      }),
    )
    .nullable(),
});
export type MeetingPoll = z.infer<typeof meetingPollSchema>;

// ---- Minutes ----

export const minutesInputSchema = z.strictObject({
  body: z.string().max(100_000),
  /** Publishing shares them with the participants (once published they stay shared). */
  publish: z.boolean().default(false),
});
export type MinutesInput = z.infer<typeof minutesInputSchema>;

export const minutesSchema = z.object({
  /** Sanitised HTML rendered from the Markdown; the only field set as HTML. */
  html: z.string(),
  /** The Markdown source, for the host's editors only. */
  body: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  canEdit: z.boolean(),
});
export const minutesResponseSchema = z.object({ minutes: minutesSchema.nullable(), canEdit: z.boolean() });
export type MinutesResponse = z.infer<typeof minutesResponseSchema>;

// ---- Attendance ----

export const ATTENDANCE_STATUSES = ['PRESENT', 'ABSENT', 'EXCUSED'] as const;
export const attendanceInputSchema = z.strictObject({
  entries: z.array(z.strictObject({ userId: uuidSchema, status: z.enum(ATTENDANCE_STATUSES) })).min(1).max(1000),
});
export type AttendanceInput = z.infer<typeof attendanceInputSchema>;
export const attendanceListSchema = z.object({
  items: z.array(
    z.object({
      userId: uuidSchema,
      name: z.string(),
      organisationName: z.string().nullable(),
      status: z.enum(ATTENDANCE_STATUSES).nullable(),
    }),
  ),
});
export type AttendanceList = z.infer<typeof attendanceListSchema>;

// ---- Action items ----

export const ACTION_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date');

export const actionItemInputSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(5000).default(''),
  assigneeOrganisationId: uuidSchema,
  dueDate: dateSchema.nullable().default(null),
  status: z.enum(ACTION_STATUSES).default('OPEN'),
});
export type ActionItemInput = z.infer<typeof actionItemInputSchema>;
export const actionItemStatusInputSchema = z.strictObject({ status: z.enum(ACTION_STATUSES) });

export const actionItemSchema = z.object({
  id: uuidSchema,
  meetingId: uuidSchema,
  meetingTitle: z.string(),
  title: z.string(),
  description: z.string(),
  assigneeOrganisation: z.object({ id: uuidSchema, name: z.string() }),
  dueDate: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  /** Host's managers edit everything; the assignee's leaders change the status. */
  canEdit: z.boolean(),
  canUpdateStatus: z.boolean(),
});
export type ActionItem = z.infer<typeof actionItemSchema>;
export const actionItemListSchema = z.object({ items: z.array(actionItemSchema) });
