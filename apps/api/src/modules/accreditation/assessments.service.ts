import { Injectable } from '@nestjs/common';
import type { AccreditationAssessmentStatus } from '@tadamon/shared';
import { z } from 'zod';
import {
  accreditationAnswerInputSchema,
  accreditationDecisionSchema,
  accreditationReviewInputSchema,
} from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { localisedText } from '../../common/i18n/localised-text.js';
import { AccreditationClock } from './accreditation-clock.js';
import { AccreditationNotifier } from './accreditation-notifier.js';
import { AssessmentsRepository, type StoredAssessment } from './assessments.repository.js';
import { snapshotOf, toAssessmentSummary, toAssessmentView } from './assessment-view.js';
import { FrameworksRepository } from './frameworks.repository.js';
import { holdsInOrganisation } from '../../common/auth/roles.js';
import { CertificateLookup } from '../certificates/certificate-lookup.js';
import { MaterialLookup } from '../materials/material-lookup.js';

type AnswerInput = z.infer<typeof accreditationAnswerInputSchema>;
type ReviewInput = z.infer<typeof accreditationReviewInputSchema>;
type DecisionInput = z.infer<typeof accreditationDecisionSchema>;
type Gap = { criterionId: string; missing: 'statement' | 'evidence' | 'certificate' | 'rating' | 'notMet' };

const EDITABLE: AccreditationAssessmentStatus[] = ['DRAFT', 'CHANGES_REQUESTED'];
const MONTH_MS = 30.4375 * 24 * 3600 * 1000;

/**
 * The accreditation workflow: a leader fills in and submits the self-assessment of their
 * organisation, a coordinator of the network rates each criterion and approves or asks for
 * changes. Every change names the revision it was based on, so two people working on one
 * assessment never overwrite each other silently (409 CONFLICT, reload and redo).
 */
@Injectable()
export class AssessmentsService {
  constructor(
    private readonly repository: AssessmentsRepository,
    private readonly frameworks: FrameworksRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly notifier: AccreditationNotifier,
    private readonly clock: AccreditationClock,
    private readonly materials: MaterialLookup,
    private readonly certificates: CertificateLookup,
  ) {}

  async start(actor: Actor, organisationId: string, frameworkId: string, ip: string) {
    const [organisation] = await this.access.requireOrganisationAccess(actor, 'accreditation.selfAssess', [organisationId]);
    requireOwnLeader(actor, organisationId);
    const framework = await this.frameworks.findById(frameworkId);
    if (!framework || framework.networkId !== organisation!.networkId || framework.status === 'DRAFT') {
      throw notFound('framework');
    }
    if (framework.status !== 'PUBLISHED') {
      throw new AppError('FRAMEWORK_NOT_EDITABLE', 'This framework is archived: choose its current edition.');
    }
    const criterionIds = framework.sections.flatMap((s) => s.criteria.map((c) => c.id));
    const started = await this.repository.start(organisationId, frameworkId, criterionIds, actor.userId);
    if (!started.created) {
      throw new AppError('ACCREDITATION_IN_PROGRESS', 'Your organisation already has an assessment against this framework in progress.', {
        assessmentId: started.id,
      });
    }
    await this.audit.record({
      action: 'accreditation.started',
      actorId: actor.userId,
      organisationId,
      networkId: organisation!.networkId,
      ip,
      details: { assessmentId: started.id, frameworkId },
    });
    return this.get(actor, started.id);
  }

  async listForOrganisation(actor: Actor, organisationId: string) {
    await this.access.requireOrganisationAccess(actor, 'accreditation.selfAssess', [organisationId]);
    return { items: (await this.repository.listForOrganisation(organisationId)).map(toAssessmentSummary) };
  }

  /** The review queue of a network. */
  async listForNetwork(actor: Actor, networkId: string, status?: AccreditationAssessmentStatus) {
    await this.access.requireNetworkAccess(actor, 'accreditation.review', networkId);
    return { items: (await this.repository.listForNetwork(networkId, status)).map(toAssessmentSummary) };
  }

  async get(actor: Actor, id: string) {
    const assessment = await this.requireReadable(actor, id);
    return this.view(actor, assessment);
  }

