import { z } from 'zod';
import { LANGUAGES } from '../languages.js';
import { cursorPageQuerySchema, languageSchema, pageOf, uuidSchema } from './common.js';
import { MATERIAL_AUDIENCES, MATERIAL_KINDS, MATERIAL_STANDARD_TOPICS } from './materials.js';
import {
  COURSE_ENROLMENT_POLICIES,
  COURSE_STATUSES,
  COURSE_VERSION_STATES,
  QUIZ_QUESTION_TYPES,
  localisedTextSchema,
  optionalLocalisedTextSchema,
} from './courses.js';

/**
 * Course authoring (issue 4): coordinators and leaders write courses, their versions, lessons,
 * question bank and learning paths. Every change to a course names the `revision` it was based
 * on (the `If-Match` header); a stale one answers 409 CONFLICT with the current state.
 * Custom refinement messages are stable codes the SPA translates (`courseAuthoring:rules.<code>`).
 */

export const TEXT_LIMITS = {
  title: 200,
  summary: 2000,
  body: 20_000,
  prompt: 1000,
  option: 300,
  feedback: 1000,
  explanation: 2000,
  answer: 100,
  instructions: 4000,
} as const;

/** A localised map for partial updates: absent means "leave as is" (no default to {}). */
const textsPatch = (max: number) => z.partialRecord(z.enum(LANGUAGES), z.string().trim().max(max)).optional();
const poolSchema = z.string().trim().max(40).regex(/^[\p{L}\p{N} _-]*$/u, 'poolName');
const topicFields = {
  standardTopic: z.enum(MATERIAL_STANDARD_TOPICS).nullable().optional(),
  customTopicId: uuidSchema.nullable().optional(),
};

export const courseCreateSchema = z
  .strictObject({
    networkId: uuidSchema,
    /** Absent: a network course (coordinators only). */
    organisationId: uuidSchema.nullable().optional(),
    ...topicFields,
    audience: z.enum(MATERIAL_AUDIENCES),
    enrolmentPolicy: z.enum(COURSE_ENROLMENT_POLICIES),
    /** The first language; more are added on the draft. */
    language: languageSchema,
    title: z.string().trim().min(2).max(TEXT_LIMITS.title),
    summary: z.string().trim().max(TEXT_LIMITS.summary).default(''),
  })
  .refine((c) => !!c.standardTopic !== !!c.customTopicId, { message: 'oneTopic', path: ['standardTopic'] });
export type CourseCreate = z.input<typeof courseCreateSchema>;

export const courseSettingsUpdateSchema = z.strictObject({
  ...topicFields,
  audience: z.enum(MATERIAL_AUDIENCES).optional(),
  enrolmentPolicy: z.enum(COURSE_ENROLMENT_POLICIES).optional(),
});
export type CourseSettingsUpdate = z.infer<typeof courseSettingsUpdateSchema>;

export const courseVersionUpdateSchema = z.strictObject({
  titles: localisedTextSchema(TEXT_LIMITS.title).optional(),
  summaries: textsPatch(TEXT_LIMITS.summary),
  requireAllLessons: z.boolean().optional(),
  requireQuizzesPassed: z.boolean().optional(),
  requirePracticalSignOff: z.boolean().optional(),
});
export type CourseVersionUpdate = z.infer<typeof courseVersionUpdateSchema>;

export const courseLanguageAddSchema = z.strictObject({ language: languageSchema });

export const courseModuleInputSchema = z.strictObject({ titles: localisedTextSchema(TEXT_LIMITS.title) });

