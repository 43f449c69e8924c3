import { Injectable } from '@nestjs/common';
import type { SignOffCreate, SignOffQueue } from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { pickLocalisedText } from '../../common/i18n/localised-text.js';
import { renderMarkdown } from '../../common/text/markdown.js';
import { CompletionService } from './completion.service.js';
import { LearningClock } from './learning-clock.js';
import { LearningRepository } from './learning.repository.js';
import { completeIfRulesHold, completeLesson, lockEnrolment } from './progress-writer.js';
import { networksHolding, organisationsHolding } from '../../common/auth/roles.js';

/**
 * Practical sign-off: an assessor (leaders of the learner's organisation, coordinators of its
 * network: `courses.assess`) records PASSED or NOT_YET with a comment. Every decision is kept;
 * a PASSED one completes the lesson. Nobody signs off their own task.
 */
/** Enough for one sitting; the oldest come first and leave the list once signed off. */
const QUEUE_LIMIT = 200;

@Injectable()
export class PracticalService {
  constructor(
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
    await this.repository.transaction(async (tx) => {
      await lockEnrolment(tx, enrolment.id);
      await this.repository.createSignOff(tx, {
        enrolmentId: enrolment.id, lessonId, result: input.result, comment: input.comment, assessorId: actor.userId, recordedAt: now,
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

  /**
   * The practical tasks waiting for this assessor: learners of the organisations they lead and,
   * for coordinators, of every organisation of their networks. Their own tasks never appear.
   */
  async queue(actor: Actor): Promise<SignOffQueue> {
    const organisationIds = organisationsHolding(actor, 'courses.assess');
    const networkIds = networksHolding(actor, 'courses.assess');
    const rows = await this.repository.waitingPracticals(
      { allOrganisations: actor.isPlatformAdmin, organisationIds, networkIds, excludeUserId: actor.userId },
      QUEUE_LIMIT,
    );
    const decisions = await this.repository.signOffsOf([...new Set(rows.map((r) => r.enrolment.id))]);
    const latest = new Map<string, (typeof decisions)[number]>();
    for (const d of decisions) if (!latest.has(`${d.enrolmentId}:${d.lessonId}`)) latest.set(`${d.enrolmentId}:${d.lessonId}`, d);
    return {
      items: rows.map((row) => {
        const pick = (texts: unknown) => pickLocalisedText(texts, actor.preferredLanguage, row.enrolment.course.network.fallbackLanguages).text;
        const last = latest.get(`${row.enrolment.id}:${row.lesson.id}`);
        return {
          enrolmentId: row.enrolment.id,
          lessonId: row.lesson.id,
          learner: { id: row.enrolment.user.id, name: row.enrolment.user.name },
          organisationName: row.enrolment.organisation.name,
          courseId: row.enrolment.course.id,
          courseTitle: pick(row.enrolment.course.titles),
          lessonTitle: pick(row.lesson.titles),
          instructionsHtml: renderMarkdown(pick(row.lesson.practicalInstructions)),
          waitingSince: row.startedAt.toISOString(),
          lastDecision: last
            ? { id: last.id, result: last.result, comment: last.comment, assessorName: last.assessor?.name ?? null, recordedAt: last.recordedAt.toISOString() }
            : null,
        };
      }),
    };
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
