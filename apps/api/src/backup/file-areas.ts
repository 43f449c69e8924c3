import { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { AppConfig } from '../common/config/config.js';
import { s3ClientConfig } from '../modules/materials/storage/s3.storage.js';

/** Personal-data export ZIPs live in the material storage too; they are temporary and never backed up. */
const TEMPORARY = /^personal-data-exports\//;

/**
 * One place where the system keeps files: the library's material files (local folder or S3
 * bucket, per STORAGE_DRIVER) and the certificate PDFs (always DATA_DIR/certificates).
 * Unfinished uploads, media work files and data exports are temporary and not backed up.
 */
export interface FileArea {
  /** Name inside the archive: `files/<name>/<key>`. */
  readonly name: string;
  keys(): Promise<string[]>;
  read(key: string): Readable | Promise<Readable>;
  /**
   * Puts the files staged under `stagingDir` in place so they become visible only at
   * `commit()`; `rollback()` undoes everything `prepare` and `commit` did.
   */
  restorer(stagingDir: string, token: string): AreaRestorer;
}

export interface AreaRestorer {
  prepare(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /** After a successful restore: removes what was replaced. */
  cleanup(): Promise<void>;
}

async function walk(root: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    for (const entry of entries) {
      // Dot files are temporary (a certificate PDF being written, a restore in progress).
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await visit(path);
      else if (entry.isFile()) found.push(relative(root, path).split(sep).join('/'));
    }
  };
  await visit(root);
  return found.sort();
}

const exists = (path: string) => stat(path).then(() => true, () => false);

/** A folder on this machine; restored by renaming a staged folder into place. */
export class LocalFileArea implements FileArea {
  readonly root: string;

  constructor(
    readonly name: string,
    root: string,
  ) {
    this.root = resolve(root);
  }

  async keys(): Promise<string[]> {
    return (await walk(this.root)).filter((key) => !TEMPORARY.test(key));
  }

  read(key: string): Readable {
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`Invalid key ${key}`);
    return createReadStream(path);
  }

  restorer(stagingDir: string, token: string): AreaRestorer {
    const replaced = `${this.root}.replaced-${token}`;
    let movedAway = false;
    let movedIn = false;
    return {
      prepare: async () => {
        // The staged folder must be on the same file system for the rename; an area with no files has none.
        await mkdir(stagingDir, { recursive: true });
      },
      commit: async () => {
        await mkdir(resolve(this.root, '..'), { recursive: true });
        if (await exists(this.root)) {
          await rename(this.root, replaced);
          movedAway = true;
        }
        await rename(stagingDir, this.root);
        movedIn = true;
      },
      rollback: async () => {
        if (movedIn) await rename(this.root, stagingDir);
        if (movedAway) await rename(replaced, this.root);
        movedIn = movedAway = false;
      },
      cleanup: async () => {
        await rm(replaced, { recursive: true, force: true });
      },
    };
  }
}

/**
 * Objects under a prefix of an S3 bucket. S3 has no rename: the staged files are uploaded
 * under their final keys in `prepare` (a restore targets an empty bucket unless forced), and a
 * rollback deletes the ones that were not there before. Objects the backup does not hold are
 * deleted only once the whole restore has succeeded.
 */
export class S3FileArea implements FileArea {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(
    readonly name: string,
    config: AppConfig,
    private readonly prefix: string,
  ) {
    this.client = new S3Client(s3ClientConfig(config));
    this.bucket = config.S3_BUCKET!;
  }

  async keys(): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: this.prefix, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key.slice(this.prefix.length));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys.filter((key) => !TEMPORARY.test(key)).sort();
  }

  async read(key: string): Promise<Readable> {
    const answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.prefix + key }));
    return answer.Body as Readable;
  }

  private async remove(keys: string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += 1000) {
      const chunk = keys.slice(i, i + 1000);
      await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.bucket,
          Delete: { Objects: chunk.map((key) => ({ Key: this.prefix + key })), Quiet: true },
        }),
      );
    }
  }

  restorer(stagingDir: string): AreaRestorer {
    let before = new Set<string>();
    let staged: string[] = [];
    const uploaded: string[] = [];
    return {
      prepare: async () => {
        before = new Set(await this.keys());
        staged = await walk(stagingDir);
        for (const key of staged) {
          const path = join(stagingDir, key);
          await this.client.send(
            new PutObjectCommand({
              Bucket: this.bucket,
              Key: this.prefix + key,
              Body: createReadStream(path),
              ContentLength: (await stat(path)).size,
            }),
          );
          uploaded.push(key);
        }
      },
      commit: async () => undefined,
      rollback: async () => {
        await this.remove(uploaded.filter((key) => !before.has(key)));
      },
      cleanup: async () => {
        const kept = new Set(staged);
        await this.remove([...before].filter((key) => !kept.has(key)));
      },
    };
  }
}

/** The file areas of a configured system, in archive order. */
export function fileAreasOf(config: AppConfig): FileArea[] {
  const materials =
    config.STORAGE_DRIVER === 's3'
      ? new S3FileArea('materials', config, 'materials/')
      : new LocalFileArea('materials', join(config.DATA_DIR, 'materials'));
  return [materials, new LocalFileArea('certificates', join(config.DATA_DIR, 'certificates'))];
}
