import type { Readable } from 'node:stream';

/**
 * Where material files live once an upload is complete. Keys are ours (never a user's file
 * name). Local disk now; an S3-compatible driver can implement the same four operations for
 * deployments with several API processes.
 */
export abstract class StorageDriver {
  /** Takes over a finished upload's temporary file (moved, not copied, where possible). */
  abstract adopt(key: string, temporaryPath: string): Promise<void>;
  /** Size in bytes, or null when the object is missing. */
  abstract size(key: string): Promise<number | null>;
  /** A stream of the bytes `start..end` (inclusive), or the whole object. */
  abstract read(key: string, range?: { start: number; end: number }): Readable;
  abstract remove(key: string): Promise<void>;
}
