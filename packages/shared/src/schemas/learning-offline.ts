import { z } from 'zod';
import { uuidSchema } from './common.js';
import { QUIZ_QUESTION_TYPES } from './courses.js';
import { quizAnswerSchema, quizResultSchema } from './courses-learning.js';

/**
 * Learning offline (issue 14): the package a learner saves to the device, and the ordered
 * queue of what they did offline, replayed by `POST /learning/sync`.
 */

/** A question of a quiz pool as saved on the device: prompt and options, never the answers. */
export const offlineQuestionSchema = z.object({
  id: uuidSchema,
  type: z.enum(QUIZ_QUESTION_TYPES),
  prompt: z.string(),
  options: z.array(z.object({ id: z.string(), text: z.string() })),
  points: z.number().int(),
});
export type OfflineQuestion = z.infer<typeof offlineQuestionSchema>;

export const offlineQuizSchema = z.object({
  passPercent: z.number().int(),
  /** How many questions one attempt draws from the pool. */
  questionCount: z.number().int(),
  attemptLimit: z.number().int().nullable(),
  attemptsUsed: z.number().int(),
  retryWaitMinutes: z.number().int(),
  nextAttemptAt: z.iso.datetime().nullable(),
  passed: z.boolean(),
  pool: z.array(offlineQuestionSchema),
});
export type OfflineQuiz = z.infer<typeof offlineQuizSchema>;

export const offlineLessonSchema = z.object({
  id: uuidSchema,
  moduleTitle: z.string(),
  title: z.string(),
  language: z.string(),
  bodyHtml: z.string(),
  estimatedMinutes: z.number().int(),
  status: z.enum(['NOT_STARTED', 'STARTED', 'COMPLETED']),
  positionSeconds: z.number().int(),
  /** The library material the lesson shows; the device saves its light copy (240p video or audio). */
  materialId: uuidSchema.nullable(),
  quiz: offlineQuizSchema.nullable(),
  /** What the assessor will check; sign-off still needs the assessor. */
  practical: z.object({ instructionsHtml: z.string(), passed: z.boolean() }).nullable(),
  /**
   * Fingerprint of what does not change with progress (titles, text, material, quiz questions,
   * practical instructions). A device that sends it back in `known` gets the lesson without
   * that content (see `omittedContent`): an update downloads only what changed.
   */
  contentHash: z.string(),
});
export type OfflineLesson = z.infer<typeof offlineLessonSchema>;

export const offlinePackageSchema = z.object({
  courseId: uuidSchema,
  enrolmentId: uuidSchema,
  versionId: uuidSchema,
  versionNumber: z.number().int(),
  /** The course has a newer published version than the one this learner keeps. */
  newerVersionPublished: z.boolean(),
  title: z.string(),
  enrolmentStatus: z.enum(['ACTIVE', 'COMPLETED', 'WITHDRAWN']),
  /** The content's fingerprint (also the ETag): equal means nothing to download again. */
  contentHash: z.string(),
  lessons: z.array(offlineLessonSchema),
  /**
   * Lessons whose content the device said it holds (`known`): sent with empty `bodyHtml`, quiz
   * `pool` and practical `instructionsHtml`, which the device keeps from its saved copy.
   */
  omittedContent: z.array(uuidSchema).default([]),
});
export type OfflinePackage = z.infer<typeof offlinePackageSchema>;

const LESSON_HASH = /^[A-Za-z0-9_-]{1,64}$/;
/** `?known=<lesson contentHash>,…` — what the device already holds (update by difference). */
export const offlinePackageQuerySchema = z.strictObject({
  known: z
    .string()
    .max(40_000)
    .transform((value) => value.split(',').filter(Boolean))
    .refine((hashes) => hashes.length <= 1000 && hashes.every((hash) => LESSON_HASH.test(hash)), { message: 'notLessonHashes' })
    .optional(),
});
export type OfflinePackageQuery = z.infer<typeof offlinePackageQuerySchema>;

const eventBase = {
  /** Made on the device (crypto.randomUUID); a replay of the same id changes nothing. */
  eventId: uuidSchema,
  occurredAt: z.iso.datetime(),
  enrolmentId: uuidSchema,
  lessonId: uuidSchema,
};

export const syncEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...eventBase, type: z.literal('lessonCompleted') }),
  z.strictObject({ ...eventBase, type: z.literal('position'), positionSeconds: z.number().int().min(0).max(24 * 3600) }),
  z.strictObject({
    ...eventBase,
    type: z.literal('quizAttemptSubmitted'),
    startedAt: z.iso.datetime(),
    /** The questions the device drew from the saved pool, and the option order it showed. */
    questionIds: z.array(uuidSchema).min(1).max(200),
    optionOrders: z.record(z.string(), z.array(z.string().max(64)).max(50)),
    answers: z.array(quizAnswerSchema).max(200),
  }),
]);
export type SyncEvent = z.infer<typeof syncEventSchema>;

export const syncRequestSchema = z.strictObject({ events: z.array(syncEventSchema).min(1).max(200) });
export type SyncRequest = z.infer<typeof syncRequestSchema>;

export const SYNC_OUTCOMES = ['APPLIED', 'DUPLICATE', 'KEPT'] as const;
export type SyncOutcome = (typeof SYNC_OUTCOMES)[number];

export const syncEventResultSchema = z.object({
  eventId: uuidSchema,
  /** APPLIED now; DUPLICATE: this id was replayed before (`firstOutcome` says how it went); KEPT: not counted, see `reason`. */
  outcome: z.enum(SYNC_OUTCOMES),
  firstOutcome: z.enum(['APPLIED', 'KEPT', 'PENDING']),
  /** An error code (errors:<code>) when KEPT, e.g. QUIZ_ATTEMPTS_EXHAUSTED. */
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  quizResult: quizResultSchema.nullable(),
  courseCompleted: z.boolean(),
});
export type SyncEventResult = z.infer<typeof syncEventResultSchema>;

export const syncResponseSchema = z.object({ results: z.array(syncEventResultSchema) });
export type SyncResponse = z.infer<typeof syncResponseSchema>;
