import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createWorld } from './support/factories.js';
import type { TestClient } from './support/test-client.js';
import { makeVideo } from './support/media-fixture.js';
import { LiveClient } from './materials.support.js';

/** When ffmpeg is absent or breaks: the original still plays, and the uploader is told why. */

let workDir: string;
let video: Buffer;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'tadamon-media-fallback-'));
  video = makeVideo(join(workDir, 'talk.mp4'), { seconds: 1, width: 320, height: 240 });
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function withApp(env: Record<string, string>, check: (t: TestApp, upload: (name: string) => Promise<UploadedVideo>) => Promise<void>) {
  const dataDir = await mkdtemp(join(tmpdir(), 'tadamon-media-data-'));
  const t = await startTestApp({ DATA_DIR: dataDir, ...env });
  try {
    await t.app.listen(0, '127.0.0.1');
    const world = await createWorld(t.prisma);
    const coordinator = t.client();
    await coordinator.signIn(world.coordinator.email, TEST_PASSWORD);
    const upload = async (name: string): Promise<UploadedVideo> => {
      const created = await coordinator.post('/api/materials', {
        networkId: world.network.id,
        kind: 'VIDEO',
        standardTopic: 'LEADERSHIP',
        audience: 'EVERYONE',
        visibility: 'NETWORK',
        translation: { language: 'fr', title: name },
      });
      const live = await LiveClient.signedIn(t, world.coordinator.email);
      const uploaded = await live.upload(created.body.translations[0].id, `${name}.mp4`, video);
      expect(uploaded.status).toBe(204);
      // Retries wait in BullMQ's delayed set, which drain() does not count: wait for an outcome.
      let detail;
      for (let i = 0; i < 200; i++) {
        await t.jobs.drain(60_000);
        detail = await coordinator.get(`/api/materials/${created.body.id}`);
        const file = detail.body.translations[0].currentFile;
        if (file.status !== 'PROCESSING' && file.derivatives.length > 0 && !file.derivatives.some((d: { status: string }) => d.status === 'PROCESSING')) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return { fileId: uploaded.fileId!, file: detail!.body.translations[0].currentFile, client: coordinator };
    };
    await check(t, upload);
  } finally {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

interface UploadedVideo {
  fileId: string;
  file: { status: string; durationMs: number | null; derivatives: { kind: string; status: string; failureReason: string | null }[] };
  client: TestClient;
}

describe('without ffmpeg (FFMPEG_PATH empty)', () => {
  it('the video is ready and plays as uploaded; its thumbnail and renditions are marked unavailable', async () => {
    await withApp({ FFMPEG_PATH: '' }, async (_t, upload) => {
      const { fileId, file, client } = await upload('Sans ffmpeg');
      expect(file.status).toBe('READY');
      expect(file.durationMs).toBeNull();
      expect(file.derivatives.map((d) => [d.kind, d.status, d.failureReason])).toEqual([
        ['THUMBNAIL', 'UNAVAILABLE', 'FFMPEG_MISSING'],
        ['VIDEO_LOW', 'UNAVAILABLE', 'FFMPEG_MISSING'],
        ['AUDIO', 'UNAVAILABLE', 'FFMPEG_MISSING'],
      ]);
      const original = await client.get(`/api/material-files/${fileId}/content`).set('range', 'bytes=0-99');
      expect(original.status).toBe(206);
      expect(original.headers['content-type']).toBe('video/mp4');
      expect((await client.get(`/api/material-files/${fileId}/renditions/data-saver`)).status).toBe(404);
      expect((await client.get(`/api/material-files/${fileId}/thumbnail`)).status).toBe(404);
    });
  }, 120_000);
});

describe('when ffmpeg fails every time', () => {
  it('retries with back-off, then records FAILED with the reason; the original still plays', async () => {
    // An ffmpeg that answers -version but fails at any real work (a crash, a full disk).
    const broken = join(workDir, 'ffmpeg');
    await writeFile(broken, '#!/bin/sh\n[ "$1" = "-version" ] && exit 0\necho "simulated failure" >&2\nexit 1\n');
    await chmod(broken, 0o755);
    await withApp({ FFMPEG_PATH: broken, FFPROBE_PATH: 'ffprobe', JOB_ATTEMPTS: '3', JOB_BACKOFF_MS: '50' }, async (t, upload) => {
      const { fileId, file, client } = await upload('Broken encoder');
      expect(file.status).toBe('READY');
      // ffprobe still works, so the length is known.
      expect(file.durationMs).toBeGreaterThan(900);
      expect(file.derivatives.map((d) => [d.kind, d.status, d.failureReason])).toEqual([
        ['THUMBNAIL', 'FAILED', 'RENDER_FAILED'],
        ['VIDEO_LOW', 'FAILED', 'RENDER_FAILED'],
        ['AUDIO', 'FAILED', 'RENDER_FAILED'],
      ]);
      const rows = await t.prisma.materialFileDerivative.findMany({ where: { fileId } });
      expect(rows.map((r) => r.attempts)).toEqual([3, 3, 3]);
      // Each gave up after its attempts and is in the dead-letter list for an operator.
      const failed = await t.jobs.failed(20);
      expect(failed.filter((j) => j.name === 'materials.media-render')).toHaveLength(3);
      expect((await client.get(`/api/material-files/${fileId}/content`)).status).toBe(200);
    });
  }, 120_000);
});
