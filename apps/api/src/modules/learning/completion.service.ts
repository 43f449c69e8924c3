import { Inject, Injectable, Logger } from '@nestjs/common';
import { isLanguage } from '@tadamon/shared';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import { JobQueue } from '../../common/jobs/job-queue.js';
import type { JobTx } from '../../common/jobs/job-catalogue.js';
import { CourseRemindersService } from '../course-progress/course-reminders.service.js';
import { courseCompletedMail } from './course-completed.mail.js';
import { localisedText } from '../../common/i18n/localised-text.js';
import { noticeOf } from '../../common/channels/short-messages.js';

interface CertificateJob {
  certificateTypeId: string;
  cycle?: number;
}

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
  ) {}

  async afterCompletion(enrolmentId: string, tx: JobTx): Promise<void> {
    const enrolment = await tx.courseEnrolment.findUniqueOrThrow({
      where: { id: enrolmentId },
      include: {
        user: { select: { email: true, name: true, preferredLanguage: true } },
        course: { select: { id: true, titles: true, networkId: true, network: { select: { fallbackLanguages: true } } } },
      },
    });
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
    for (const job of await this.certificatesEarned(tx, enrolment.userId, enrolment.courseId, enrolment.course.networkId)) {
      await this.jobs.enqueue(
        'learning.issue-certificate',
        { certificateTypeId: job.certificateTypeId, userId: enrolment.userId, organisationId: enrolment.organisationId, cycle: job.cycle },
        { jobId: `course-certificate:${enrolment.userId}:${job.certificateTypeId}:${job.cycle ?? 'earned'}`, tx },
      );
    }
    this.logger.log({ enrolmentId }, 'Course completed');
  }

  /**
   * Certificate types of the course's network whose rule this completion fulfils:
   * - earning: every course the rule names (or every course of its learning path) completed;
   * - renewal: this is the rule's refresher course and the learner holds a certificate of the
   *   type that expires (or has expired): the next cycle is issued, named in the job so a
   *   retry finds the same cycle already issued.
   */
  async certificatesEarned(db: JobTx, userId: string, courseId: string, networkId: string): Promise<CertificateJob[]> {
    const rules = await db.$queryRaw<{ certificateTypeId: string; courseIds: string[]; learningPathId: string | null; renewalCourseId: string | null }[]>`
      SELECT r."certificateTypeId", r."courseIds", r."learningPathId", r."renewalCourseId"
        FROM "CertificateTypeRule" r JOIN "CertificateType" t ON t."id" = r."certificateTypeId"
       WHERE t."networkId" = ${networkId}::uuid
         AND (${courseId}::uuid = ANY(r."courseIds") OR r."renewalCourseId" = ${courseId}::uuid
              OR EXISTS (SELECT 1 FROM "LearningPathCourse" pc WHERE pc."pathId" = r."learningPathId" AND pc."courseId" = ${courseId}::uuid))`;
    if (rules.length === 0) return [];
    const completed = new Set(
      (
        await db.courseEnrolment.findMany({ where: { userId, status: 'COMPLETED' }, select: { courseId: true } })
      ).map((e) => e.courseId),
    );
    const jobs: CertificateJob[] = [];
    for (const rule of rules) {
      if (rule.renewalCourseId === courseId) {
        const held = await db.certificate.findFirst({
          where: { holderUserId: userId, certificateTypeId: rule.certificateTypeId, revokedAt: null },
          orderBy: { cycle: 'desc' },
        });
        if (held?.expiresAt) {
          const last = await db.certificate.aggregate({
            where: { holderUserId: userId, certificateTypeId: rule.certificateTypeId },
            _max: { cycle: true },
          });
          jobs.push({ certificateTypeId: rule.certificateTypeId, cycle: (last._max.cycle ?? 0) + 1 });
          continue;
        }
      }
      const required = [...rule.courseIds];
      if (rule.learningPathId) {
        const path = await db.learningPathCourse.findMany({ where: { pathId: rule.learningPathId }, select: { courseId: true } });
        required.push(...path.map((p) => p.courseId));
      }
      const earnsByCourse = rule.courseIds.length > 0 && rule.courseIds.every((id) => completed.has(id));
      const earnsByPath = !!rule.learningPathId && required.length > rule.courseIds.length && required.slice(rule.courseIds.length).every((id) => completed.has(id));
      if (earnsByCourse || earnsByPath) jobs.push({ certificateTypeId: rule.certificateTypeId });
    }
    return jobs;
  }
}
