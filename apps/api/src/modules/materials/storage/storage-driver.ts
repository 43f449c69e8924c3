import type { Readable } from 'node:stream';
import type { DataStore } from '@tus/server';

/** What a browser gets when it follows a signed download link. */
export interface SignedResponse {
  contentType: string;
  contentDisposition: string;
}

/**
 * Where material files live once an upload is complete, and where tus keeps unfinished
 * uploads. Keys are ours (`<materialId>/<fileId>`, never a user's file name). Local disk is
 * the default; S3-compatible object storage serves deployments with several API processes.
 */
export abstract class StorageDriver {
  /** The tus data store that holds uploads until they are finished (or abandoned). */
  abstract uploadStore(): DataStore;
  /** Takes over a finished tus upload under `key`; the upload's own data is gone afterwards. */
  abstract adoptUpload(key: string, uploadId: string): Promise<void>;
  /** Stores a file the server made itself (a thumbnail, a rendition) under `key`; the local file is gone afterwards. */
  abstract adopt(key: string, localPath: string): Promise<void>;
  /** Size in bytes, or null when the object is missing. */
  abstract size(key: string): Promise<number | null>;
  /** A stream of the bytes `start..end` (inclusive), or the whole object. */
  abstract read(key: string, range?: { start: number; end: number }): Readable;
  abstract remove(key: string): Promise<void>;
  /**
   * A short-lived URL the browser may fetch the file from directly, answered with the given
   * headers; null when this driver's files are streamed by the API itself.
   */
  abstract signedUrl(key: string, response: SignedResponse): Promise<string | null>;
}
