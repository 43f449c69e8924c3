import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { LearningClock } from './learning-clock.js';
import { LearningRepository, type OwnEnrolment } from './learning.repository.js';
import { lockedFrom, type SequencedLesson } from './lesson-sequence.js';
import { VersionContentCache } from './version-content.js';

/**
 * The checks every learning action shares, in one place: the enrolment is the caller's own
 * (anyone else's answers 404), the lesson belongs to its pinned version (404), the enrolment
 * is not withdrawn, the cohort's dates allow learning now, and earlier lessons are done.
 */
@Injectable()
export class LessonAccess {
  constructor(
    private readonly repository: LearningRepository,
    private readonly clock: LearningClock,
    private readonly content: VersionContentCache,
  ) {}

  async requireOwnEnrolment(actor: Actor, enrolmentId: string): Promise<OwnEnrolment> {
    const enrolment = await this.repository.ownEnrolment(actor.userId, enrolmentId);
    if (!enrolment) throw notFound('enrolment');
    return enrolment;
  }

  /** Learning happens while enrolled and, for a cohort, between its start and end. */
  assertCanLearn(enrolment: OwnEnrolment): void {
    if (enrolment.status === 'WITHDRAWN') throw new AppError('ENROLMENT_NOT_ACTIVE', 'You left this course; enrol again to continue.');
    const cohort = enrolment.cohort;
    if (!cohort || enrolment.status === 'COMPLETED') return;
    const now = this.clock.now().getTime();
    const window = { startsAt: cohort.startsAt.toISOString(), endsAt: cohort.endsAt.toISOString() };
    if (now < cohort.startsAt.getTime()) throw new AppError('COHORT_NOT_STARTED', 'Your group has not started yet.', window);
    if (now > cohort.endsAt.getTime()) throw new AppError('COHORT_ENDED', "Your group's course period has ended.", window);
  }

  /** The lesson in its sequence, refusing a locked one (no skipping ahead). */
  async requireOpenLesson(actor: Actor, enrolmentId: string, lessonId: string) {
    const enrolment = await this.requireOwnEnrolment(actor, enrolmentId);
    const [content, facts] = await Promise.all([this.content.of(enrolment.version), this.repository.lessonFacts(enrolment.id)]);
    const lessons = content.sequence;
    const index = lessons.findIndex((l) => l.id === lessonId);
    if (index === -1) throw notFound('lesson');
    this.assertCanLearn(enrolment);
    if (index >= lockedFrom(lessons, facts)) {
      throw new AppError('LESSON_LOCKED', 'Finish the previous lessons first.', { lessonId: blockingLesson(lessons, index, facts) });
    }
    return { enrolment, lesson: content.lessons.get(lessonId)!, lessons, index, facts, content };
  }
}

/** The first earlier lesson still to do, so the SPA can point the learner there. */
function blockingLesson(lessons: SequencedLesson[], index: number, facts: Parameters<typeof lockedFrom>[1]) {
  const open = lockedFrom(lessons, facts);
  return lessons[Math.min(open - 1, index)]?.id ?? null;
}