  async answer(actor: Actor, id: string, criterionId: string, input: AnswerInput) {
    const assessment = await this.requireReadable(actor, id);
    requireOwnLeader(actor, assessment.organisationId);
    this.requireCriterion(assessment, criterionId);
    const evidence = [...new Set(input.evidenceMaterialIds)];
    // Material the leader may not see in the library does not exist for them: 404, nothing saved.
    const visible = await this.materials.visibleIds(actor, evidence);
    if (evidence.some((materialId) => !visible.has(materialId))) throw notFound('material');
    const owned = await this.materials.ownedBy(assessment.organisationId, evidence);
    if (owned.length !== evidence.length) {
      throw new AppError('VALIDATION_FAILED', 'Evidence must be material of your organisation in the library.', {
        fields: { evidenceMaterialIds: [{ code: 'notOrganisationMaterial', message: 'Not a material of this organisation.' }] },
      });
    }
    await this.guarded(assessment, input.revision, EDITABLE, (tx) =>
      this.repository.updateAnswer(tx, id, criterionId, { statement: input.statement, evidenceMaterialIds: evidence }),
    );
    return this.get(actor, id);
  }

  async submit(actor: Actor, id: string, revision: number, ip: string) {
    const assessment = await this.requireReadable(actor, id);
    requireOwnLeader(actor, assessment.organisationId);
    const gaps = await this.submissionGaps(assessment);
    if (gaps.length > 0) {
      throw new AppError('ACCREDITATION_INCOMPLETE', 'Some criteria still need an answer, evidence or a certificate.', { criteria: gaps });
    }
    await this.guarded(
      assessment,
      revision,
      EDITABLE,
      async (tx) => {
        await this.repository.addEvent(tx, { assessmentId: id, action: 'submitted', actorId: actor.userId, comment: '', snapshot: snapshotOf(assessment) });
        // The coordinators' mails commit with the submission.
        await this.notifier.submitted(assessment, tx);
      },
      { status: 'SUBMITTED', submittedAt: this.clock.now() },
    );
    await this.audit.record({
      action: 'accreditation.submitted',
      actorId: actor.userId,
      organisationId: assessment.organisationId,
      networkId: assessment.organisation.networkId,
      ip,
      details: { assessmentId: id },
    });
    return this.get(actor, id);
  }

  async review(actor: Actor, id: string, criterionId: string, input: ReviewInput) {
    const assessment = await this.requireReviewable(actor, id);
    this.requireCriterion(assessment, criterionId);
    await this.guarded(assessment, input.revision, ['SUBMITTED'], (tx) =>
      this.repository.updateReview(tx, id, criterionId, { rating: input.rating, reviewComment: input.comment }),
    );
    return this.get(actor, id);
  }

  async decide(actor: Actor, id: string, input: DecisionInput, ip: string) {
    const assessment = await this.requireReviewable(actor, id);
    const approve = input.decision === 'APPROVE';
    if (approve) {
      const gaps = this.approvalGaps(assessment);
      if (gaps.length > 0) {
        throw new AppError('ACCREDITATION_INCOMPLETE', 'Every criterion must be rated, and none not met, to approve.', { criteria: gaps });
      }
    } else if (!input.comment) {
      throw new AppError('VALIDATION_FAILED', 'Say what should change.', {
        fields: { comment: [{ code: 'required', message: 'Say what should change.' }] },
      });
    }
    const now = this.clock.now();
    const validUntil = new Date(now.getTime() + assessment.framework.validityMonths * MONTH_MS);
    const action = approve ? 'approved' : 'changes_requested';
    await this.guarded(
      assessment,
      input.revision,
      ['SUBMITTED'],
      async (tx) => {
        await this.repository.addEvent(tx, { assessmentId: id, action, actorId: actor.userId, comment: input.comment, snapshot: snapshotOf(assessment) });
        if (approve) await this.repository.setAccreditedUntil(tx, assessment.organisationId, validUntil);
        // The leaders' mails and the validity reminders commit with the decision.
        await this.notifier.decided(assessment, approve ? { kind: 'approved', validUntil } : { kind: 'changes_requested', comment: input.comment }, tx);
      },
      approve ? { status: 'APPROVED', decidedAt: now, validUntil } : { status: 'CHANGES_REQUESTED', decidedAt: now },
    );
    await this.audit.record({
      action: approve ? 'accreditation.approved' : 'accreditation.changes_requested',
      actorId: actor.userId,
      organisationId: assessment.organisationId,
      networkId: assessment.organisation.networkId,
      ip,
      details: { assessmentId: id, ...(approve ? { validUntil: validUntil.toISOString() } : {}) },
    });
    return this.get(actor, id);
  }

  /** Leaders of the organisation and reviewers of its network; for anyone else 404, as for an unknown id. */
  private async requireReadable(actor: Actor, id: string): Promise<StoredAssessment> {
    const assessment = await this.repository.findById(id);
    if (!assessment) throw notFound('assessment');
    this.access.requireOrganisationObject(
      actor,
      'accreditation.selfAssess',
      { id: assessment.organisationId, networkId: assessment.organisation.networkId },
      'assessment',
    );
    return assessment;
  }

