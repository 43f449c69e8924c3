import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../common/errors/app-error.js';
import { isInlineSafe } from './file-checks.js';
import type { StorageDriver } from './storage/storage-driver.js';

export interface DownloadableFile {
  id: string;
  storageKey: string;
  mimeType: string;
  originalName: string;
}

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` (one range; several are answered whole, as RFC 9110 allows). */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'whole' | 'unsatisfiable' {
  if (!header) return 'whole';
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return 'whole';
  const [, from, to] = match;
  if (from === '' && to === '') return 'whole';
  let start: number;
  let end: number;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(from);
    end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

// Anything opened directly runs in a sandbox with no scripts. Browsers' PDF viewers refuse to
// run inside a CSP sandbox, and a PDF cannot run script in our origin anyway, so PDFs only
// keep the framing rule.
const SANDBOX_CSP = "sandbox; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'";
const PDF_CSP = "frame-ancestors 'self'";

function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Streams a stored file: Range for seeking and resuming, a strong ETag (file versions never
 * change, so the id is enough), and headers that keep a hostile file from running as a page:
 * anything not known to be safe is an attachment, never sniffed, and sandboxed if opened.
 * On S3 the access check has been made by the caller; the answer is then a redirect to a
 * short-lived signed URL whose response carries the same type and disposition (the bucket is
 * another origin, so a file opened there cannot reach our cookies or pages either).
 */
export async function sendStoredFile(
  request: FastifyRequest,
  reply: FastifyReply,
  storage: StorageDriver,
  file: DownloadableFile,
  forceDownload: boolean,
): Promise<void> {
  const inline = !forceDownload && isInlineSafe(file.mimeType);
  const contentType = inline ? file.mimeType : 'application/octet-stream';
  const disposition = contentDisposition(inline ? 'inline' : 'attachment', file.originalName);
  const signed = await storage.signedUrl(file.storageKey, { contentType, contentDisposition: disposition });
  if (signed) {
    await reply
      .code(302)
      .header('location', signed)
      .header('x-content-type-options', 'nosniff')
      // The URL is a bearer credential until it expires: keep it out of Referer headers.
      .header('referrer-policy', 'no-referrer')
      .send();
    return;
  }
  const size = await storage.size(file.storageKey);
  if (size === null) throw new AppError('NOT_FOUND', 'The file is missing.');
  const etag = `"${file.id}"`;
  // If-Range with another validator means the client's partial copy is stale: send it whole.
  const ifRange = request.headers['if-range'];
  const rangeHeader = ifRange && ifRange !== etag ? undefined : request.headers.range;
  const range = parseRange(rangeHeader, size);
  if (range === 'unsatisfiable') {
    throw new AppError('RANGE_NOT_SATISFIABLE', 'The requested range is outside the file.', undefined, {
      'content-range': `bytes */${size}`,
    });
  }
  reply
    .header('etag', etag)
    .header('accept-ranges', 'bytes')
    .header('content-type', contentType)
    .header('content-disposition', disposition)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', inline && file.mimeType === 'application/pdf' ? PDF_CSP : SANDBOX_CSP)
    .header('cross-origin-resource-policy', 'same-origin');
  if (request.headers['if-none-match'] === etag) {
    await reply.code(304).send();
    return;
  }
  if (range === 'whole') {
    await reply.code(200).header('content-length', size).send(storage.read(file.storageKey));
    return;
  }
  await reply
    .code(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
    .header('content-length', range.end - range.start + 1)
    .send(storage.read(file.storageKey, range));
}