const lessonFields = {
  titles: localisedTextSchema(TEXT_LIMITS.title),
  bodies: optionalLocalisedTextSchema(TEXT_LIMITS.body),
  materialId: uuidSchema.nullable().default(null),
  estimatedMinutes: z.number().int().min(1).max(600).default(5),
  hasQuiz: z.boolean().default(false),
  quizPool: poolSchema.default(''),
  /** Null: every question of the pool. */
  quizQuestionCount: z.number().int().min(1).max(100).nullable().default(null),
  quizPassPercent: z.number().int().min(1).max(100).default(70),
  /** Null: unlimited attempts. */
  quizAttemptLimit: z.number().int().min(1).max(20).nullable().default(null),
  quizRetryWaitMinutes: z.number().int().min(0).max(10_080).default(0),
  requiresPractical: z.boolean().default(false),
  practicalInstructions: optionalLocalisedTextSchema(TEXT_LIMITS.instructions),
};
export const courseLessonCreateSchema = z.strictObject(lessonFields);
export type CourseLessonCreate = z.infer<typeof courseLessonCreateSchema>;
export const courseLessonUpdateSchema = z.strictObject({
  titles: lessonFields.titles.optional(),
  bodies: textsPatch(TEXT_LIMITS.body),
  materialId: uuidSchema.nullable().optional(),
  estimatedMinutes: z.number().int().min(1).max(600).optional(),
  hasQuiz: z.boolean().optional(),
  quizPool: poolSchema.optional(),
  quizQuestionCount: z.number().int().min(1).max(100).nullable().optional(),
  quizPassPercent: z.number().int().min(1).max(100).optional(),
  quizAttemptLimit: z.number().int().min(1).max(20).nullable().optional(),
  quizRetryWaitMinutes: z.number().int().min(0).max(10_080).optional(),
  requiresPractical: z.boolean().optional(),
  practicalInstructions: textsPatch(TEXT_LIMITS.instructions),
});
export type CourseLessonUpdate = z.infer<typeof courseLessonUpdateSchema>;

/** Ids in their new order: exactly the current ids, each once. */
export const courseOrderSchema = z.strictObject({ ids: z.array(uuidSchema).min(1).max(200) });

export const quizOptionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,20}$/, 'optionId'),
  /** May be empty for TRUE_FALSE: the player says "true"/"false" in the learner's language. */
  texts: optionalLocalisedTextSchema(TEXT_LIMITS.option),
  correct: z.boolean().default(false),
  feedback: optionalLocalisedTextSchema(TEXT_LIMITS.feedback),
});
export type QuizOption = z.infer<typeof quizOptionSchema>;

const acceptedAnswersSchema = z
  .partialRecord(z.enum(LANGUAGES), z.array(z.string().trim().min(1).max(TEXT_LIMITS.answer)).max(20))
  .default({});

/** The rules per question type, as issue codes on the field they concern. */
export const quizQuestionInputSchema = z
  .strictObject({
    pool: poolSchema.default(''),
    type: z.enum(QUIZ_QUESTION_TYPES),
    prompts: localisedTextSchema(TEXT_LIMITS.prompt),
    options: z.array(quizOptionSchema).max(12).default([]),
    acceptedAnswers: acceptedAnswersSchema,
    explanations: optionalLocalisedTextSchema(TEXT_LIMITS.explanation),
    points: z.number().int().min(1).max(100).default(1),
  })
  .superRefine((q, ctx) => {
    const fail = (message: string, path: (string | number)[] = ['options']) => ctx.addIssue({ code: 'custom', message, path });
    const ids = q.options.map((o) => o.id);
    if (new Set(ids).size !== ids.length) fail('duplicateOptionId');
    const correct = q.options.filter((o) => o.correct).length;
    if (q.type === 'SHORT_TEXT') {
      if (q.options.length > 0) fail('noOptionsForShortText');
      if (!Object.values(q.acceptedAnswers).some((answers) => answers && answers.length > 0)) {
        fail('atLeastOneAcceptedAnswer', ['acceptedAnswers']);
      }
      return;
    }
    if (Object.values(q.acceptedAnswers).some((answers) => answers && answers.length > 0)) {
      fail('acceptedAnswersOnlyForShortText', ['acceptedAnswers']);
    }
    if (q.type === 'TRUE_FALSE') {
      if (ids.length !== 2 || !ids.includes('true') || !ids.includes('false')) fail('trueFalseOptions');
      else if (correct !== 1) fail('exactlyOneCorrect');
      return;
    }
    if (q.options.length < 2) fail('atLeastTwoOptions');
    q.options.forEach((o, index) => {
      if (Object.keys(o.texts).length === 0) fail('optionTextRequired', ['options', index, 'texts']);
    });
    if (q.type === 'SINGLE_CHOICE' && correct !== 1) fail('exactlyOneCorrect');
    if (q.type === 'MULTIPLE_CHOICE' && correct < 1) fail('atLeastOneCorrect');
  });
