import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { LocalDiskStorage } from '../storage/local-disk.storage.js';
import type { StorageDriver } from '../storage/storage-driver.js';

/**
 * Runs `work` with a scratch folder and the stored file as a local path. ffmpeg needs to seek
 * in its input (an MP4's index may sit at the end), so a driver without local files (S3)
 * gets its object copied into the scratch folder first. The folder is removed afterwards.
 */
export async function withLocalFile<T>(
  storage: StorageDriver,
  key: string,
  workRoot: string,
  work: (input: string, scratch: string) => Promise<T>,
): Promise<T> {
  await mkdir(workRoot, { recursive: true });
  const scratch = await mkdtemp(join(workRoot, 'job-'));
  try {
    let input: string;
    if (storage instanceof LocalDiskStorage) {
      input = storage.localPath(key);
    } else {
      input = join(scratch, 'input');
      await pipeline(storage.read(key), createWriteStream(input));
    }
    return await work(input, scratch);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
