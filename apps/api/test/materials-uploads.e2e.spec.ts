import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createWorld } from './support/factories.js';
import type { TestClient } from './support/test-client.js';
import { startS3TestServer, type S3TestServer } from './support/s3-test-server.js';
import { LiveClient, fetchContent, makePdf } from './materials.support.js';

/**
 * The same upload, download, resume and validation behaviour on both storage drivers: local
 * disk, and S3 (a real S3-compatible server in the test process, through @tus/s3-store and
 * signed URLs).
 */
describe.each(['local', 's3'] as const)('material files on %s storage', (driver) => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof createWorld>>;
  let dataDir: string;
  let s3: S3TestServer | undefined;

  async function as(user: { email: string }): Promise<TestClient> {
    const client = t.client();
    await client.signIn(user.email, TEST_PASSWORD);
    return client;
  }

  async function createDocument(client: TestClient, title: string, extra: object = {}) {
    const response = await client.post('/api/materials', {
      networkId: world.network.id,
      kind: 'DOCUMENT',
      standardTopic: 'FIRST_AID',
      audience: 'EVERYONE',
      visibility: 'NETWORK',
      translation: { language: 'en', title },
      ...extra,
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; translations: { id: string }[] };
  }

  /** What the storage holds for a material: its stored files, and any unfinished upload data. */
  async function stored(materialId: string): Promise<string[]> {
    if (s3) return (await s3.keys()).filter((key) => key.startsWith(`materials/${materialId}/`));
    return readdir(join(dataDir, 'materials', materialId)).catch(() => []);
  }

  async function pendingUploads(): Promise<string[]> {
    if (s3) return (await s3.keys()).filter((key) => !key.startsWith('materials/'));
    return (await readdir(join(dataDir, 'uploads'))).filter((name) => !name.startsWith('.'));
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tadamon-materials-'));
    s3 = driver === 's3' ? await startS3TestServer() : undefined;
    t = await startTestApp({ DATA_DIR: dataDir, UPLOAD_MAX_BYTES: String(2 * 1024 * 1024), ...s3?.env });
    await t.app.listen(0, '127.0.0.1');
    world = await createWorld(t.prisma);
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  describe('resumable upload (tus) of a PDF', () => {
    it('resumes an upload cut off mid-way from the server’s offset, then serves it with Range', async () => {
      const coordinator = await as(world.coordinator);
      const material = await createDocument(coordinator, 'Rainwater harvesting toolkit');
      const translationId = material.translations[0]!.id;
      const pdf = makePdf(['Cisterns and rainwater harvesting for villages'], 400_000);
      const live = await LiveClient.signedIn(t, world.coordinator.email);

      const created = await live.createUpload(translationId, 'rainwater.pdf', pdf.length);
      expect(created.status).toBe(201);
      expect(created.location).toMatch(/^\/api\/uploads\/[0-9a-f]+$/);

      // The line drops after about 60 % of the bytes.
      await live.patch(created.location!, 0, pdf, Math.floor(pdf.length * 0.6));
      const offset = await live.offset(created.location!);
      expect(offset).toBeGreaterThan(0);
      expect(offset).toBeLessThanOrEqual(Math.floor(pdf.length * 0.6));

      // The client resumes where the server says it is, not from zero.
      const rest = await live.patch(created.location!, offset, pdf.subarray(offset));
      expect(rest.status).toBe(204);
      const fileId = rest.headers['x-material-file-id'] as string;
      expect(fileId).toMatch(/^[0-9a-f-]{36}$/);

      // Range: the bytes asked for, and nothing else.
      const content = `/api/material-files/${fileId}/content`;
      const ranged = await fetchContent(coordinator, content, { range: 'bytes=100-199' });
      expect(ranged.status).toBe(206);
      expect(ranged.headers['content-range']).toBe(`bytes 100-199/${pdf.length}`);
      expect(Buffer.compare(ranged.body, pdf.subarray(100, 200))).toBe(0);

      const whole = await fetchContent(coordinator, content);
      expect(whole.status).toBe(200);
      expect(whole.headers['content-type']).toBe('application/pdf');
      expect(whole.headers['content-disposition']).toMatch(/^inline; filename="rainwater.pdf"/);
      expect(Buffer.compare(whole.body, pdf)).toBe(0);

      // Forced download: an attachment the browser will not sniff or run.
      const attachment = await fetchContent(coordinator, `${content}?download=1`);
      expect(attachment.headers['content-disposition']).toMatch(/^attachment; filename="rainwater.pdf"/);
      expect(attachment.headers['content-type']).toBe('application/octet-stream');

      if (driver === 'local') {
        expect(whole.headers['x-content-type-options']).toBe('nosniff');
        expect(whole.headers['etag']).toBe(`"${fileId}"`);
        expect(attachment.headers['content-security-policy']).toMatch(/^sandbox;/);
        // Unchanged since last time: no bytes sent again.
        const cached = await coordinator.get(content).set('if-none-match', `"${fileId}"`);
        expect(cached.status).toBe(304);
        const beyond = await coordinator.get(content).set('range', `bytes=${pdf.length}-`);
        expect(beyond.status).toBe(416);
        expect(beyond.body.code).toBe('RANGE_NOT_SATISFIABLE');
      } else {
        // The bytes come from the bucket, through a signed URL handed out after the access check.
        expect(whole.signedUrl).toMatch(new RegExp(`^${s3!.endpoint}/${s3!.bucket}/materials/${material.id}/${fileId}\\?`));
        expect(whole.signedUrl).toContain('X-Amz-Expires=');
        const redirect = await coordinator.get(content);
        expect(redirect.status).toBe(302);
        expect(redirect.headers['x-content-type-options']).toBe('nosniff');
        expect(redirect.headers['referrer-policy']).toBe('no-referrer');
        expect(redirect.headers['cache-control']).toBe('no-store');
      }

      // The temporary upload is gone once the file is stored; the file is under our key.
      expect(await pendingUploads()).toEqual([]);
      // (A thumbnail made from it in the background may sit beside it; that is the media job's.)
      const originals = (await stored(material.id)).filter((key) => !/-(thumbnail|low|audio)$/.test(key));
      expect(originals).toEqual(driver === 's3' ? [`materials/${material.id}/${fileId}`] : [fileId]);
    });

    it('extracts the text and page count in the background, and the PDF becomes findable', async () => {
      const leader = await as(world.leaderA);
      const material = await createDocument(leader, 'Hygiene guide', { organisationId: world.orgA.id, standardTopic: 'HYGIENE' });
      const live = await LiveClient.signedIn(t, world.leaderA.email);
      const pdf = makePdf(['Handwashing stations', 'Chlorination of drinking water']);
      const uploaded = await live.upload(material.translations[0]!.id, 'guide.pdf', pdf);
      expect(uploaded.status).toBe(204);

      const volunteerB = await as(world.volunteerB);
      // Not published yet for readers, until processing is done.
      await t.jobs.drain(20_000);
      const detail = await leader.get(`/api/materials/${material.id}`);
      expect(detail.body.translations[0].currentFile).toMatchObject({ status: 'READY', pageCount: 2, version: 1 });

      const found = await volunteerB.get('/api/materials?q=chlorination');
      expect(found.body.items.map((m: { id: string }) => m.id)).toEqual([material.id]);
    });

    it('marks a broken PDF as failed, with the reason, and keeps it away from readers', async () => {
      const coordinator = await as(world.coordinator);
      const material = await createDocument(coordinator, 'Broken file');
      const live = await LiveClient.signedIn(t, world.coordinator.email);
      const broken = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x41)]);
      const uploaded = await live.upload(material.translations[0]!.id, 'broken.pdf', broken);
      expect(uploaded.status).toBe(204);
      await t.jobs.drain(20_000);
      const detail = await coordinator.get(`/api/materials/${material.id}`);
      expect(detail.body.translations[0].currentFile).toMatchObject({ status: 'FAILED', failureReason: 'PDF_UNREADABLE' });
      const volunteer = await as(world.volunteerA);
      expect((await volunteer.get(`/api/materials/${material.id}`)).status).toBe(404);

      // Running the job again changes nothing: it is idempotent.
      await t.jobs.enqueue('materials.process-file', { fileId: uploaded.fileId! }, { jobId: `again-${uploaded.fileId}` });
      await t.jobs.drain(20_000);
      const file = await t.prisma.materialFile.findUniqueOrThrow({ where: { id: uploaded.fileId! } });
      expect(file.status).toBe('FAILED');
    });
  });

  describe('upload checks', () => {
    it('refuses a file over the size cap with 413 before any byte is stored', async () => {
      const coordinator = await as(world.coordinator);
      const material = await createDocument(coordinator, 'Too big');
      const live = await LiveClient.signedIn(t, world.coordinator.email);
      const created = await live.createUpload(material.translations[0]!.id, 'big.pdf', 3 * 1024 * 1024);
      expect(created.status).toBe(413);
    });

    it('refuses a file whose bytes do not match its name, and one of a type not accepted', async () => {
      const coordinator = await as(world.coordinator);
      const material = await createDocument(coordinator, 'Mismatch');
      const translationId = material.translations[0]!.id;
      const live = await LiveClient.signedIn(t, world.coordinator.email);
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6364f8ffbf1e000505020001e2b4ef0000000049454e44ae426082', 'hex');
      const renamed = await live.upload(translationId, 'photo.pdf', png);
      expect(renamed.status).toBe(415);
      expect(JSON.parse(renamed.body).code).toBe('UNSUPPORTED_MEDIA_TYPE');

      const fakePdf = await live.upload(translationId, 'page.pdf', Buffer.from('<html><script>alert(1)</script></html>'));
      expect(fakePdf.status).toBe(415);
      const html = await live.createUpload(translationId, 'page.html', 100);
      expect(html.status).toBe(415);

      const detail = await coordinator.get(`/api/materials/${material.id}`);
      expect(detail.body.translations[0].currentFile).toBeNull();
      expect(await t.prisma.materialFile.count({ where: { translationId } })).toBe(0);
      // A refused upload leaves nothing behind: no stored file, no upload data.
      expect(await stored(material.id)).toEqual([]);
      expect(await pendingUploads()).toEqual([]);
    });

    it('lets only editors of the material upload, and only the uploader resume', async () => {
      const coordinator = await as(world.coordinator);
      const material = await createDocument(coordinator, 'Network toolkit');
      const translationId = material.translations[0]!.id;
      const volunteer = await LiveClient.signedIn(t, world.volunteerA.email);
      expect((await volunteer.createUpload(translationId, 'x.pdf', 10)).status).toBe(403);
      // A leader may upload, but not to network material; this one has no published file yet,
      // so for the leader it does not exist at all.
      const leaderA = await LiveClient.signedIn(t, world.leaderA.email);
      expect((await leaderA.createUpload(translationId, 'x.pdf', 10)).status).toBe(404);
      const otherCoordinator = await LiveClient.signedIn(t, world.otherCoordinator.email);
      expect((await otherCoordinator.createUpload(translationId, 'x.pdf', 10)).status).toBe(404);

      const live = await LiveClient.signedIn(t, world.coordinator.email);
      const created = await live.createUpload(translationId, 'x.pdf', 10);
      expect(created.status).toBe(201);
      const stranger = await LiveClient.signedIn(t, world.leaderB.email);
      expect((await stranger.send('HEAD', created.location!)).status).toBe(404);
    });

    it('refuses an upload without the CSRF token', async () => {
      const live = await LiveClient.signedIn(t, world.coordinator.email);
      live.csrfToken = 'wrong';
      expect((await live.createUpload('00000000-0000-4000-8000-000000000000', 'x.pdf', 10)).status).toBe(403);
    });

    it('removes an abandoned upload with the scheduled cleanup job', async () => {
      const coordinator = await as(world.coordinator);
      const material = await createDocument(coordinator, 'Abandoned');
      const live = await LiveClient.signedIn(t, world.coordinator.email);
      const created = await live.createUpload(material.translations[0]!.id, 'left.pdf', 5000);
      await live.patch(created.location!, 0, makePdf(['half']).subarray(0, 300));
      const id = created.location!.split('/').pop()!;
      expect((await pendingUploads()).some((name) => name.startsWith(id))).toBe(true);
      // Make the upload two days old, past UPLOAD_EXPIRY_HOURS (48 by default).
      if (s3) {
        await s3.ageUploads(49);
      } else {
        const infoPath = join(dataDir, 'uploads', `${id}.json`);
        const info = JSON.parse(await readFile(infoPath, 'utf8'));
        info.creation_date = new Date(Date.now() - 49 * 3600_000).toISOString();
        await writeFile(infoPath, JSON.stringify(info));
      }

      await t.jobs.enqueue('materials.cleanup-uploads', {}, { jobId: `cleanup-${id}` });
      await t.jobs.drain(20_000);
      expect((await pendingUploads()).filter((name) => name.startsWith(id))).toEqual([]);
      expect((await live.send('HEAD', created.location!)).status).toBe(404);
    });
  });
});
