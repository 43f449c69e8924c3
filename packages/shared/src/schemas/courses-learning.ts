import { z } from 'zod';
import { cursorPageQuerySchema, languageSchema, pageOf, uuidSchema } from './common.js';
import { MATERIAL_STANDARD_TOPICS } from './materials.js';
import { ENROLMENT_SOURCES, PRACTICAL_RESULTS, QUIZ_QUESTION_TYPES } from './courses.js';
import { PROGRESS_STATES } from '../progress-states.js';

/**
 * The learner's side of courses (issue 4): catalogue, enrolment, lesson player, quizzes,
 * practical sign-off and "My learning". Texts arrive already in the reader's language.
 */

/** Length bands of the catalogue filter, on the course's estimated minutes. */
export const COURSE_LENGTHS = ['SHORT', 'MEDIUM', 'LONG'] as const;
export type CourseLength = (typeof COURSE_LENGTHS)[number];
/** SHORT ≤ 30 min, MEDIUM 31–120 min, LONG > 120 min. */
export const COURSE_LENGTH_BANDS: Record<CourseLength, [number, number | null]> = {
  SHORT: [0, 30],
  MEDIUM: [31, 120],
  LONG: [121, null],
};

export const catalogueQuerySchema = cursorPageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  standardTopic: z.enum(MATERIAL_STANDARD_TOPICS).optional(),
  customTopicId: uuidSchema.optional(),
  language: languageSchema.optional(),
  length: z.enum(COURSE_LENGTHS).optional(),
});
export type CatalogueQuery = z.infer<typeof catalogueQuerySchema>;

/** Not enrolled, or one of the progress states every screen shares (progress-states.ts). */
export const LEARNER_STATES = ['NOT_ENROLLED', ...PROGRESS_STATES] as const;

/** Where the caller stands in a course. */
export const learnerStateSchema = z.object({
  state: z.enum(LEARNER_STATES),
  enrolmentId: uuidSchema.nullable(),
  source: z.enum(ENROLMENT_SOURCES).nullable(),
  progressPercent: z.number().int().min(0).max(100),
  completedLessons: z.number().int(),
  totalLessons: z.number().int(),
  dueAt: z.iso.datetime().nullable(),
  overdue: z.boolean(),
  completedAt: z.iso.datetime().nullable(),
});
export type LearnerState = z.infer<typeof learnerStateSchema>;

const courseRefSchema = z.object({ id: uuidSchema, title: z.string() });

/**
 * A certificate a course leads to: EARNS (with the other courses its rule names, or as part of
 * a learning path: `withOthers`) or RENEWS (the refresher course of a certificate that expires).
 * An empty list: the course earns no certificate, and the screens say so.
 */
export const courseCertificateSchema = z.object({
  typeId: uuidSchema,
  name: z.string(),
  kind: z.enum(['EARNS', 'RENEWS']),
  withOthers: z.boolean(),
  validityMonths: z.number().int().nullable(),
});
export type CourseCertificate = z.infer<typeof courseCertificateSchema>;

export const catalogueItemSchema = z.object({
  id: uuidSchema,
  title: z.string(),
  summary: z.string(),
  /** The language the title and summary are shown in. */
  language: z.string(),
  languages: z.array(z.string()),
  standardTopic: z.enum(MATERIAL_STANDARD_TOPICS).nullable(),
  customTopic: z.object({ id: uuidSchema, name: z.string() }).nullable(),
  estimatedMinutes: z.number().int(),
  organisationName: z.string().nullable(),
  enrolmentPolicy: z.enum(['NETWORK', 'ORGANISATION', 'ASSIGNED']),
  learner: learnerStateSchema,
  /** Prerequisite courses the caller has not completed yet (enrolment refused until then). */
  lockedBy: z.array(courseRefSchema),
});
export type CatalogueItem = z.infer<typeof catalogueItemSchema>;
export const cataloguePageSchema = pageOf(catalogueItemSchema);

export const outlineLessonSchema = z.object({
  id: uuidSchema,
  title: z.string(),
  estimatedMinutes: z.number().int(),
  hasQuiz: z.boolean(),
  hasMaterial: z.boolean(),
  requiresPractical: z.boolean(),
  done: z.boolean(),
  /** Earlier lessons are not done yet. */
  locked: z.boolean(),
});
export const outlineModuleSchema = z.object({ id: uuidSchema, title: z.string(), lessons: z.array(outlineLessonSchema) });

export const cohortWindowSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
});

