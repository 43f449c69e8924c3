import { Inject, Injectable, Logger } from '@nestjs/common';
import { isLanguage } from '@tadamon/shared';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import { JobQueue } from '../../common/jobs/job-queue.js';
import type { JobTx } from '../../common/jobs/job-catalogue.js';
import { CourseRemindersService } from '../course-progress/course-reminders.service.js';
import { courseCompletedMail } from './course-completed.mail.js';
import { localisedText } from '../../common/i18n/localised-text.js';
import { noticeOf } from '../../common/channels/short-messages.js';
import { CompletionRepository } from './completion.repository.js';

/**
 * What follows a completed course, queued in the transaction that completed it (the jobs go
 * to the outbox with the completion, so none announces a completion that was rolled back and
 * none is lost if the process stops at the commit): the congratulation message and the
 * certificates it earns. Every job id is derived from the event, so running this
 * twice queues nothing twice, and CertificatesService.issue is itself idempotent per
 * (holder, type, cycle).
 */
@Injectable()
export class CompletionService {
  private readonly logger = new Logger('CourseCompletion');

  constructor(
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dueReminders: CourseRemindersService,
    private readonly repository: CompletionRepository,
  ) {}

  async afterCompletion(enrolmentId: string, tx: JobTx): Promise<void> {
    const enrolment = await this.repository.completedEnrolment(tx, enrolmentId);
    if (enrolment.status !== 'COMPLETED') return;
    // A finished course needs no due-date reminder any more.
    await this.dueReminders.enrolmentEnded(enrolment.id, enrolment.dueAt, tx);
    const language = isLanguage(enrolment.user.preferredLanguage) ? enrolment.user.preferredLanguage : 'en';
    const course = localisedText(enrolment.course.titles, language, enrolment.course.network.fallbackLanguages);
    const link = `${this.config.publicUrl}/learning/courses/${enrolment.courseId}`;
    const mail = courseCompletedMail(language, { name: enrolment.user.name, course }, link);
    // Through the learner's channels for completed courses (an SMS to a phone-only volunteer).
    const reason = `course-completed:${enrolment.id}`;
    await this.jobs.enqueue(
      'messages.send',
      {
        reason,
        kind: 'COURSE_COMPLETED',
        userId: enrolment.userId,
        networkId: enrolment.course.networkId,
        email: mail,
        short: noticeOf(mail.subject, link),
      },
      { jobId: `course-completed-mail:${enrolment.id}`, tx },
    );
    for (const job of await this.repository.certificatesEarned(tx, enrolment.userId, enrolment.courseId, enrolment.course.networkId)) {
      await this.jobs.enqueue(
        'learning.issue-certificate',
        { certificateTypeId: job.certificateTypeId, userId: enrolment.userId, organisationId: enrolment.organisationId, cycle: job.cycle },
        { jobId: `course-certificate:${enrolment.userId}:${job.certificateTypeId}:${job.cycle ?? 'earned'}`, tx },
      );
    }
    this.logger.log({ enrolmentId }, 'Course completed');
  }
}
