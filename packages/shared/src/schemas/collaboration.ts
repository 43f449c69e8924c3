import { z } from 'zod';
import { INT4_MAX, languageSchema, uuidSchema } from './common.js';

/**
 * Collaboration space (issue 7): working groups, discussions, joint documents, signatures and
 * notifications. All user text is Markdown; answers carry it as written (`…Markdown`) and as
 * sanitised HTML (`…Html`) rendered by the API, so the SPA never renders raw user markup.
 */

const markdown = (max: number) => z.string().max(max);
const title = z.string().trim().min(1).max(200);

export const GROUP_AUDIENCES = ['NETWORK', 'ORGANISATIONS'] as const;
export type GroupAudience = (typeof GROUP_AUDIENCES)[number];

export const groupCreateSchema = z
  .strictObject({
    networkId: uuidSchema,
    name: title,
    description: markdown(10_000).default(''),
    audience: z.enum(GROUP_AUDIENCES),
    /** With audience ORGANISATIONS: who may see the group (the creator's own is added). */
    organisationIds: z.array(uuidSchema).max(500).default([]),
  });
export type GroupCreate = z.infer<typeof groupCreateSchema>;

export const groupListQuerySchema = z.strictObject({
  networkId: uuidSchema.optional(),
  q: z.string().trim().max(100).optional(),
});

export const groupSummarySchema = z.object({
  id: uuidSchema,
  networkId: uuidSchema,
  name: z.string(),
  audience: z.enum(GROUP_AUDIENCES),
  following: z.boolean(),
  threadCount: z.number().int(),
  documentCount: z.number().int(),
});
export type GroupSummary = z.infer<typeof groupSummarySchema>;

export const groupDetailSchema = groupSummarySchema.extend({
  descriptionMarkdown: z.string(),
  descriptionHtml: z.string(),
  organisations: z.array(z.object({ id: uuidSchema, name: z.string() })),
  coordinators: z.array(z.object({ id: uuidSchema, name: z.string() })),
  /** The caller may hide, lock and resolve reports here. */
  canModerate: z.boolean(),
});
export type GroupDetail = z.infer<typeof groupDetailSchema>;

export const groupMemberSchema = z.object({ id: uuidSchema, name: z.string(), organisationName: z.string() });
export type GroupMember = z.infer<typeof groupMemberSchema>;

// ---- Threads and posts ----

export const threadCreateSchema = z.strictObject({
  title,
  body: markdown(20_000).refine((b) => b.trim().length > 0, 'required'),
  /** People named with @ (picked from the group's members). */
  mentions: z.array(uuidSchema).max(50).default([]),
  /** Library materials attached (ones the author can see). */
  attachments: z.array(uuidSchema).max(10).default([]),
});
export type ThreadCreate = z.infer<typeof threadCreateSchema>;

export const postCreateSchema = threadCreateSchema.omit({ title: true });
export type PostCreate = z.infer<typeof postCreateSchema>;
export const postEditSchema = z.strictObject({ body: threadCreateSchema.shape.body });

export const threadSummarySchema = z.object({
  id: uuidSchema,
  groupId: uuidSchema,
  title: z.string(),
  authorName: z.string(),
  locked: z.boolean(),
  hidden: z.boolean(),
  postCount: z.number().int(),
  lastPostAt: z.string(),
});
export type ThreadSummary = z.infer<typeof threadSummarySchema>;

export const postAttachmentSchema = z.object({
  materialId: uuidSchema,
  available: z.boolean(),
  title: z.string().nullable(),
  kind: z.string().nullable(),
});
export type PostAttachment = z.infer<typeof postAttachmentSchema>;

export const postSchema = z.object({
  id: uuidSchema,
  authorId: uuidSchema.nullable(),
  authorName: z.string(),
  /** Hidden posts keep their place but show no text to anyone but moderators. */
  hidden: z.boolean(),
  bodyMarkdown: z.string(),
  bodyHtml: z.string(),
  mentions: z.array(z.object({ id: uuidSchema, name: z.string() })),
  /** A material the reader may not see shows as not available: no title, no kind. */
  attachments: z.array(postAttachmentSchema),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  revisionCount: z.number().int(),
  reportCount: z.number().int(),
});
export type Post = z.infer<typeof postSchema>;