/** A course as a learner sees it: the outline of their version (or the published one), no answers. */
export const learnerCourseSchema = catalogueItemSchema.extend({
  versionNumber: z.number().int(),
  rules: z.object({
    requireAllLessons: z.boolean(),
    requireQuizzesPassed: z.boolean(),
    requirePracticalSignOff: z.boolean(),
  }),
  modules: z.array(outlineModuleSchema),
  /** The lesson to open on "Start"/"Continue": the next one not yet done (see next-lesson.ts). */
  resumeLessonId: uuidSchema.nullable(),
  cohort: cohortWindowSchema.nullable(),
  canSelfEnrol: z.boolean(),
  certificateId: uuidSchema.nullable(),
  leadsTo: z.array(courseCertificateSchema),
});
export type LearnerCourse = z.infer<typeof learnerCourseSchema>;

export const quizMetaSchema = z.object({
  passPercent: z.number().int(),
  questionCount: z.number().int(),
  attemptLimit: z.number().int().nullable(),
  attemptsUsed: z.number().int(),
  attemptsLeft: z.number().int().nullable(),
  retryWaitMinutes: z.number().int(),
  /** When the next attempt may start; null when now (or never: see attemptsLeft). */
  nextAttemptAt: z.iso.datetime().nullable(),
  passed: z.boolean(),
  bestScorePercent: z.number().int().nullable(),
  /** An attempt started and not yet submitted (resume it). */
  openAttemptId: uuidSchema.nullable(),
  lastAttemptId: uuidSchema.nullable(),
});
export type QuizMeta = z.infer<typeof quizMetaSchema>;

export const signOffSchema = z.object({
  id: uuidSchema,
  result: z.enum(PRACTICAL_RESULTS),
  comment: z.string(),
  assessorName: z.string().nullable(),
  recordedAt: z.iso.datetime(),
});
export const signOffListSchema = z.object({ items: z.array(signOffSchema) });

/**
 * A practical task waiting for an assessor: the learner opened the lesson and it is not signed
 * off yet. `lastDecision` is the latest NOT_YET, when the task was sent back before.
 */
export const signOffQueueItemSchema = z.object({
  enrolmentId: uuidSchema,
  lessonId: uuidSchema,
  learner: z.object({ id: uuidSchema, name: z.string() }),
  organisationName: z.string(),
  courseId: uuidSchema,
  courseTitle: z.string(),
  lessonTitle: z.string(),
  /** The task's checklist (practical instructions), Markdown rendered and sanitised. */
  instructionsHtml: z.string(),
  waitingSince: z.iso.datetime(),
  lastDecision: signOffSchema.nullable(),
});
export type SignOffQueueItem = z.infer<typeof signOffQueueItemSchema>;
export const signOffQueueSchema = z.object({ items: z.array(signOffQueueItemSchema) });
export type SignOffQueue = z.infer<typeof signOffQueueSchema>;

export const lessonViewSchema = z.object({
  id: uuidSchema,
  enrolmentId: uuidSchema,
  courseId: uuidSchema,
  courseTitle: z.string(),
  moduleTitle: z.string(),
  title: z.string(),
  language: z.string(),
  /** Markdown rendered and sanitised on the server. */
  bodyHtml: z.string(),
  materialId: uuidSchema.nullable(),
  estimatedMinutes: z.number().int(),
  quiz: quizMetaSchema.nullable(),
  practical: z
    .object({
      instructionsHtml: z.string(),
      status: z.enum(['WAITING', 'PASSED', 'NOT_YET']),
      history: z.array(signOffSchema),
    })
    .nullable(),
  status: z.enum(['NOT_STARTED', 'STARTED', 'COMPLETED']),
  positionSeconds: z.number().int(),
  previousLessonId: uuidSchema.nullable(),
  nextLessonId: uuidSchema.nullable(),
  /** The next lesson can be opened (this one is done). */
  nextUnlocked: z.boolean(),
  enrolmentStatus: z.enum(['ACTIVE', 'COMPLETED', 'WITHDRAWN']),
  progressPercent: z.number().int(),
});
export type LessonView = z.infer<typeof lessonViewSchema>;

export const PROGRESS_EVENTS = ['started', 'position', 'completed'] as const;
export const progressEventSchema = z.strictObject({
  event: z.enum(PROGRESS_EVENTS),
  positionSeconds: z.number().int().min(0).max(24 * 3600).optional(),
});
export type ProgressEvent = z.infer<typeof progressEventSchema>;

export const progressResultSchema = z.object({
  lessonStatus: z.enum(['STARTED', 'COMPLETED']),
  positionSeconds: z.number().int(),
  completedLessons: z.number().int(),
  totalLessons: z.number().int(),
  progressPercent: z.number().int(),
  enrolmentStatus: z.enum(['ACTIVE', 'COMPLETED', 'WITHDRAWN']),
  courseCompleted: z.boolean(),
});
export type ProgressResult = z.infer<typeof progressResultSchema>;