export type QuizQuestionInput = z.input<typeof quizQuestionInputSchema>;

export const markdownPreviewSchema = z.strictObject({ markdown: z.string().max(TEXT_LIMITS.body) });
export const markdownPreviewResultSchema = z.object({ html: z.string() });

// ─── Responses ──────────────────────────────────────────────────────────────────────────────

const textMap = z.record(z.string(), z.string());

export const authoringLessonSchema = z.object({
  id: uuidSchema,
  moduleId: uuidSchema,
  position: z.number().int(),
  titles: textMap,
  bodies: textMap,
  material: z.object({ id: uuidSchema, title: z.string(), kind: z.enum(MATERIAL_KINDS) }).nullable(),
  estimatedMinutes: z.number().int(),
  hasQuiz: z.boolean(),
  quizPool: z.string(),
  quizQuestionCount: z.number().int().nullable(),
  quizPassPercent: z.number().int(),
  quizAttemptLimit: z.number().int().nullable(),
  quizRetryWaitMinutes: z.number().int(),
  requiresPractical: z.boolean(),
  practicalInstructions: textMap,
});
export type AuthoringLesson = z.infer<typeof authoringLessonSchema>;

export const authoringModuleSchema = z.object({
  id: uuidSchema,
  position: z.number().int(),
  titles: textMap,
  lessons: z.array(authoringLessonSchema),
});
export type AuthoringModule = z.infer<typeof authoringModuleSchema>;

export const authoringQuestionSchema = z.object({
  id: uuidSchema,
  pool: z.string(),
  position: z.number().int(),
  type: z.enum(QUIZ_QUESTION_TYPES),
  prompts: textMap,
  options: z.array(
    z.object({ id: z.string(), texts: textMap, correct: z.boolean(), feedback: textMap }),
  ),
  acceptedAnswers: z.record(z.string(), z.array(z.string())),
  explanations: textMap,
  points: z.number().int(),
});
export type AuthoringQuestion = z.infer<typeof authoringQuestionSchema>;

export const courseVersionRefSchema = z.object({
  id: uuidSchema,
  number: z.number().int(),
  state: z.enum(COURSE_VERSION_STATES),
  publishedAt: z.string().nullable(),
});

export const authoringCourseSchema = z.object({
  id: uuidSchema,
  networkId: uuidSchema,
  organisationId: uuidSchema.nullable(),
  organisationName: z.string().nullable(),
  status: z.enum(COURSE_STATUSES),
  standardTopic: z.enum(MATERIAL_STANDARD_TOPICS).nullable(),
  customTopic: z.object({ id: uuidSchema, name: z.string() }).nullable(),
  audience: z.enum(MATERIAL_AUDIENCES),
  enrolmentPolicy: z.enum(COURSE_ENROLMENT_POLICIES),
  /** Send back in `If-Match` with the next change. */
  revision: z.number().int(),
  publishedVersionId: uuidSchema.nullable(),
  draftVersionId: uuidSchema.nullable(),
  versions: z.array(courseVersionRefSchema),
  prerequisites: z.array(z.object({ id: uuidSchema, title: z.string(), status: z.enum(COURSE_STATUSES) })),
});
export type AuthoringCourse = z.infer<typeof authoringCourseSchema>;

/** One version as its editors see it: everything, answers included. */
export const courseVersionTreeSchema = z.object({
  course: authoringCourseSchema,
  version: z.object({
    id: uuidSchema,
    number: z.number().int(),
    state: z.enum(COURSE_VERSION_STATES),
    titles: textMap,
    summaries: textMap,
    languages: z.array(z.string()),
    estimatedMinutes: z.number().int(),
    requireAllLessons: z.boolean(),
    requireQuizzesPassed: z.boolean(),
    requirePracticalSignOff: z.boolean(),
    publishedAt: z.string().nullable(),
    /** Only a DRAFT version can be changed. */
    editable: z.boolean(),
  }),
  modules: z.array(authoringModuleSchema),
  questions: z.array(authoringQuestionSchema),
});
export type CourseVersionTree = z.infer<typeof courseVersionTreeSchema>;

