import { z } from 'zod';
import { LANGUAGES } from '../languages.js';

/**
 * Courses and learning paths (issue 4): the vocabulary every course schema shares. Authoring
 * shapes live in courses-authoring.ts, learning shapes in courses-learning.ts and progress
 * reports in courses-progress.ts.
 */

export const COURSE_STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];
export const COURSE_ENROLMENT_POLICIES = ['NETWORK', 'ORGANISATION', 'ASSIGNED'] as const;
export type CourseEnrolmentPolicy = (typeof COURSE_ENROLMENT_POLICIES)[number];
export const COURSE_VERSION_STATES = ['DRAFT', 'PUBLISHED', 'RETIRED'] as const;
export const QUIZ_QUESTION_TYPES = [
  'SINGLE_CHOICE',
  'MULTIPLE_CHOICE',
  'TRUE_FALSE',
  'ORDERING',
  'SHORT_TEXT',
] as const;
export type QuizQuestionType = (typeof QUIZ_QUESTION_TYPES)[number];
export const ENROLMENT_SOURCES = ['SELF', 'ASSIGNED', 'COHORT'] as const;
export const ENROLMENT_STATUSES = ['ACTIVE', 'COMPLETED', 'WITHDRAWN'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export const LESSON_PROGRESS_STATUSES = ['STARTED', 'COMPLETED'] as const;
export const PRACTICAL_RESULTS = ['PASSED', 'NOT_YET'] as const;

/**
 * A text in one or more of the five languages: `{"fr": "…", "ar": "…"}`. At least one
 * language; the reader gets theirs, else the network's fallback order.
 */
export function localisedTextSchema(max: number, min = 1) {
  return z
    .partialRecord(z.enum(LANGUAGES), z.string().trim().min(min).max(max))
    .refine((texts) => Object.keys(texts).length > 0, 'atLeastOneLanguage');
}
/** Like localisedTextSchema but may be empty (optional bodies, feedback). */
export function optionalLocalisedTextSchema(max: number) {
  return z.partialRecord(z.enum(LANGUAGES), z.string().trim().max(max)).default({});
}
export type LocalisedText = Partial<Record<(typeof LANGUAGES)[number], string>>;
