import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import { JobQueue } from '../../common/jobs/job-queue.js';
import type { JobTx } from '../../common/jobs/job-catalogue.js';
import { CourseProgressClock } from './course-progress-clock.js';
import { courseMail, type CourseMailKind } from './course-progress-mail.js';
import { CourseProgressRepository } from './course-progress.repository.js';
import { localisedText } from '../../common/i18n/localised-text.js';
import { noticeOf } from '../../common/channels/short-messages.js';

/** How long before the due date the reminder goes out. */
export const DUE_REMINDER_LEAD_MS = 3 * 24 * 3600_000;

/** Deterministic: one reminder job per enrolment and due date, so moving the date is remove + add. */
export const dueReminderJobId = (enrolmentId: string, dueAt: Date) => `course-due-reminder:${enrolmentId}:${dueAt.getTime()}`;

/**
 * Delay until the reminder: three days before the due date, at once when the due date is
 * nearer than that, none when it has passed.
 */
export function dueReminderDelay(dueAt: Date, now: Date): number | null {
  if (dueAt.getTime() <= now.getTime()) return null;
  return Math.max(0, dueAt.getTime() - DUE_REMINDER_LEAD_MS - now.getTime());
}

/**
 * Assignment e-mails and due-date reminders. Every mail is a `mail.send` job whose id names the
 * enrolment and the event, so a retried handler or a repeated request never mails twice. The
 * reminder is a delayed `courses.due-reminder` job; its handler checks the enrolment still
 * stands as it was (active, same due date), so a stale job sends nothing.
 */
@Injectable()
export class CourseRemindersService {
  constructor(
    private readonly repository: CourseProgressRepository,
    private readonly jobs: JobQueue,
    private readonly clock: CourseProgressClock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  link(courseId: string): string {
    return `${this.config.publicUrl}/learning/courses/${courseId}`;
  }

  /**
   * After an assignment: the mail (once per assignment event) and the reminder where the date
   * moved. `tx` is the assignment's transaction: the jobs commit, or roll back, with it.
   */
  async assigned(enrolmentId: string, event: string, previousDueAt: Date | null, tx: JobTx): Promise<void> {
    const enrolment = await this.repository.enrolmentForMail(enrolmentId, tx);
    if (!enrolment) return;
    await this.mail(enrolment, enrolment.dueAt ? 'assignedWithDue' : 'assigned', `course-assignment:${enrolmentId}:${event}`, tx);
    await this.dueDateChanged(enrolmentId, previousDueAt, enrolment.status === 'ACTIVE' ? enrolment.dueAt : null, tx);
  }

  /** Moves the reminder, in the transaction that moved the date: the old date's job goes, the new date's comes (none for null). */
  async dueDateChanged(enrolmentId: string, before: Date | null, after: Date | null, tx: JobTx): Promise<void> {
    if (before && before.getTime() !== after?.getTime()) await this.jobs.remove(dueReminderJobId(enrolmentId, before), { tx });
    if (!after) return;
    const delayMs = dueReminderDelay(after, this.clock.now());
    if (delayMs === null) return;
    await this.jobs.enqueue(
      'courses.due-reminder',
      { enrolmentId, dueAt: after.toISOString() },
      { jobId: dueReminderJobId(enrolmentId, after), delayMs, tx },
    );
  }

  /**
   * For the learning module when an enrolment completes (and for withdrawals here): the
   * reminder is removed. The handler would ignore it anyway; removing keeps the queue clean.
   */
  async enrolmentEnded(enrolmentId: string, dueAt: Date | null, tx?: JobTx): Promise<void> {
    if (dueAt) await this.jobs.remove(dueReminderJobId(enrolmentId, dueAt), { tx });
  }

  /** The `courses.due-reminder` handler. */
  async sendDueReminder(enrolmentId: string, dueAt: Date): Promise<void> {
    const enrolment = await this.repository.enrolmentForMail(enrolmentId);
    if (!enrolment || enrolment.status !== 'ACTIVE') return; // completed or withdrawn meanwhile
    if (enrolment.dueAt?.getTime() !== dueAt.getTime()) return; // a stale job from before a change
    if (this.clock.now().getTime() < dueAt.getTime() - DUE_REMINDER_LEAD_MS - 60_000) return; // far too early
    await this.mail(enrolment, 'dueReminder', `course-due-reminder-mail:${enrolmentId}:${dueAt.getTime()}`);
  }

  private async mail(
    enrolment: NonNullable<Awaited<ReturnType<CourseProgressRepository['enrolmentForMail']>>>,
    kind: CourseMailKind,
    reason: string,
    tx?: JobTx,
  ) {
    const user = enrolment.user;
    const link = this.link(enrolment.courseId);
    const mail = courseMail({
      kind,
      language: user.preferredLanguage,
      timeZone: user.timeZone,
      recipientName: user.name,
      courseTitle: localisedText(enrolment.course.titles, user.preferredLanguage, enrolment.course.network.fallbackLanguages),
      dueAt: enrolment.dueAt,
      link,
    });
    // Assignments and due dates reach the learner through their channels for course due dates.
    await this.jobs.enqueue(
      'messages.send',
      { reason, kind: 'COURSE_DUE', userId: user.id, networkId: enrolment.course.networkId, email: mail, short: noticeOf(mail.subject, link) },
      { jobId: reason, tx },
    );
  }
}
