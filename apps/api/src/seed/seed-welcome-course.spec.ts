import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkUploadedFile } from '../modules/materials/file-checks.js';
import { tinyMp4 } from './seed-welcome-course.js';

describe('the demo course video', () => {
  it('passes the library’s magic-byte check for a video', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tiny-mp4-'));
    try {
      const path = join(dir, 'first-welcome.mp4');
      await writeFile(path, tinyMp4());
      expect(await checkUploadedFile(path, 'first-welcome.mp4', 'VIDEO')).toMatchObject({ ok: true, mimeType: 'video/mp4' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
