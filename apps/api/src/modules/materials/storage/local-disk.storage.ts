import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { StorageDriver } from './storage-driver.js';

const KEY = /^[a-z0-9][a-z0-9/_-]{0,200}$/;

/**
 * Files under `<DATA_DIR>/materials`, one per key, and unfinished uploads under
 * `<DATA_DIR>/uploads`. Keys are checked so none escapes the root. Downloads are streamed by
 * the API (no signed URLs).
 */
export class LocalDiskStorage extends StorageDriver {
  private readonly root: string;
  private readonly uploadsDir: string;
  private readonly store: FileStore;

  constructor(dataDir: string, uploadExpiryMs: number) {
    super();
    this.root = resolve(dataDir, 'materials');
    this.uploadsDir = LocalDiskStorage.uploadsDir(dataDir);
    this.store = new FileStore({ directory: this.uploadsDir, expirationPeriodInMilliseconds: uploadExpiryMs });
  }

  private pathOf(key: string): string {
    const path = resolve(this.root, key);
    if (!KEY.test(key) || key.includes('..') || !path.startsWith(this.root + sep)) {
      throw new Error(`Invalid storage key ${JSON.stringify(key)}`);
    }
    return path;
  }

  uploadStore(): FileStore {
    return this.store;
  }

  async adoptUpload(key: string, uploadId: string): Promise<void> {
    const temporaryPath = join(this.uploadsDir, uploadId);
    await this.adopt(key, temporaryPath);
    await rm(`${temporaryPath}.json`, { force: true });
  }

  /** Moves a file into the store (copies across file systems). */
  async adopt(key: string, temporaryPath: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    try {
      await rename(temporaryPath, target);
    } catch (error) {
      // Another file system (a mounted volume): copy, then drop the original.
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      await copyFile(temporaryPath, target);
      await unlink(temporaryPath);
    }
  }

  async size(key: string): Promise<number | null> {
    try {
      return (await stat(this.pathOf(key))).size;
    } catch {
      return null;
    }
  }

  read(key: string, range?: { start: number; end: number }): Readable {
    return createReadStream(this.pathOf(key), range ? { start: range.start, end: range.end } : {});
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async signedUrl(): Promise<null> {
    return null;
  }

  /** Where a stored file is on this disk, for tools that need a path (ffmpeg seeks in its input). */
  localPath(key: string): string {
    return this.pathOf(key);
  }

  /** Root of the disk storage, for the upload store's temporary files beside it. */
  static uploadsDir(dataDir: string): string {
    return join(resolve(dataDir), 'uploads');
  }
}
