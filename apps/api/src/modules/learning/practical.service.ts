import { Injectable } from '@nestjs/common';
import type { SignOffCreate } from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { PrismaService } from '../../common/database/prisma.service.js';
import { CompletionService } from './completion.service.js';
import { LearningClock } from './learning-clock.js';
import { LearningRepository } from './learning.repository.js';
import { completeIfRulesHold, completeLesson, lockEnrolment } from './progress-writer.js';

/**
 * Practical sign-off: an assessor (leaders of the learner's organisation, coordinators of its
 * network: `courses.assess`) records PASSED or NOT_YET with a comment. Every decision is kept;
 * a PASSED one completes the lesson. Nobody signs off their own task.
 */
@Injectable()
export class PracticalService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly repository: LearningRepository,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditService,
    private readonly completion: CompletionService,
    private readonly clock: LearningClock,
  ) {}

  async record(actor: Actor, enrolmentId: string, lessonId: string, input: SignOffCreate, ip: string) {
    const enrolment = await this.repository.enrolmentWithOrganisation(enrolmentId);
    if (!enrolment) throw notFound('enrolment');
    if (enrolment.userId === actor.userId) throw new AppError('CANNOT_ASSESS_SELF', 'You cannot sign off your own practical task.');
    // Someone else's enrolment is seen only by the assessors of its organisation: 404 for anyone else.
    this.policy.requireOrganisationObject(actor, 'courses.assess', { id: enrolment.organisationId, networkId: enrolment.organisation.networkId }, 'enrolment');
    const lesson = await this.repository.lesson(enrolment.versionId, lessonId);
    if (!lesson) throw notFound('lesson');
    if (!lesson.requiresPractical) throw new AppError('LESSON_NOT_PRACTICAL', 'This lesson has no practical task.');
    if (enrolment.status === 'WITHDRAWN') throw new AppError('ENROLMENT_NOT_ACTIVE', 'This person left the course.');
    const now = this.clock.now();
    await this.prisma.$transaction(async (tx) => {
      await lockEnrolment(tx, enrolment.id);
      await tx.practicalSignOff.create({
        data: { enrolmentId: enrolment.id, lessonId, result: input.result, comment: input.comment, assessorId: actor.userId, recordedAt: now },
      });
      if (input.result !== 'PASSED') return false;
      await completeLesson(tx, enrolment.id, lessonId, now);
      const completed = await completeIfRulesHold(tx, enrolment.id, now);
      if (completed) await this.completion.afterCompletion(enrolment.id, tx);
      return completed;
    });
    await this.audit.record({
      action: 'course.practical_signed_off',
      actorId: actor.userId,
      subjectUserId: enrolment.userId,
      organisationId: enrolment.organisationId,
      networkId: enrolment.organisation.networkId,
      ip,
      details: { enrolmentId, lessonId, result: input.result },
    });
    return this.history(enrolment.id, lessonId);
  }

  /** The decisions so far, newest first: for the learner themselves or an assessor. */
  async list(actor: Actor, enrolmentId: string, lessonId: string) {
    const enrolment = await this.repository.enrolmentWithOrganisation(enrolmentId);
    if (!enrolment) throw notFound('enrolment');
    if (enrolment.userId !== actor.userId) {
      this.policy.requireOrganisationObject(actor, 'courses.assess', { id: enrolment.organisationId, networkId: enrolment.organisation.networkId }, 'enrolment');
    }
    if (!(await this.repository.lesson(enrolment.versionId, lessonId))) throw notFound('lesson');
    return this.history(enrolment.id, lessonId);
  }

  private async history(enrolmentId: string, lessonId: string) {
    const rows = await this.repository.signOffs(enrolmentId, lessonId);
    return {
      items: rows.map((s) => ({
        id: s.id,
        result: s.result,
        comment: s.comment,
        assessorName: s.assessor?.name ?? null,
        recordedAt: s.recordedAt.toISOString(),
      })),
    };
  }
}
