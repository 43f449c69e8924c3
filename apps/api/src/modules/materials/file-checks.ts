import { fileTypeFromFile, fileTypeFromStream, type FileTypeResult } from 'file-type';
import { MATERIAL_EXTENSIONS, type MaterialKind } from '@tadamon/shared';
import type { StorageDriver } from './storage/storage-driver.js';

/** Extensions people write differently from what `file-type` reports. */
const EXTENSION_ALIASES: Record<string, string> = { jpeg: 'jpg', jpe: 'jpg', oga: 'ogg', opus: 'ogg', m4v: 'mp4' };

/** Types a browser may show inline: never HTML, SVG or anything that can run script. */
const INLINE_SAFE = /^(application\/pdf|image\/(png|jpeg|webp|gif)|audio\/[a-z0-9.+-]+|video\/(mp4|webm))$/;

export function isInlineSafe(mimeType: string): boolean {
  return INLINE_SAFE.test(mimeType);
}

/**
 * A file name safe to show and to put in Content-Disposition: no directories, no control or
 * bidi-override characters, no leading dots, at most 150 characters. It is never used as a path.
 */
export function sanitiseFileName(name: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069"<>:|?*]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim();
  if (!cleaned) return 'file';
  if (cleaned.length <= 150) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 150 - extension.length) + extension;
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  const extension = dot >= 0 ? name.slice(dot + 1).toLowerCase() : '';
  return EXTENSION_ALIASES[extension] ?? extension;
}

export type FileCheck =
  | { ok: true; mimeType: string; extension: string }
  | { ok: false; reason: 'not_allowed' | 'mismatch'; detected: string | null };

/**
 * The file's own bytes decide what it is: its magic bytes must be a type allowed for the
 * material's kind and must agree with the extension of the name it was uploaded under.
 */
export async function checkUploadedFile(path: string, fileName: string, kind: MaterialKind): Promise<FileCheck> {
  if (kind === 'LINK') return { ok: false, reason: 'not_allowed', detected: null };
  return decide(await fileTypeFromFile(path), fileName, kind);
}

/**
 * The bytes a type check may read from the head of a stored file: enough for every accepted
 * type, including an MP3 whose ID3 tag carries cover art, without fetching a whole video.
 */
export const TYPE_CHECK_HEAD_BYTES = 8 * 1024 * 1024;

/** The same check on a stored object, reading only its head (a ranged GET on S3). */
export async function checkStoredFile(
  storage: StorageDriver,
  key: string,
  size: number,
  fileName: string,
  kind: MaterialKind,
): Promise<FileCheck> {
  if (kind === 'LINK' || size === 0) return { ok: false, reason: 'not_allowed', detected: null };
  const head = storage.read(key, { start: 0, end: Math.min(size, TYPE_CHECK_HEAD_BYTES) - 1 });
  try {
    return decide(await fileTypeFromStream(head), fileName, kind);
  } finally {
    head.destroy();
  }
}

function decide(detected: FileTypeResult | undefined, fileName: string, kind: Exclude<MaterialKind, 'LINK'>): FileCheck {
  const allowed = MATERIAL_EXTENSIONS[kind];
  const declared = extensionOf(fileName);
  const detectedExtension = detected ? (EXTENSION_ALIASES[detected.ext] ?? detected.ext) : null;
  if (!detected || !detectedExtension || !allowed.includes(detectedExtension)) {
    return { ok: false, reason: 'not_allowed', detected: detected?.mime ?? null };
  }
  if (declared !== detectedExtension) return { ok: false, reason: 'mismatch', detected: detected.mime };
  return { ok: true, mimeType: detected.mime, extension: detectedExtension };
}
