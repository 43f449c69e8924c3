import { progressStateOf, type LearnerState } from '@tadamon/shared';

export interface EnrolmentFacts {
  id: string;
  status: 'ACTIVE' | 'COMPLETED' | 'WITHDRAWN';
  source: 'SELF' | 'ASSIGNED' | 'COHORT';
  completedLessons: number;
  lastLessonId: string | null;
  totalLessons: number;
  dueAt: Date | null;
  completedAt: Date | null;
}

export const percentOf = (done: number, total: number) =>
  total <= 0 ? 0 : Math.min(100, Math.floor((done * 100) / total));

/** Where a learner stands in a course (the shared progress states); a withdrawn enrolment reads as not enrolled. */
export function learnerState(enrolment: EnrolmentFacts | null, now: Date): LearnerState {
  if (!enrolment || enrolment.status === 'WITHDRAWN') {
    return {
      state: 'NOT_ENROLLED',
      enrolmentId: null,
      source: null,
      progressPercent: 0,
      completedLessons: 0,
      totalLessons: enrolment?.totalLessons ?? 0,
      dueAt: null,
      overdue: false,
      completedAt: null,
    };
  }
  const completed = enrolment.status === 'COMPLETED';
  return {
    state: progressStateOf(enrolment),
    enrolmentId: enrolment.id,
    source: enrolment.source,
    progressPercent: completed ? 100 : percentOf(enrolment.completedLessons, enrolment.totalLessons),
    completedLessons: enrolment.completedLessons,
    totalLessons: enrolment.totalLessons,
    dueAt: enrolment.dueAt?.toISOString() ?? null,
    overdue: !completed && !!enrolment.dueAt && enrolment.dueAt.getTime() < now.getTime(),
    completedAt: enrolment.completedAt?.toISOString() ?? null,
  };
}
