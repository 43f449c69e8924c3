import type { Language } from './languages.js';

/**
 * Where a person stands in a course they are enrolled in — one definition for every screen and
 * export (My learning, the course page, the leader's team-learning table, CSV files), so that a
 * learner and their leader never read two different states for one enrolment.
 *
 * - NOT_STARTED: enrolled (chose it, or it was assigned) and no lesson opened yet;
 * - IN_PROGRESS: a lesson opened or completed, the course not completed;
 * - COMPLETED: the course is completed.
 *
 * The team-learning report filters and counts in SQL; `progress-reports.repository.ts` writes
 * this same rule as a predicate, and its integration test compares both for the same enrolments.
 */
export const PROGRESS_STATES = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED'] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];

export interface ProgressFacts {
  status: 'ACTIVE' | 'COMPLETED' | 'WITHDRAWN';
  completedLessons: number;
  /** The last lesson the learner opened (null: none yet). */
  lastLessonId: string | null;
}

/** The state of an enrolment that was not withdrawn. */
export function progressStateOf(facts: ProgressFacts): ProgressState {
  if (facts.status === 'COMPLETED') return 'COMPLETED';
  return facts.completedLessons === 0 && facts.lastLessonId === null ? 'NOT_STARTED' : 'IN_PROGRESS';
}

/**
 * The names of the states in each language. The SPA loads them as the i18next namespace
 * `progress` (so screens translate them like any other text) and the API writes them in CSV
 * exports: one wording everywhere. NOT_ENROLLED is for catalogue cards of courses one has not
 * joined.
 */
export const PROGRESS_STATE_LABELS: Record<Language, Record<ProgressState | 'NOT_ENROLLED', string>> = {
  en: { NOT_ENROLLED: 'Not enrolled', NOT_STARTED: 'Not started', IN_PROGRESS: 'In progress', COMPLETED: 'Completed' },
  fr: { NOT_ENROLLED: 'Non inscrit', NOT_STARTED: 'Pas commencé', IN_PROGRESS: 'En cours', COMPLETED: 'Terminé' },
  ar: { NOT_ENROLLED: 'غير مسجَّل', NOT_STARTED: 'لم يبدأ بعد', IN_PROGRESS: 'قيد التقدّم', COMPLETED: 'مكتمل' },
  es: { NOT_ENROLLED: 'Sin inscribir', NOT_STARTED: 'Sin empezar', IN_PROGRESS: 'En curso', COMPLETED: 'Terminado' },
  nl: { NOT_ENROLLED: 'Niet ingeschreven', NOT_STARTED: 'Niet begonnen', IN_PROGRESS: 'Bezig', COMPLETED: 'Afgerond' },
};
