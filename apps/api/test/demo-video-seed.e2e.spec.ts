import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/seed/demo-data.js';
import { seedDemoIfEmpty } from '../src/seed/seed-demo.js';
import { seedWelcomeCourse } from '../src/seed/seed-welcome-course.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tadamon-demo-video-'));
  t = await startTestApp({ DATA_DIR: dataDir });
  expect(await seedDemoIfEmpty(t.databaseUrl, { info: () => {} })).toBe(true);
  // As `npm start` does with ffmpeg installed (the tests need it: README).
  await seedWelcomeCourse(t.databaseUrl, dataDir, { info: () => {} }, 'ffmpeg');
  await t.jobs.drain(120_000);
}, 240_000);
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the demo course video (ffmpeg installed)', () => {
  it('is a real few-second video that the media pipeline gave a 240p copy and an audio track', async () => {
    const volunteer = t.client();
    await volunteer.signIn('volunteer@example.org', DEMO_PASSWORD);
    const translation = await t.prisma.materialTranslation.findFirstOrThrow({ where: { title: 'A first welcome (video)' } });
    const detail = await volunteer.get(`/api/materials/${translation.materialId}`);
    expect(detail.status).toBe(200);
    const file = detail.body.translations[0].currentFile;
    expect(file.sizeBytes).toBeGreaterThan(10_000);
    expect(file.durationMs).toBeGreaterThan(5_500);
    expect(file.durationMs).toBeLessThan(6_500);
    expect(file.derivatives.map((d: { kind: string; status: string }) => [d.kind, d.status])).toEqual([
      ['THUMBNAIL', 'READY'],
      ['VIDEO_LOW', 'READY'],
      ['AUDIO', 'READY'],
    ]);
    const low = await volunteer.get(`/api/material-files/${file.id}/renditions/data-saver`);
    expect(low.status).toBe(200);
    expect(low.headers['content-type']).toBe('video/mp4');
    const audio = await volunteer.get(`/api/material-files/${file.id}/renditions/audio`);
    expect(audio.status).toBe(200);
  });

  it('is seeded once', async () => {
    const before = await t.prisma.materialFile.count();
    await seedWelcomeCourse(t.databaseUrl, dataDir, { info: () => {} }, 'ffmpeg');
    expect(await t.prisma.materialFile.count()).toBe(before);
  });
});