/** A question as sent before submission: no correctness, feedback or accepted answers. */
export const quizQuestionViewSchema = z.object({
  id: uuidSchema,
  type: z.enum(QUIZ_QUESTION_TYPES),
  prompt: z.string(),
  /** In the order drawn for this attempt (ORDERING: shuffled; put them in order). */
  options: z.array(z.object({ id: z.string(), text: z.string() })),
  points: z.number().int(),
});
export const quizAttemptViewSchema = z.object({
  id: uuidSchema,
  number: z.number().int(),
  startedAt: z.iso.datetime(),
  questions: z.array(quizQuestionViewSchema),
});
export type QuizAttemptView = z.infer<typeof quizAttemptViewSchema>;

/** One answer: chosen option ids (ORDERING: all ids in the learner's order), or a text. */
export const quizAnswerSchema = z.strictObject({
  questionId: uuidSchema,
  optionIds: z.array(z.string().max(64)).max(50).optional(),
  text: z.string().max(500).optional(),
});
export type QuizAnswer = z.infer<typeof quizAnswerSchema>;
export const quizSubmissionSchema = z.strictObject({ answers: z.array(quizAnswerSchema).max(200) });
export type QuizSubmission = z.infer<typeof quizSubmissionSchema>;

export const questionResultSchema = z.object({
  questionId: uuidSchema,
  type: z.enum(QUIZ_QUESTION_TYPES),
  prompt: z.string(),
  correct: z.boolean(),
  points: z.number().int(),
  /** Options as shown, with correctness and feedback now revealed. */
  options: z.array(
    z.object({ id: z.string(), text: z.string(), correct: z.boolean(), chosen: z.boolean(), feedback: z.string() }),
  ),
  /** ORDERING: the correct order of option ids. */
  correctOrder: z.array(z.string()).nullable(),
  givenOrder: z.array(z.string()).nullable(),
  /** SHORT_TEXT: what was typed and the accepted answers in the reader's language. */
  givenText: z.string().nullable(),
  acceptedAnswers: z.array(z.string()),
  explanation: z.string(),
});
export const quizResultSchema = z.object({
  attemptId: uuidSchema,
  number: z.number().int(),
  scorePercent: z.number().int(),
  passPercent: z.number().int(),
  passed: z.boolean(),
  submittedAt: z.iso.datetime(),
  questions: z.array(questionResultSchema),
  attemptsLeft: z.number().int().nullable(),
  nextAttemptAt: z.iso.datetime().nullable(),
  courseCompleted: z.boolean(),
});
export type QuizResult = z.infer<typeof quizResultSchema>;

export const signOffCreateSchema = z.strictObject({
  result: z.enum(PRACTICAL_RESULTS),
  comment: z.string().trim().max(2000).default(''),
});
export type SignOffCreate = z.infer<typeof signOffCreateSchema>;

export const myLearningItemSchema = z.object({
  enrolmentId: uuidSchema,
  courseId: uuidSchema,
  title: z.string(),
  learner: learnerStateSchema,
  resumeLessonId: uuidSchema.nullable(),
  cohort: cohortWindowSchema.nullable(),
  certificateId: uuidSchema.nullable(),
  leadsTo: z.array(courseCertificateSchema),
});
export type MyLearningItem = z.infer<typeof myLearningItemSchema>;
export const myLearningSchema = z.object({
  assigned: z.array(myLearningItemSchema),
  inProgress: z.array(myLearningItemSchema),
  completed: z.array(myLearningItemSchema),
});
export type MyLearning = z.infer<typeof myLearningSchema>;

/** A path's state uses the shared progress states (progress-states.ts). */
export const PATH_STATES = PROGRESS_STATES;

/** A course of a learning path, in the path's order, with where the learner stands in it. */
export const learnerPathCourseSchema = z.object({
  id: uuidSchema,
  title: z.string(),
  estimatedMinutes: z.number().int(),
  learner: learnerStateSchema,
  /** The first course of the path not completed yet: the one to take now. */
  next: z.boolean(),
});
export type LearnerPathCourse = z.infer<typeof learnerPathCourseSchema>;

/** A published learning path as a learner sees it: its courses in order and the certificate it leads to. */
export const learnerPathSchema = z.object({
  id: uuidSchema,
  title: z.string(),
  summary: z.string(),
  organisationName: z.string().nullable(),
  state: z.enum(PATH_STATES),
  completedCourses: z.number().int(),
  totalCourses: z.number().int(),
  progressPercent: z.number().int().min(0).max(100),
  nextCourseId: uuidSchema.nullable(),
  courses: z.array(learnerPathCourseSchema),
  /** The certificate completing the path earns; `certificateId` once the learner holds one. */
  certificate: z.object({ typeId: uuidSchema, name: z.string(), certificateId: uuidSchema.nullable() }).nullable(),
});
export type LearnerPath = z.infer<typeof learnerPathSchema>;
export const learnerPathListSchema = z.object({ items: z.array(learnerPathSchema) });
export type LearnerPathList = z.infer<typeof learnerPathListSchema>;