export const threadDetailSchema = threadSummarySchema.extend({
  canModerate: z.boolean(),
  posts: z.array(postSchema),
});
export type ThreadDetail = z.infer<typeof threadDetailSchema>;

export const postRevisionSchema = z.object({ bodyMarkdown: z.string(), bodyHtml: z.string(), createdAt: z.string() });
export const reportCreateSchema = z.strictObject({ reason: z.string().trim().min(1).max(1000) });
export const moderationSchema = z.strictObject({ hidden: z.boolean().optional(), locked: z.boolean().optional() });

// ---- Joint documents ----

export const DOCUMENT_KINDS = ['LETTER', 'OP_ED', 'STATEMENT', 'CAMPAIGN_TEXT'] as const;
export const DOCUMENT_STATUSES = ['DRAFT', 'IN_REVIEW', 'OPEN_FOR_SIGNATURE', 'PUBLISHED', 'ARCHIVED'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** The only moves a document's status may make; anything else answers INVALID_STATUS_TRANSITION. */
export const DOCUMENT_TRANSITIONS: Record<DocumentStatus, readonly DocumentStatus[]> = {
  DRAFT: ['IN_REVIEW', 'ARCHIVED'],
  IN_REVIEW: ['DRAFT', 'OPEN_FOR_SIGNATURE', 'ARCHIVED'],
  OPEN_FOR_SIGNATURE: ['IN_REVIEW', 'PUBLISHED', 'ARCHIVED'],
  PUBLISHED: ['ARCHIVED'],
  ARCHIVED: [],
};
/** Text may change only before signatures are collected. */
export const EDITABLE_STATUSES: readonly DocumentStatus[] = ['DRAFT', 'IN_REVIEW'];

export const documentCreateSchema = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS),
  ownerOrganisationId: uuidSchema,
  language: languageSchema,
  title,
  body: markdown(100_000),
  /** Organisations invited to sign besides the owner. */
  signatoryOrganisationIds: z.array(uuidSchema).max(500).default([]),
});
export type DocumentCreate = z.infer<typeof documentCreateSchema>;

export const versionSaveSchema = z.strictObject({
  title,
  body: markdown(100_000),
  /** The revision this edit started from; 0 creates a new language version. */
  baseRevision: z.number().int().min(0).max(INT4_MAX),
});
export type VersionSave = z.infer<typeof versionSaveSchema>;

export const statusChangeSchema = z.strictObject({ status: z.enum(DOCUMENT_STATUSES) });
export const signatoriesAddSchema = z.strictObject({ organisationIds: z.array(uuidSchema).min(1).max(500) });
export const signatureDecisionSchema = z.strictObject({ decision: z.enum(['SIGN', 'DECLINE']) });

