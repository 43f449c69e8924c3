import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Test } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createWorld } from './support/factories.js';
import type { TestClient } from './support/test-client.js';
import { makeVideo, probe } from './support/media-fixture.js';
import { LiveClient, makePdf } from './materials.support.js';
import { MaterialMediaProcessor, mediaAnalyseJobId, mediaRenderJobId } from '../src/modules/materials/material-media.processor.js';
import { MaterialsProcessor } from '../src/modules/materials/materials.processor.js';
import { failOutboxCommits, jobsWrittenBy, recordTransactions, writers } from './support/outbox-probe.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let dataDir: string;
let workDir: string;

async function as(user: { email: string }): Promise<TestClient> {
  const client = t.client();
  await client.signIn(user.email, TEST_PASSWORD);
  return client;
}

/** The response body as bytes, whatever its type. */
function bytes(request: Test) {
  return request.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

/** Org A's material (only Org A and the network's coordinators see it), with one uploaded file. */
async function uploaded(kind: 'VIDEO' | 'IMAGE' | 'DOCUMENT', name: string, content: Buffer) {
  const leader = await as(world.leaderA);
  const created = await leader.post('/api/materials', {
    networkId: world.network.id,
    organisationId: world.orgA.id,
    kind,
    standardTopic: 'FIRST_AID',
    audience: 'EVERYONE',
    visibility: 'ORGANISATION',
    translation: { language: 'en', title: `Material ${name}` },
  });
  expect(created.status).toBe(201);
  const live = await LiveClient.signedIn(t, world.leaderA.email);
  const upload = await live.upload(created.body.translations[0].id, name, content);
  expect(upload.status).toBe(204);
  await t.jobs.drain(120_000);
  const detail = await leader.get(`/api/materials/${created.body.id}`);
  return { leader, materialId: created.body.id as string, fileId: upload.fileId!, file: detail.body.translations[0].currentFile };
}

const derivative = (file: { derivatives: { kind: string }[] }, kind: string) => file.derivatives.find((d) => d.kind === kind);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tadamon-media-'));
  workDir = await mkdtemp(join(tmpdir(), 'tadamon-media-check-'));
  t = await startTestApp({ DATA_DIR: dataDir });
  await t.app.listen(0, '127.0.0.1');
  world = await createWorld(t.prisma);
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
});

