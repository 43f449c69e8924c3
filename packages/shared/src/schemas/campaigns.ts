import { z } from 'zod';
import { DOCUMENT_STATUSES } from './collaboration.js';
import { uuidSchema } from './common.js';

/**
 * Campaigns of a working group (issue 7): a goal, a timeline of dated milestones, links to
 * joint documents, meetings and library material, the participating organisations and a
 * progress view. Links the reader may not see are left out of every answer.
 */

const title = z.string().trim().min(1).max(200);
/** A calendar day, YYYY-MM-DD (no time, no zone: a milestone is due on a day). */
const day = z.iso.date();

export const milestoneInputSchema = z.strictObject({
  title,
  dueOn: day,
});
export type MilestoneInput = z.infer<typeof milestoneInputSchema>;

export const milestoneUpdateSchema = z
  .strictObject({ title: title.optional(), dueOn: day.optional(), done: z.boolean().optional() })
  .refine((v) => v.title !== undefined || v.dueOn !== undefined || v.done !== undefined, 'empty');

export const campaignCreateSchema = z.strictObject({
  ownerOrganisationId: uuidSchema,
  title,
  goal: z.string().max(20_000).default(''),
  milestones: z.array(milestoneInputSchema).max(100).default([]),
});
export type CampaignCreate = z.infer<typeof campaignCreateSchema>;

export const campaignUpdateSchema = z
  .strictObject({ title: title.optional(), goal: z.string().max(20_000).optional() })
  .refine((v) => v.title !== undefined || v.goal !== undefined, 'empty');
export type CampaignUpdate = z.infer<typeof campaignUpdateSchema>;

export const CAMPAIGN_LINK_KINDS = ['document', 'meeting', 'material'] as const;
export type CampaignLinkKind = (typeof CAMPAIGN_LINK_KINDS)[number];
export const campaignLinkSchema = z.strictObject({ kind: z.enum(CAMPAIGN_LINK_KINDS), targetId: uuidSchema });
export type CampaignLinkInput = z.infer<typeof campaignLinkSchema>;

export const milestoneSchema = z.object({
  id: uuidSchema,
  title: z.string(),
  dueOn: z.string(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const campaignProgressSchema = z.object({
  milestonesDone: z.number().int(),
  milestonesTotal: z.number().int(),
  /** Linked documents the reader sees, those with at least one signature, and those published. */
  documentsTotal: z.number().int(),
  documentsSigned: z.number().int(),
  documentsPublished: z.number().int(),
  organisations: z.number().int(),
});
export type CampaignProgress = z.infer<typeof campaignProgressSchema>;

export const campaignSummarySchema = z.object({
  id: uuidSchema,
  groupId: uuidSchema,
  title: z.string(),
  ownerOrganisationName: z.string(),
  nextMilestone: milestoneSchema.nullable(),
  progress: campaignProgressSchema,
});
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;

export const campaignDetailSchema = campaignSummarySchema.extend({
  groupName: z.string(),
  ownerOrganisationId: uuidSchema,
  goalMarkdown: z.string(),
  goalHtml: z.string(),
  milestones: z.array(milestoneSchema),
  documents: z.array(z.object({ id: uuidSchema, title: z.string(), status: z.enum(DOCUMENT_STATUSES), signedCount: z.number().int() })),
  meetings: z.array(z.object({ id: uuidSchema, title: z.string(), startsAt: z.string(), cancelled: z.boolean() })),
  materials: z.array(z.object({ id: uuidSchema, title: z.string(), kind: z.string() })),
  organisations: z.array(z.object({ id: uuidSchema, name: z.string(), joinedAt: z.string() })),
  /** The caller may change goal, timeline and links (owner's leaders, group coordinators). */
  canEdit: z.boolean(),
  /** Organisations the caller leads that may join now, and those that may leave. */
  canJoinFor: z.array(z.object({ id: uuidSchema, name: z.string() })),
  canLeaveFor: z.array(uuidSchema),
});
export type CampaignDetail = z.infer<typeof campaignDetailSchema>;
