import { Injectable } from '@nestjs/common';
import type { MyLearning, MyLearningItem } from '@tadamon/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { learnerScopeOf, selfEnrolOrganisation } from '../courses/learner-scope.js';
import { learnerState } from './learner-view.js';
import { flattenOutline, nextLessonToTake } from './lesson-sequence.js';
import { LearningClock } from './learning-clock.js';
import { LearningRepository } from './learning.repository.js';
import { localisedText } from '../../common/i18n/localised-text.js';

/** How many completed courses "My learning" lists (newest first); the rest is history. */
const COMPLETED_SHOWN = 50;

/** Self-enrolment, leaving a course, and "My learning". */
@Injectable()
export class EnrolmentService {
  constructor(
    private readonly repository: LearningRepository,
    private readonly clock: LearningClock,
  ) {}

  /** Enrols the caller (the course's policy decides; enrolLearner checks publication and prerequisites). */
  async enrol(actor: Actor, courseId: string) {
    const course = await this.repository.findVisibleCourse(learnerScopeOf(actor), courseId);
    if (!course) throw notFound('course');
    const existing = course.enrolments[0];
    if (existing && existing.status !== 'WITHDRAWN') return { enrolmentId: existing.id };
    const organisationId = selfEnrolOrganisation(actor, course);
    if (!organisationId) {
      throw new AppError('COURSE_NOT_OPEN_TO_YOU', 'This course is given by assignment; ask your organisation leader.');
    }
    const enrolment = await this.repository.transaction((tx) =>
      this.repository.enrol(tx, { courseId, userId: actor.userId, organisationId, source: 'SELF' }),
    );
    return { enrolmentId: enrolment.id };
  }

  /** Leaves a course one chose; an assigned or cohort course, or a completed one, stays. */
  async withdraw(actor: Actor, courseId: string): Promise<void> {
    const enrolment = await this.repository.enrolmentFor(actor.userId, courseId);
    if (!enrolment || enrolment.status === 'WITHDRAWN') throw notFound('enrolment');
    if (enrolment.status === 'COMPLETED' || enrolment.source !== 'SELF') {
      throw new AppError('ENROLMENT_NOT_WITHDRAWABLE', 'This course was assigned to you or is completed.');
    }
    await this.repository.withdrawIfActive(enrolment.id);
  }

  /** In progress, assigned (with due dates, overdue flagged) and completed (with certificate). */
  async myLearning(actor: Actor): Promise<MyLearning> {
    const now = this.clock.now();
    const [active, completed] = await Promise.all([
      this.repository.myEnrolments(actor.userId, 'ACTIVE'),
      this.repository.myEnrolments(actor.userId, 'COMPLETED', COMPLETED_SHOWN),
    ]);
    const [certificates, nextLessons, leadsTo] = await Promise.all([
      this.certificatesOf(actor.userId, completed.map((e) => e.courseId)),
      this.nextLessonsOf(active),
      this.repository.certificatesLeadingTo([...active, ...completed].map((e) => e.courseId), actor.preferredLanguage),
    ]);
    const itemOf = (e: (typeof active)[number]): MyLearningItem => ({
      enrolmentId: e.id,
      courseId: e.courseId,
      title: localisedText(e.course.titles, actor.preferredLanguage, e.course.network.fallbackLanguages),
      learner: learnerState(e, now),
      resumeLessonId: nextLessons.get(e.id) ?? null,
      cohort: e.cohort
        ? { id: e.cohort.id, name: e.cohort.name, startsAt: e.cohort.startsAt.toISOString(), endsAt: e.cohort.endsAt.toISOString() }
        : null,
      certificateId: certificates.get(e.courseId) ?? null,
      leadsTo: leadsTo.get(e.courseId) ?? [],
    });
    const assigned = active.filter((e) => e.source !== 'SELF' || e.dueAt !== null);
    // Assigned courses by due date, soonest (and overdue) first; no due date last.
    assigned.sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity));
    return {
      assigned: assigned.map(itemOf),
      inProgress: active.filter((e) => !assigned.includes(e)).map(itemOf),
      completed: completed.map(itemOf),
    };
  }

  /**
   * For each active enrolment, the lesson "Start"/"Continue" opens: the next one not yet done.
   * Outlines and progress of all of them in three queries, not a pair per course.
   */
  private async nextLessonsOf(enrolments: { id: string; versionId: string }[]) {
    if (enrolments.length === 0) return new Map<string, string | null>();
    const [outlines, facts] = await Promise.all([
      this.repository.outlines([...new Set(enrolments.map((e) => e.versionId))]),
      this.repository.lessonFactsOf(enrolments.map((e) => e.id)),
    ]);
    return new Map(
      enrolments.map((e) => [e.id, nextLessonToTake(flattenOutline(outlines.get(e.versionId) ?? []), facts.get(e.id)!)?.id ?? null] as const),
    );
  }

  private certificatesOf(userId: string, courseIds: string[]) {
    return this.repository.certificatesFor(userId, courseIds);
  }
}
