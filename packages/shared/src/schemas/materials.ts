import { z } from 'zod';
import { cursorPageQuerySchema, languageSchema, pageOf, uuidSchema } from './common.js';

/** The training-material library (issue 3): request and response shapes. */

export const MATERIAL_KINDS = ['DOCUMENT', 'IMAGE', 'AUDIO', 'VIDEO', 'LINK'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];
export const MATERIAL_STANDARD_TOPICS = [
  'LEADERSHIP',
  'ORGANISING',
  'FUNDRAISING',
  'FIRST_AID',
  'HYGIENE',
  'LEGAL_ADVOCACY',
] as const;
export type MaterialStandardTopic = (typeof MATERIAL_STANDARD_TOPICS)[number];
export const MATERIAL_AUDIENCES = ['LEADERS', 'VOLUNTEERS', 'EVERYONE'] as const;
export const MATERIAL_VISIBILITIES = ['ORGANISATION', 'NETWORK', 'PUBLIC'] as const;
export type MaterialVisibility = (typeof MATERIAL_VISIBILITIES)[number];
export const MATERIAL_FILE_STATUSES = ['PROCESSING', 'READY', 'FAILED'] as const;
/** Why processing failed; the SPA translates `materials:failure.<reason>`. */
export const MATERIAL_FAILURE_REASONS = ['PDF_UNREADABLE', 'FILE_MISSING', 'UPLOAD_INFECTED', 'SCAN_FAILED', 'SCAN_UNAVAILABLE'] as const;

/** File types accepted per kind, by extension (checked against the file's magic bytes). */
export const MATERIAL_EXTENSIONS: Record<Exclude<MaterialKind, 'LINK'>, readonly string[]> = {
  DOCUMENT: ['pdf', 'docx', 'pptx', 'odt'],
  IMAGE: ['jpg', 'png', 'webp', 'gif'],
  AUDIO: ['mp3', 'm4a', 'ogg', 'wav'],
  VIDEO: ['mp4', 'webm'],
};

const tagsSchema = z.array(z.string().trim().min(1).max(40)).max(20).default([]);
const shortText = (max: number) => z.string().trim().max(max);

export const materialTranslationInputSchema = z.strictObject({
  language: languageSchema,
  title: z.string().trim().min(2).max(200),
  summary: shortText(2000).default(''),
  tags: tagsSchema,
  externalUrl: z.url({ protocol: /^https?$/ }).max(500).nullable().optional(),
});
export type MaterialTranslationInput = z.input<typeof materialTranslationInputSchema>;

const topicFields = {
  standardTopic: z.enum(MATERIAL_STANDARD_TOPICS).nullable().optional(),
  customTopicId: uuidSchema.nullable().optional(),
};

export const materialCreateSchema = z
  .strictObject({
    networkId: uuidSchema,
    /** Absent: network-wide material (coordinators only). */
    organisationId: uuidSchema.nullable().optional(),
    kind: z.enum(MATERIAL_KINDS),
    ...topicFields,
    audience: z.enum(MATERIAL_AUDIENCES),
    visibility: z.enum(MATERIAL_VISIBILITIES),
    partner: shortText(200).default(''),
    licence: shortText(200).default(''),
    translation: materialTranslationInputSchema,
  })
  .refine((m) => !!m.standardTopic !== !!m.customTopicId, {
    message: 'Choose exactly one topic.',
    path: ['standardTopic'],
  });
export type MaterialCreate = z.input<typeof materialCreateSchema>;

export const materialUpdateSchema = z.strictObject({
  ...topicFields,
  audience: z.enum(MATERIAL_AUDIENCES).optional(),
  visibility: z.enum(MATERIAL_VISIBILITIES).optional(),
  partner: shortText(200).optional(),
  licence: shortText(200).optional(),
});

/** Media processing (posters, renditions): files made from a file version. */
export const MATERIAL_DERIVATIVE_KINDS = ['THUMBNAIL', 'VIDEO_LOW', 'AUDIO'] as const;
export type MaterialDerivativeKind = (typeof MATERIAL_DERIVATIVE_KINDS)[number];
export const MATERIAL_DERIVATIVE_STATUSES = ['PROCESSING', 'READY', 'FAILED', 'UNAVAILABLE'] as const;
/** Why a derived file is missing; the SPA translates `materials:media.reason.<reason>`. */
export const MATERIAL_MEDIA_REASONS = [
  'FFMPEG_MISSING',
  'PDFTOPPM_MISSING',
  'NO_AUDIO_TRACK',
  'NO_VIDEO_TRACK',
  'MEDIA_UNREADABLE',
  'RENDER_FAILED',
] as const;

export const materialDerivativeSchema = z.object({
  kind: z.enum(MATERIAL_DERIVATIVE_KINDS),
  status: z.enum(MATERIAL_DERIVATIVE_STATUSES),
  failureReason: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});
export type MaterialDerivative = z.infer<typeof materialDerivativeSchema>;

