import type { MaterialDetail, MaterialFile, MaterialSummary } from '@tadamon/shared';
import type { MaterialFileWithUploader, MaterialWithDetail } from './materials.repository.js';
import type { MaterialRow } from './material-search.repository.js';

/** Database rows → the shared response shapes. */

export function fileOut(file: MaterialFileWithUploader): MaterialFile {
  return {
    id: file.id,
    version: file.version,
    originalName: file.originalName,
    mimeType: file.mimeType,
    sizeBytes: Number(file.sizeBytes),
    status: file.status,
    failureReason: file.failureReason,
    pageCount: file.pageCount,
    createdAt: file.createdAt.toISOString(),
    uploadedByName: file.uploadedBy?.name ?? null,
    durationMs: file.durationMs,
    width: file.width,
    height: file.height,
    derivatives: file.derivatives.map((d) => ({ ...d, sizeBytes: d.sizeBytes === null ? null : Number(d.sizeBytes) })),
  };
}

export function summaryOut(row: MaterialRow): MaterialSummary {
  return {
    id: row.id,
    networkId: row.networkId,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    kind: row.kind as MaterialSummary['kind'],
    standardTopic: row.standardTopic as MaterialSummary['standardTopic'],
    customTopic: row.customTopicId ? { id: row.customTopicId, name: row.customTopicName ?? '' } : null,
    audience: row.audience as MaterialSummary['audience'],
    visibility: row.visibility as MaterialSummary['visibility'],
    language: row.language,
    title: row.title,
    summary: row.summary,
    tags: row.tags,
    languages: row.languages,
    status: row.status as MaterialSummary['status'],
    updatedAt: row.updatedAt.toISOString(),
    media: row.fileId
      ? { fileId: row.fileId, hasThumbnail: row.hasThumbnail, pageCount: row.pageCount, durationMs: row.durationMs }
      : null,
  };
}

const isPublished = (t: MaterialWithDetail['translations'][number]) =>
  t.externalUrl !== null || t.currentFile?.status === 'READY';

/**
 * Readers get the published versions only; the one shown first is in their language, else the
 * first of the network's fallback languages that exists, else the oldest.
 */
export function detailOut(material: MaterialWithDetail, language: string, canEdit: boolean): MaterialDetail {
  const translations = canEdit ? material.translations : material.translations.filter(isPublished);
  const order = [language, ...material.network.fallbackLanguages];
  const rank = (t: (typeof translations)[number]) => {
    const index = order.indexOf(t.language);
    return (isPublished(t) ? 0 : 1000) + (index === -1 ? 100 : index);
  };
  const sorted = [...translations].sort((a, b) => rank(a) - rank(b));
  const shown = sorted[0]!;
  return {
    id: material.id,
    networkId: material.networkId,
    organisationId: material.organisationId,
    organisationName: material.organisation?.name ?? null,
    kind: material.kind,
    standardTopic: material.standardTopic,
    customTopic: material.customTopic,
    audience: material.audience,
    visibility: material.visibility,
    partner: material.partner,
    licence: material.licence,
    language: shown.language,
    title: shown.title,
    summary: shown.summary,
    tags: shown.tags,
    languages: translations.map((t) => t.language).sort(),
    status: shown.currentFile?.status ?? null,
    updatedAt: material.updatedAt.toISOString(),
    canEdit,
    translations: sorted.map((t) => ({
      id: t.id,
      language: t.language,
      title: t.title,
      summary: t.summary,
      tags: t.tags,
      externalUrl: t.externalUrl,
      currentFile: t.currentFile ? fileOut(t.currentFile) : null,
    })),
    courses: [],
  };
}