export const SIGNATURE_STATUSES = ['INVITED', 'SIGNED', 'DECLINED'] as const;
export const signatorySchema = z.object({
  organisationId: uuidSchema,
  organisationName: z.string(),
  status: z.enum(SIGNATURE_STATUSES),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type Signatory = z.infer<typeof signatorySchema>;

export const documentVersionSchema = z.object({
  language: languageSchema,
  title: z.string(),
  bodyMarkdown: z.string(),
  bodyHtml: z.string(),
  revision: z.number().int(),
  updatedAt: z.string(),
});
export type DocumentVersion = z.infer<typeof documentVersionSchema>;

export const documentSummarySchema = z.object({
  id: uuidSchema,
  groupId: uuidSchema,
  kind: z.enum(DOCUMENT_KINDS),
  status: z.enum(DOCUMENT_STATUSES),
  title: z.string(),
  /** The language `title` is in (the reader's when that version exists), for its `lang`/`dir`. */
  titleLanguage: languageSchema,
  ownerOrganisationName: z.string(),
  languages: z.array(languageSchema),
  signedCount: z.number().int(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

export const documentDetailSchema = documentSummarySchema.extend({
  ownerOrganisationId: uuidSchema,
  versions: z.array(documentVersionSchema),
  signatories: z.array(signatorySchema),
  canEdit: z.boolean(),
  canChangeStatus: z.boolean(),
  /** Organisations the caller leads that may sign or decline now. */
  canSignFor: z.array(uuidSchema),
  allowedTransitions: z.array(z.enum(DOCUMENT_STATUSES)),
});
export type DocumentDetail = z.infer<typeof documentDetailSchema>;

export const revisionSummarySchema = z.object({
  revision: z.number().int(),
  authorName: z.string(),
  createdAt: z.string(),
});
export const diffQuerySchema = z.strictObject({
  from: z.coerce.number().int().min(1).max(INT4_MAX),
  to: z.coerce.number().int().min(1).max(INT4_MAX),
});
export const diffPartSchema = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });
export type DiffPart = z.infer<typeof diffPartSchema>;
export const revisionDiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  title: z.array(diffPartSchema),
  body: z.array(diffPartSchema),
});
export type RevisionDiff = z.infer<typeof revisionDiffSchema>;

/** `details` of the 409 CONFLICT a stale save gets: what the other person saved meanwhile. */
export const saveConflictDetailsSchema = z.object({
  currentRevision: z.number().int(),
  current: z.object({ title: z.string(), body: z.string(), authorName: z.string(), savedAt: z.string() }),
  /** Word diff from the revision the save was based on to the current one. */
  theirChanges: z.array(diffPartSchema),
});
export type SaveConflictDetails = z.infer<typeof saveConflictDetailsSchema>;

// ---- Comments on passages ----

export const COMMENT_STATES = ['OPEN', 'ACCEPTED', 'RESOLVED'] as const;
export const commentCreateSchema = z.strictObject({
  language: languageSchema,
  /** The passage commented on, copied from the text; empty for the whole text. */
  quote: z.string().max(1000).default(''),
  body: threadCreateSchema.shape.body,
});
export type CommentCreate = z.infer<typeof commentCreateSchema>;
export const commentDecisionSchema = z.strictObject({ state: z.enum(['ACCEPTED', 'RESOLVED', 'OPEN']) });
export const commentSchema = z.object({
  id: uuidSchema,
  language: languageSchema,
  quote: z.string(),
  bodyMarkdown: z.string(),
  bodyHtml: z.string(),
  authorName: z.string(),
  state: z.enum(COMMENT_STATES),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type DocumentComment = z.infer<typeof commentSchema>;
export const commentListSchema = z.object({
  items: z.array(commentSchema),
  /** The caller may accept or resolve comments (the owner organisation's leaders). */
  canDecide: z.boolean(),
});

// ---- Notifications ----

export const EMAIL_MODES = ['IMMEDIATE', 'DAILY', 'OFF'] as const;
export const NOTIFICATION_KINDS = [
  'mention',
  'reply',
  'newThread',
  'documentStatus',
  'signatureRequested',
  'signatureDecided',
  'documentComment',
  'meetingInvitation',
  'meetingPoll',
  'meetingTimeChanged',
  'meetingCancelled',
  'meetingMinutes',
  'meetingActionItem',
  'dataExportReady',
  'erasureRequested',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notificationSchema = z.object({
  id: uuidSchema,
  kind: z.enum(NOTIFICATION_KINDS),
  /** Values for the localised sentence (actor, title, status, organisation). */
  data: z.record(z.string(), z.string()),
  link: z.string(),
  read: z.boolean(),
  createdAt: z.string(),
});
export type AppNotification = z.infer<typeof notificationSchema>;
export const notificationListSchema = z.object({ items: z.array(notificationSchema), unreadCount: z.number().int() });
export const notificationReadSchema = z.strictObject({ ids: z.array(uuidSchema).max(200).optional() });
export const notificationPreferenceSchema = z.strictObject({ emailMode: z.enum(EMAIL_MODES) });
