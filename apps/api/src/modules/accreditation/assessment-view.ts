import type { AccreditationAssessment } from '@tadamon/shared';
import { renderMarkdown } from '../../common/text/markdown.js';
import { toFrameworkView } from './framework-view.js';
import type { StoredAssessment, StoredAssessmentSummary } from './assessments.repository.js';

export interface AssessmentViewContext {
  /** Titles of the evidence materials the reader may see, by material id. */
  evidenceTitles: Map<string, string>;
  /** Certificate types a leader of the organisation holds now (leader-certification criteria). */
  heldCertificateTypes: Set<string>;
  canEdit: boolean;
  canReview: boolean;
}

type EventAction = AccreditationAssessment['events'][number]['action'];

export function toAssessmentSummary(assessment: StoredAssessmentSummary) {
  return {
    id: assessment.id,
    organisationId: assessment.organisation.id,
    organisationName: assessment.organisation.name,
    country: assessment.organisation.country,
    frameworkId: assessment.frameworkId,
    frameworkTitles: (assessment.framework.titles ?? {}) as Record<string, string>,
    status: assessment.status,
    revision: assessment.revision,
    submittedAt: assessment.submittedAt?.toISOString() ?? null,
    decidedAt: assessment.decidedAt?.toISOString() ?? null,
    validUntil: assessment.validUntil?.toISOString() ?? null,
    updatedAt: assessment.updatedAt.toISOString(),
  };
}

export function toAssessmentView(assessment: StoredAssessment, context: AssessmentViewContext): AccreditationAssessment {
  const framework = toFrameworkView(assessment.framework);
  const certificateTypeOf = new Map(
    framework.sections.flatMap((s) => s.criteria.map((c) => [c.id, c.requiredCertificateTypeId] as const)),
  );
  return {
    ...toAssessmentSummary(assessment),
    framework,
    answers: assessment.answers.map((answer) => {
      const typeId = certificateTypeOf.get(answer.criterionId) ?? null;
      return {
        criterionId: answer.criterionId,
        statement: answer.statement,
        statementHtml: renderMarkdown(answer.statement),
        evidence: answer.evidenceMaterialIds.map((materialId) => ({
          materialId,
          title: context.evidenceTitles.get(materialId) ?? null,
        })),
        rating: answer.rating,
        reviewComment: answer.reviewComment,
        certificateHeld: typeId ? context.heldCertificateTypes.has(typeId) : null,
      };
    }),
    events: assessment.events.map((event) => ({
      id: event.id,
      action: event.action as EventAction,
      actorName: event.actor?.name ?? null,
      comment: event.comment,
      at: event.at.toISOString(),
    })),
    canEdit: context.canEdit,
    canReview: context.canReview,
  };
}

/** What the reviewer decided on: kept with each event so later edits do not rewrite history. */
export function snapshotOf(assessment: StoredAssessment) {
  return {
    revision: assessment.revision,
    answers: assessment.answers.map((a) => ({
      criterionId: a.criterionId,
      statement: a.statement,
      evidenceMaterialIds: a.evidenceMaterialIds,
      rating: a.rating,
      reviewComment: a.reviewComment,
    })),
  };
}