describe('a video', () => {
  let video: Awaited<ReturnType<typeof uploaded>>;
  let original: Buffer;

  beforeAll(async () => {
    original = makeVideo(join(workDir, 'lesson.mp4'), { seconds: 3, width: 640, height: 360 });
    video = await uploaded('VIDEO', 'first-aid lesson.mp4', original);
  }, 180_000);

  it('gets its length and size, a poster, a 240p data-saver copy and an audio track', async () => {
    expect(video.file.status).toBe('READY');
    expect(video.file.durationMs).toBeGreaterThan(2800);
    expect(video.file.durationMs).toBeLessThan(3300);
    expect(video.file).toMatchObject({ width: 640, height: 360 });
    expect(video.file.derivatives.map((d: { kind: string; status: string }) => [d.kind, d.status])).toEqual([
      ['THUMBNAIL', 'READY'],
      ['VIDEO_LOW', 'READY'],
      ['AUDIO', 'READY'],
    ]);

    const poster = await bytes(video.leader.get(`/api/material-files/${video.fileId}/thumbnail`));
    expect(poster.status).toBe(200);
    expect(poster.headers['content-type']).toBe('image/jpeg');
    expect(poster.headers['cache-control']).toBe('private, max-age=604800');
    const posterInfo = await sharp(poster.body as Buffer).metadata();
    expect([posterInfo.width, posterInfo.height]).toEqual([320, 180]);
    expect((poster.body as Buffer).length).toBeLessThan(30_000);
    const again = await video.leader.get(`/api/material-files/${video.fileId}/thumbnail`).set('if-none-match', poster.headers.etag!);
    expect(again.status).toBe(304);

    const low = await bytes(video.leader.get(`/api/material-files/${video.fileId}/renditions/data-saver`));
    expect(low.status).toBe(200);
    expect(low.headers['content-type']).toBe('video/mp4');
    expect(low.headers['content-disposition']).toMatch(/^inline; filename="first-aid lesson-data-saver.mp4"/);
    expect((low.body as Buffer).length).toBeLessThan(original.length / 3);
    await writeFile(join(workDir, 'low.mp4'), low.body as Buffer);
    const lowInfo = probe(join(workDir, 'low.mp4'));
    expect(lowInfo.streams.find((s) => s.codec_type === 'video')).toMatchObject({ codec_name: 'h264', height: 240, width: 426 });
    expect(lowInfo.streams.find((s) => s.codec_type === 'audio')).toMatchObject({ codec_name: 'aac' });
    expect(lowInfo.durationSeconds).toBeGreaterThan(2.8);

    const audio = await bytes(video.leader.get(`/api/material-files/${video.fileId}/renditions/audio`));
    expect(audio.status).toBe(200);
    expect(audio.headers['content-type']).toBe('audio/mp4');
    await writeFile(join(workDir, 'audio.m4a'), audio.body as Buffer);
    const audioInfo = probe(join(workDir, 'audio.m4a'));
    expect(audioInfo.streams.map((s) => [s.codec_type, s.codec_name])).toEqual([['audio', 'aac']]);
    expect(audioInfo.durationSeconds).toBeGreaterThan(2.8);
  });

  it('serves the data-saver copy with Range and ETag, so the player can seek', async () => {
    const whole = await bytes(video.leader.get(`/api/material-files/${video.fileId}/renditions/data-saver`));
    const size = (whole.body as Buffer).length;
    const part = await bytes(video.leader.get(`/api/material-files/${video.fileId}/renditions/data-saver`).set('range', 'bytes=1000-1999'));
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 1000-1999/${size}`);
    expect(Buffer.compare(part.body as Buffer, (whole.body as Buffer).subarray(1000, 2000))).toBe(0);
    const cached = await video.leader.get(`/api/material-files/${video.fileId}/renditions/data-saver`).set('if-none-match', whole.headers.etag!);
    expect(cached.status).toBe(304);
  });

  it('shows the poster and the length in the library list', async () => {
    const list = await video.leader.get('/api/materials');
    const item = list.body.items.find((m: { id: string }) => m.id === video.materialId);
    expect(item.media).toMatchObject({ fileId: video.fileId, hasThumbnail: true, pageCount: null });
    expect(item.media.durationMs).toBeGreaterThan(2800);
  });

  it('does not make anything twice when the jobs run again', async () => {
    const before = await t.prisma.materialFileDerivative.findMany({ where: { fileId: video.fileId }, orderBy: { kind: 'asc' } });
    const storedBefore = await readdir(join(dataDir, 'materials', video.materialId));
    await t.jobs.enqueue('materials.media-analyse', { fileId: video.fileId }, { jobId: `again-analyse-${video.fileId}` });
    for (const kind of ['THUMBNAIL', 'VIDEO_LOW', 'AUDIO'] as const) {
      await t.jobs.enqueue('materials.media-render', { fileId: video.fileId, kind }, { jobId: `again-${kind}-${video.fileId}` });
    }
    await t.jobs.drain(60_000);
    const after = await t.prisma.materialFileDerivative.findMany({ where: { fileId: video.fileId }, orderBy: { kind: 'asc' } });
    expect(after.map((d) => [d.id, d.status, d.attempts])).toEqual(before.map((d) => [d.id, d.status, d.attempts]));
    expect((await readdir(join(dataDir, 'materials', video.materialId))).sort()).toEqual(storedBefore.sort());
    expect(storedBefore).toHaveLength(4);
  });

  it('keeps thumbnails and renditions from anyone who may not see the material (404)', async () => {
    const member = await as(world.volunteerA);
    expect((await member.get(`/api/material-files/${video.fileId}/renditions/audio`)).status).toBe(200);
    for (const outsider of [world.volunteerB, world.leaderC]) {
      const client = await as(outsider);
      for (const path of ['thumbnail', 'renditions/data-saver', 'renditions/audio']) {
        const answer = await client.get(`/api/material-files/${video.fileId}/${path}`);
        expect(answer.status, `${outsider.email} ${path}`).toBe(404);
        expect(answer.body.code).toBe('NOT_FOUND');
      }
    }
    expect((await t.client().get(`/api/material-files/${video.fileId}/thumbnail`)).status).toBe(401);
    const unknown = await video.leader.get(`/api/material-files/${video.fileId}/renditions/4k`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('other files', () => {
  it('a silent video gets no audio track, and says why', async () => {
    const silent = await uploaded('VIDEO', 'silent.mp4', makeVideo(join(workDir, 'silent.mp4'), { seconds: 1, audio: false }));
    expect(derivative(silent.file, 'VIDEO_LOW')).toMatchObject({ status: 'READY' });
    expect(derivative(silent.file, 'AUDIO')).toMatchObject({ status: 'UNAVAILABLE', failureReason: 'NO_AUDIO_TRACK' });
    expect((await silent.leader.get(`/api/material-files/${silent.fileId}/renditions/audio`)).status).toBe(404);
  }, 60_000);

  it('an image gets its size and a small thumbnail', async () => {
    const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2a7' } }).png().toBuffer();
    const image = await uploaded('IMAGE', 'poster.png', png);
    expect(image.file).toMatchObject({ width: 1200, height: 800 });
    expect(derivative(image.file, 'THUMBNAIL')).toMatchObject({ status: 'READY', width: 320, height: 213 });
    const thumbnail = await bytes(image.leader.get(`/api/material-files/${image.fileId}/thumbnail`));
    expect(thumbnail.status).toBe(200);
    expect((await sharp(thumbnail.body as Buffer).metadata()).format).toBe('jpeg');
  });

  it('a PDF gets its page count and a first-page thumbnail', async () => {
    const pdf = await uploaded('DOCUMENT', 'guide.pdf', makePdf(['Wound care', 'Burns', 'Fractures']));
    expect(pdf.file).toMatchObject({ status: 'READY', pageCount: 3 });
    expect(derivative(pdf.file, 'THUMBNAIL')).toMatchObject({ status: 'READY', width: 320 });
    const list = await pdf.leader.get('/api/materials');
    expect(list.body.items.find((m: { id: string }) => m.id === pdf.materialId).media).toMatchObject({ pageCount: 3, hasThumbnail: true });
  });
});

describe('the media step in its transaction (outbox)', () => {
  it('a file turning READY lists its derived files as being prepared in that same transaction, before any media job runs', async () => {
    const png = await sharp({ create: { width: 700, height: 500, channels: 3, background: '#27a' } }).png().toBuffer();
    const image = await uploaded('IMAGE', 'at-once.png', png);
    // Back to the moment before processing: the file PROCESSING, nothing planned or queued after it.
    await t.prisma.materialFileDerivative.deleteMany({ where: { fileId: image.fileId } });
    await t.prisma.outboxJob.deleteMany({ where: { jobId: { in: [mediaAnalyseJobId(image.fileId), mediaRenderJobId(image.fileId, 'THUMBNAIL')] } } });
    const queue = await t.bullQueue();
    await queue.remove(`materials.media-analyse-${image.fileId}`);
    await queue.remove(`materials.media-render-${image.fileId}-THUMBNAIL`);
    await t.prisma.materialFile.update({ where: { id: image.fileId }, data: { status: 'PROCESSING' } });
    await recordTransactions(t.prisma, ['MaterialFile', 'MaterialFileDerivative']);

    await t.app.get(MaterialsProcessor).process(image.fileId);
    // The uploader's page, asking right after: the thumbnail is on its way (and the page keeps asking).
    const planned = await t.prisma.materialFileDerivative.findMany({ where: { fileId: image.fileId } });
    expect(planned.map((d) => d.kind)).toEqual(['THUMBNAIL']);
    const [listedBy] = await writers(t.prisma, 'MaterialFileDerivative', planned[0]!.id);
    expect(await writers(t.prisma, 'MaterialFile', image.fileId)).toContain(listedBy);
    expect(await jobsWrittenBy(t.prisma, [listedBy!])).toEqual([mediaAnalyseJobId(image.fileId)]);

    await t.jobs.drain(60_000);
    const made = await t.prisma.materialFileDerivative.findUniqueOrThrow({ where: { id: planned[0]!.id } });
    expect(made).toMatchObject({ status: 'READY', attempts: 1 });
  });

  it('an analysis that fails at commit plans nothing; handed over twice, it plans each derived file and queues its render once, in one transaction', async () => {
    const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#a27' } }).png().toBuffer();
    const image = await uploaded('IMAGE', 'twice.png', png);
    // Back to the moment before the analysis: no derived file planned, no render job queued.
    await t.prisma.materialFileDerivative.deleteMany({ where: { fileId: image.fileId } });
    await t.prisma.outboxJob.deleteMany({ where: { jobId: { startsWith: `materials.media-render:${image.fileId}` } } });
    await (await t.bullQueue()).remove(`materials.media-render-${image.fileId}-THUMBNAIL`);
    const media = t.app.get(MaterialMediaProcessor);

    const restore = await failOutboxCommits(t.prisma);
    try {
      await expect(media.analyse(image.fileId)).rejects.toThrow();
    } finally {
      await restore();
    }
    expect(await t.prisma.materialFileDerivative.count({ where: { fileId: image.fileId } })).toBe(0);
    expect(await t.prisma.outboxJob.count({ where: { jobId: { startsWith: `materials.media-render:${image.fileId}` } } })).toBe(0);

    await recordTransactions(t.prisma, ['MaterialFileDerivative']);
    await Promise.all([media.analyse(image.fileId), media.analyse(image.fileId)]);
    const planned = await t.prisma.materialFileDerivative.findMany({ where: { fileId: image.fileId } });
    expect(planned.map((d) => d.kind)).toEqual(['THUMBNAIL']);
    const jobs = await t.prisma.outboxJob.findMany({ where: { jobId: { startsWith: `materials.media-render:${image.fileId}` } } });
    expect(jobs.map((j) => j.jobId)).toEqual([`materials.media-render:${image.fileId}:THUMBNAIL`]);
    expect(await jobsWrittenBy(t.prisma, await writers(t.prisma, 'MaterialFileDerivative', planned[0]!.id))).toEqual(jobs.map((j) => j.jobId));

    await t.jobs.drain(60_000);
    const made = await t.prisma.materialFileDerivative.findUniqueOrThrow({ where: { id: planned[0]!.id } });
    expect(made).toMatchObject({ status: 'READY', attempts: 1 });
  });
});
