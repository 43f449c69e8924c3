import { z } from 'zod';
import { INT4_MAX, uuidSchema } from './common.js';
import { localisedTextSchema, optionalLocalisedTextSchema } from './courses.js';

/**
 * Accreditation of organisations (issue 5, quality assurance): frameworks of criteria,
 * self-assessments with evidence, criterion-by-criterion review.
 */

export const ACCREDITATION_FRAMEWORK_STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
export const ACCREDITATION_ASSESSMENT_STATUSES = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED'] as const;
export type AccreditationAssessmentStatus = (typeof ACCREDITATION_ASSESSMENT_STATUSES)[number];
export const ACCREDITATION_RATINGS = ['MET', 'PARTLY_MET', 'NOT_MET'] as const;
export type AccreditationRating = (typeof ACCREDITATION_RATINGS)[number];
/** What the directory shows about an organisation. */
export const ACCREDITATION_STANDINGS = ['ACCREDITED', 'EXPIRED', 'NONE'] as const;
export type AccreditationStanding = (typeof ACCREDITATION_STANDINGS)[number];

export const accreditationCriterionInputSchema = z.strictObject({
  titles: localisedTextSchema(300),
  guidance: optionalLocalisedTextSchema(4000),
  evidenceDescriptions: optionalLocalisedTextSchema(1000),
  evidenceRequired: z.boolean().default(false),
  /** Leader certification: a leader of the organisation must hold a current certificate of this type. */
  requiredCertificateTypeId: uuidSchema.nullable().default(null),
});

export const accreditationSectionInputSchema = z.strictObject({
  titles: localisedTextSchema(200),
  criteria: z.array(accreditationCriterionInputSchema).min(1).max(50),
});

/** The whole framework at once: a draft is replaced as a whole, in one transaction. */
export const accreditationFrameworkInputSchema = z.strictObject({
  titles: localisedTextSchema(200),
  descriptions: optionalLocalisedTextSchema(4000),
  validityMonths: z.number().int().min(1).max(120).default(36),
  sections: z.array(accreditationSectionInputSchema).min(1).max(30),
});
export type AccreditationFrameworkInput = z.input<typeof accreditationFrameworkInputSchema>;

const texts = z.record(z.string(), z.string());

export const accreditationCriterionSchema = z.object({
  id: uuidSchema,
  titles: texts,
  guidance: texts,
  evidenceDescriptions: texts,
  evidenceRequired: z.boolean(),
  requiredCertificateTypeId: uuidSchema.nullable(),
});
export const accreditationSectionSchema = z.object({
  id: uuidSchema,
  titles: texts,
  criteria: z.array(accreditationCriterionSchema),
});
export const accreditationFrameworkSummarySchema = z.object({
  id: uuidSchema,
  networkId: uuidSchema,
  status: z.enum(ACCREDITATION_FRAMEWORK_STATUSES),
  titles: texts,
  descriptions: texts,
  validityMonths: z.number().int(),
  criteriaCount: z.number().int(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export const accreditationFrameworkSchema = accreditationFrameworkSummarySchema.extend({
  sections: z.array(accreditationSectionSchema),
});
export type AccreditationFramework = z.infer<typeof accreditationFrameworkSchema>;
export const accreditationFrameworkListSchema = z.object({ items: z.array(accreditationFrameworkSummarySchema) });

export const accreditationAssessmentCreateSchema = z.strictObject({ frameworkId: uuidSchema });

/** A leader's answer to one criterion. `revision` is the assessment revision the edit is based on. */
export const accreditationAnswerInputSchema = z.strictObject({
  statement: z.string().trim().max(10000),
  evidenceMaterialIds: z.array(uuidSchema).max(20).default([]),
  revision: z.number().int().min(1).max(INT4_MAX),
});
export const accreditationReviewInputSchema = z.strictObject({
  rating: z.enum(ACCREDITATION_RATINGS),
  comment: z.string().trim().max(4000).default(''),
  revision: z.number().int().min(1).max(INT4_MAX),
});
export const accreditationSubmitSchema = z.strictObject({ revision: z.number().int().min(1).max(INT4_MAX) });
export const ACCREDITATION_DECISIONS = ['APPROVE', 'REQUEST_CHANGES'] as const;
export const accreditationDecisionSchema = z.strictObject({
  decision: z.enum(ACCREDITATION_DECISIONS),
  comment: z.string().trim().max(4000).default(''),
  revision: z.number().int().min(1).max(INT4_MAX),
});

export const accreditationEvidenceSchema = z.object({
  materialId: uuidSchema,
  /** Null when the reader may no longer see the material (it was deleted or moved). */
  title: z.string().nullable(),
});
export const accreditationAnswerSchema = z.object({
  criterionId: uuidSchema,
  statement: z.string(),
  statementHtml: z.string(),
  evidence: z.array(accreditationEvidenceSchema),
  rating: z.enum(ACCREDITATION_RATINGS).nullable(),
  reviewComment: z.string(),
  /** For leader-certification criteria: whether a leader holds a current certificate now. */
  certificateHeld: z.boolean().nullable(),
});
export const accreditationEventSchema = z.object({
  id: uuidSchema,
  action: z.enum(['submitted', 'changes_requested', 'approved']),
  actorName: z.string().nullable(),
  comment: z.string(),
  at: z.string(),
});
export const accreditationAssessmentSummarySchema = z.object({
  id: uuidSchema,
  organisationId: uuidSchema,
  organisationName: z.string(),
  country: z.string(),
  frameworkId: uuidSchema,
  frameworkTitles: texts,
  status: z.enum(ACCREDITATION_ASSESSMENT_STATUSES),
  revision: z.number().int(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  validUntil: z.string().nullable(),
  updatedAt: z.string(),
});
export const accreditationAssessmentSchema = accreditationAssessmentSummarySchema.extend({
  framework: accreditationFrameworkSchema,
  answers: z.array(accreditationAnswerSchema),
  events: z.array(accreditationEventSchema),
  canEdit: z.boolean(),
  canReview: z.boolean(),
});
export type AccreditationAssessment = z.infer<typeof accreditationAssessmentSchema>;
export const accreditationAssessmentListSchema = z.object({ items: z.array(accreditationAssessmentSummarySchema) });
export const accreditationQueueQuerySchema = z.strictObject({
  status: z.enum(ACCREDITATION_ASSESSMENT_STATUSES).optional(),
});