  private async requireReviewable(actor: Actor, id: string) {
    const assessment = await this.requireReadable(actor, id);
    await this.access.requireNetworkAccess(actor, 'accreditation.review', assessment.organisation.networkId);
    return assessment;
  }

  private requireCriterion(assessment: StoredAssessment, criterionId: string) {
    if (!assessment.answers.some((a) => a.criterionId === criterionId)) throw notFound('criterion');
  }

  private async guarded(
    assessment: StoredAssessment,
    revision: number,
    statuses: AccreditationAssessmentStatus[],
    change: Parameters<AssessmentsRepository['guardedUpdate']>[3],
    data?: Parameters<AssessmentsRepository['guardedUpdate']>[4],
  ) {
    if (!statuses.includes(assessment.status)) {
      throw new AppError('ACCREDITATION_NOT_EDITABLE', `The assessment is ${assessment.status.toLowerCase()}: this cannot be done now.`, {
        status: assessment.status,
      });
    }
    if (!(await this.repository.guardedUpdate(assessment.id, revision, statuses, change, data))) {
      const current = await this.repository.findById(assessment.id);
      throw new AppError('CONFLICT', 'Someone changed this assessment meanwhile. Reload it and try again.', {
        revision: current?.revision,
        status: current?.status,
      });
    }
  }

  private async submissionGaps(assessment: StoredAssessment): Promise<Gap[]> {
    const criteria = assessment.framework.sections.flatMap((s) => s.criteria);
    const typeIds = criteria.flatMap((c) => (c.requiredCertificateTypeId ? [c.requiredCertificateTypeId] : []));
    const held = await this.certificates.heldByLeadersOf(assessment.organisationId, typeIds, this.clock.now());
    const answers = new Map(assessment.answers.map((a) => [a.criterionId, a]));
    const gaps: Gap[] = [];
    for (const criterion of criteria) {
      const answer = answers.get(criterion.id);
      if (criterion.requiredCertificateTypeId && !held.has(criterion.requiredCertificateTypeId)) {
        gaps.push({ criterionId: criterion.id, missing: 'certificate' });
      } else if (!criterion.requiredCertificateTypeId && !answer?.statement.trim()) {
        gaps.push({ criterionId: criterion.id, missing: 'statement' });
      } else if (criterion.evidenceRequired && (answer?.evidenceMaterialIds.length ?? 0) === 0) {
        gaps.push({ criterionId: criterion.id, missing: 'evidence' });
      }
    }
    return gaps;
  }

  private approvalGaps(assessment: StoredAssessment): Gap[] {
    return assessment.answers.flatMap((answer): Gap[] => {
      if (!answer.rating) return [{ criterionId: answer.criterionId, missing: 'rating' }];
      if (answer.rating === 'NOT_MET') return [{ criterionId: answer.criterionId, missing: 'notMet' }];
      return [];
    });
  }

  private async view(actor: Actor, assessment: StoredAssessment) {
    const evidenceIds = [...new Set(assessment.answers.flatMap((a) => a.evidenceMaterialIds))];
    const materials = await this.materials.ownedBy(assessment.organisationId, evidenceIds);
    const evidenceTitles = new Map(
      materials.map((m) => [
        m.id,
        localisedText(Object.fromEntries(m.translations.map((t) => [t.language, t.title])), actor.preferredLanguage),
      ]),
    );
    const typeIds = assessment.framework.sections.flatMap((s) =>
      s.criteria.flatMap((c) => (c.requiredCertificateTypeId ? [c.requiredCertificateTypeId] : [])),
    );
    const heldCertificateTypes = await this.certificates.heldByLeadersOf(assessment.organisationId, typeIds, this.clock.now());
    const organisation = { id: assessment.organisationId, networkId: assessment.organisation.networkId };
    return toAssessmentView(assessment, {
      evidenceTitles,
      heldCertificateTypes,
      canEdit: EDITABLE.includes(assessment.status) && isOwnLeader(actor, assessment.organisationId),
      canReview: assessment.status === 'SUBMITTED' && this.access.holdsForNetwork(actor, 'accreditation.review', organisation.networkId),
    });
  }
}

/**
 * Only the organisation's own leaders speak for it in a self-assessment; coordinators, who
 * review it, read it but never write in it, so a review is never of one's own words.
 */
function isOwnLeader(actor: Actor, organisationId: string) {
  return holdsInOrganisation(actor, 'accreditation.selfAssess', organisationId);
}

function requireOwnLeader(actor: Actor, organisationId: string) {
  if (!isOwnLeader(actor, organisationId)) {
    throw new AppError('FORBIDDEN', "Only the organisation's leaders fill in its self-assessment.");
  }
}
