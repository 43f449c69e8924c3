import type { OutlineLesson, OutlineModule } from './learning.repository.js';

export interface SequenceFacts {
  progress: Map<string, { status: 'STARTED' | 'COMPLETED' }>;
  quizzesPassed: Set<string>;
}

export type SequencedLesson = OutlineLesson & { moduleTitles: unknown; index: number };

/** The lessons of a version in the order a learner takes them. */
export function flattenOutline(outline: OutlineModule[]): SequencedLesson[] {
  const lessons: SequencedLesson[] = [];
  for (const module of outline) {
    for (const lesson of module.lessons) lessons.push({ ...lesson, moduleTitles: module.titles, index: lessons.length });
  }
  return lessons;
}

/**
 * Whether a lesson lets the learner move on. A completed lesson does; a practical lesson does
 * once visited (and its quiz passed, if any), because the assessor usually signs off later in
 * person and the rest of the course must not wait for that meeting.
 */
export function letsLearnerOn(lesson: OutlineLesson, facts: SequenceFacts): boolean {
  const progress = facts.progress.get(lesson.id);
  if (progress?.status === 'COMPLETED') return true;
  return lesson.requiresPractical && !!progress && (!lesson.hasQuiz || facts.quizzesPassed.has(lesson.id));
}

/** A lesson is locked until every earlier lesson lets the learner on (server-enforced: no skipping). */
export function lockedFrom(lessons: OutlineLesson[], facts: SequenceFacts): number {
  const blocking = lessons.findIndex((lesson) => !letsLearnerOn(lesson, facts));
  return blocking === -1 ? lessons.length : blocking + 1;
}

/**
 * The lesson "Start"/"Continue" opens: the first one that still holds the learner back (not
 * the last one opened, which may be done), else the first not completed (a practical task
 * waiting for its sign-off), else the last lesson (everything done: review).
 */
export function nextLessonToTake<T extends OutlineLesson>(lessons: T[], facts: SequenceFacts): T | null {
  return (
    lessons.find((lesson) => !letsLearnerOn(lesson, facts)) ??
    lessons.find((lesson) => facts.progress.get(lesson.id)?.status !== 'COMPLETED') ??
    lessons.at(-1) ??
    null
  );
}