export const materialListMediaSchema = z.object({
  fileId: uuidSchema,
  hasThumbnail: z.boolean(),
  pageCount: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
});
export type MaterialListMedia = z.infer<typeof materialListMediaSchema>;

/** URL names of the renditions: `/api/material-files/:fileId/renditions/:rendition`. */
export const MATERIAL_RENDITIONS = { 'data-saver': 'VIDEO_LOW', audio: 'AUDIO' } as const;
export const materialRenditionParamsSchema = z.strictObject({
  fileId: uuidSchema,
  rendition: z.enum(['data-saver', 'audio']),
});

export const materialFileSchema = z.object({
  id: uuidSchema,
  version: z.number().int(),
  originalName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  status: z.enum(MATERIAL_FILE_STATUSES),
  failureReason: z.string().nullable(),
  pageCount: z.number().int().nullable(),
  createdAt: z.string(),
  uploadedByName: z.string().nullable(),
  /** Audio and video length, and picture size of images and videos, once the media job has run. */
  durationMs: z.number().int().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  /** Thumbnail, data-saver video and audio track, each with its own state. */
  derivatives: z.array(materialDerivativeSchema),
});
export type MaterialFile = z.infer<typeof materialFileSchema>;

export const materialTranslationSchema = z.object({
  id: uuidSchema,
  language: z.string(),
  title: z.string(),
  summary: z.string(),
  tags: z.array(z.string()),
  externalUrl: z.string().nullable(),
  currentFile: materialFileSchema.nullable(),
});
export type MaterialTranslation = z.infer<typeof materialTranslationSchema>;

const topicSchema = z.object({
  standardTopic: z.enum(MATERIAL_STANDARD_TOPICS).nullable(),
  customTopic: z.object({ id: uuidSchema, name: z.string() }).nullable(),
});

export const materialSummarySchema = topicSchema.extend({
  id: uuidSchema,
  networkId: uuidSchema,
  organisationId: uuidSchema.nullable(),
  organisationName: z.string().nullable(),
  kind: z.enum(MATERIAL_KINDS),
  audience: z.enum(MATERIAL_AUDIENCES),
  visibility: z.enum(MATERIAL_VISIBILITIES),
  /** The language version shown: the reader's language, else the network's fallback order. */
  language: z.string(),
  title: z.string(),
  summary: z.string(),
  tags: z.array(z.string()),
  languages: z.array(z.string()),
  status: z.enum(MATERIAL_FILE_STATUSES).nullable(),
  updatedAt: z.string(),
  /** What the list shows of the shown version's file: thumbnail, pages, length. */
  media: materialListMediaSchema.nullable().optional(),
});
export type MaterialSummary = z.infer<typeof materialSummarySchema>;

export const materialDetailSchema = materialSummarySchema.extend({
  partner: z.string(),
  licence: z.string(),
  canEdit: z.boolean(),
  translations: z.array(materialTranslationSchema),
  /** Courses that use this material (filled once the courses feature exists). */
  courses: z.array(z.object({ id: uuidSchema, title: z.string() })),
});
export type MaterialDetail = z.infer<typeof materialDetailSchema>;

export const materialListQuerySchema = cursorPageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  networkId: uuidSchema.optional(),
  standardTopic: z.enum(MATERIAL_STANDARD_TOPICS).optional(),
  customTopicId: uuidSchema.optional(),
  audience: z.enum(MATERIAL_AUDIENCES).optional(),
  language: languageSchema.optional(),
  kind: z.enum(MATERIAL_KINDS).optional(),
});
export type MaterialListQuery = z.infer<typeof materialListQuerySchema>;
export const materialPageSchema = pageOf(materialSummarySchema);

export const materialFileListSchema = z.object({ items: z.array(materialFileSchema) });

export const materialTopicSchema = z.object({ id: uuidSchema, networkId: uuidSchema, name: z.string(), archivedAt: z.string().nullable() });
export const materialTopicListSchema = z.object({ items: z.array(materialTopicSchema) });
export const materialTopicCreateSchema = z.strictObject({ name: z.string().trim().min(2).max(80) });

/** tus Upload-Metadata the SPA sends with each upload. */
export const materialUploadMetadataSchema = z.object({
  translationId: uuidSchema,
  filename: z.string().min(1).max(255),
});

/** The library for visitors who are not signed in (public material only); `lang` picks the version shown. */
export const publicMaterialListQuerySchema = materialListQuerySchema.extend({ lang: languageSchema.optional() });
export type PublicMaterialListQuery = z.infer<typeof publicMaterialListQuerySchema>;
export const publicMaterialQuerySchema = z.strictObject({ lang: languageSchema.optional() });

/** Rename and/or archive (true) or bring back (false) a custom topic. */
export const materialTopicUpdateSchema = z
  .strictObject({ name: z.string().trim().min(2).max(80).optional(), archived: z.boolean().optional() })
  .refine((value) => value.name !== undefined || value.archived !== undefined, { message: 'nothing_to_change' });
export type MaterialTopicUpdate = z.infer<typeof materialTopicUpdateSchema>;