/** What stops a draft from being published; the SPA translates `courseAuthoring:publish.<code>`. */
export const PUBLISH_PROBLEM_CODES = [
  'noLanguages',
  'noModules',
  'moduleEmpty',
  'lessonEmpty',
  'missingText',
  'quizPoolTooSmall',
  'quizPoolEmpty',
  'pathEmpty',
  'courseNotPublished',
] as const;
export type PublishProblemCode = (typeof PUBLISH_PROBLEM_CODES)[number];
export interface PublishProblem {
  code: PublishProblemCode;
  moduleId?: string;
  lessonId?: string;
  questionId?: string;
  courseId?: string;
  /** Which text is missing: "title", "summary", "body", "prompt", "option", "answers", "instructions". */
  field?: string;
  language?: string;
  pool?: string;
  needed?: number;
  available?: number;
}

export const authoringCourseSummarySchema = z.object({
  id: uuidSchema,
  networkId: uuidSchema,
  organisationId: uuidSchema.nullable(),
  organisationName: z.string().nullable(),
  status: z.enum(COURSE_STATUSES),
  title: z.string(),
  languages: z.array(z.string()),
  publishedVersionNumber: z.number().int().nullable(),
  draftVersionId: uuidSchema.nullable(),
  draftVersionNumber: z.number().int().nullable(),
  updatedAt: z.string(),
});
export type AuthoringCourseSummary = z.infer<typeof authoringCourseSummarySchema>;
export const authoringCoursePageSchema = pageOf(authoringCourseSummarySchema);
export const authoringCourseListQuerySchema = cursorPageQuerySchema.extend({
  networkId: uuidSchema.optional(),
  status: z.enum(COURSE_STATUSES).optional(),
  q: z.string().trim().max(200).optional(),
});
export type AuthoringCourseListQuery = z.infer<typeof authoringCourseListQuerySchema>;

// ─── Learning paths ─────────────────────────────────────────────────────────────────────────

export const learningPathCreateSchema = z.strictObject({
  networkId: uuidSchema,
  /** Absent: a network path (coordinators only). */
  organisationId: uuidSchema.nullable().optional(),
  titles: localisedTextSchema(TEXT_LIMITS.title),
  summaries: optionalLocalisedTextSchema(TEXT_LIMITS.summary),
  /** In order; each course once. */
  courseIds: z.array(uuidSchema).max(50).default([]),
});
export type LearningPathCreate = z.input<typeof learningPathCreateSchema>;
export const learningPathUpdateSchema = z.strictObject({
  titles: localisedTextSchema(TEXT_LIMITS.title).optional(),
  summaries: textsPatch(TEXT_LIMITS.summary),
  courseIds: z.array(uuidSchema).max(50).optional(),
});
export type LearningPathUpdate = z.infer<typeof learningPathUpdateSchema>;

export const authoringLearningPathSchema = z.object({
  id: uuidSchema,
  networkId: uuidSchema,
  organisationId: uuidSchema.nullable(),
  organisationName: z.string().nullable(),
  status: z.enum(COURSE_STATUSES),
  titles: textMap,
  summaries: textMap,
  title: z.string(),
  revision: z.number().int(),
  courses: z.array(z.object({ id: uuidSchema, title: z.string(), status: z.enum(COURSE_STATUSES) })),
  updatedAt: z.string(),
});
export type AuthoringLearningPath = z.infer<typeof authoringLearningPathSchema>;
export const authoringLearningPathPageSchema = pageOf(authoringLearningPathSchema);
export const learningPathListQuerySchema = cursorPageQuerySchema.extend({
  networkId: uuidSchema.optional(),
  status: z.enum(COURSE_STATUSES).optional(),
});
export type LearningPathListQuery = z.infer<typeof learningPathListQuerySchema>;
