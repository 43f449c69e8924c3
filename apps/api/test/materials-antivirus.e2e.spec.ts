import { createServer, type Server } from 'node:net';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createWorld } from './support/factories.js';
import type { TestClient } from './support/test-client.js';
import { freePort, readTestMarker, startClamd } from './support/clamd-test-server.js';
import { startS3TestServer, type S3TestServer } from './support/s3-test-server.js';
import { LiveClient, makePdf } from './materials.support.js';

/**
 * Antivirus scanning of uploads through a real clamd, with a test-only signature that matches
 * a harmless marker (test/fixtures/antivirus). clamd comes from Debian's clamav-daemon, which
 * `npm test` and CI install; on a machine where it cannot be installed these tests are skipped,
 * loudly — but never on CI.
 */
const clamd = await startClamd();
if (!clamd) {
  if (process.env.CI) throw new Error('clamd is not installed: CI must install clamav-daemon (see .ci/run)');
  console.warn('\n*** ANTIVIRUS TESTS SKIPPED: clamd is not installed (apt-get install clamav-daemon) ***\n');
}
afterAll(async () => clamd?.stop());

interface Setup {
  t: TestApp;
  world: Awaited<ReturnType<typeof createWorld>>;
  dataDir: string;
  s3?: S3TestServer;
}

async function setUp(env: Record<string, string>, s3?: S3TestServer): Promise<Setup> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tadamon-av-'));
  const t = await startTestApp({ DATA_DIR: dataDir, ...env, ...s3?.env });
  await t.app.listen(0, '127.0.0.1');
  return { t, world: await createWorld(t.prisma), dataDir, s3 };
}

async function tearDown(setup?: Setup) {
  await setup?.t.close();
  await setup?.s3?.close();
  if (setup) await rm(setup.dataDir, { recursive: true, force: true });
}

async function as(setup: Setup, user: { email: string }): Promise<TestClient> {
  const client = setup.t.client();
  await client.signIn(user.email, TEST_PASSWORD);
  return client;
}

/** A leader of Org A uploads a PDF to a new material visible to the whole network. */
async function upload(setup: Setup, title: string, pdf: Buffer) {
  const leader = await as(setup, setup.world.leaderA);
  const created = await leader.post('/api/materials', {
    networkId: setup.world.network.id,
    organisationId: setup.world.orgA.id,
    kind: 'DOCUMENT',
    standardTopic: 'HYGIENE',
    audience: 'EVERYONE',
    visibility: 'NETWORK',
    translation: { language: 'en', title },
  });
  expect(created.status).toBe(201);
  const live = await LiveClient.signedIn(setup.t, setup.world.leaderA.email);
  const uploaded = await live.upload(created.body.translations[0].id, 'guide.pdf', pdf);
  expect(uploaded.status).toBe(204);
  return { leader, materialId: created.body.id as string, fileId: uploaded.fileId! };
}

/** Waits until background processing has decided (retries wait in Redis as delayed jobs). */
async function settled(setup: Setup, fileId: string, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const file = await setup.t.prisma.materialFile.findUniqueOrThrow({ where: { id: fileId } });
    if (file.status !== 'PROCESSING' || Date.now() > until) return file;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function storedKeys(setup: Setup, materialId: string): Promise<string[]> {
  if (setup.s3) return (await setup.s3.keys()).filter((key) => key.startsWith(`materials/${materialId}/`));
  return readdir(join(setup.dataDir, 'materials', materialId)).catch(() => []);
}

describe.skipIf(!clamd).each(['local', 's3'] as const)('antivirus scan with clamd (%s storage)', (driver) => {
  let setup: Setup;
  beforeAll(async () => {
    setup = await setUp(clamd!.env, driver === 's3' ? await startS3TestServer() : undefined);
  });
  afterAll(async () => tearDown(setup));

  it('lets a clean file through and rejects one carrying the test signature, leaving nothing', async () => {
    const clean = await upload(setup, 'Clean guide', makePdf(['Handwashing with soap']));
    expect((await settled(setup, clean.fileId)).status).toBe('READY');

    const marker = await readTestMarker();
    const infected = await upload(setup, 'Infected guide', makePdf([`Handwashing ${marker}`]));
    const file = await settled(setup, infected.fileId);
    expect(file).toMatchObject({ status: 'FAILED', failureReason: 'UPLOAD_INFECTED' });

    // The uploader sees why; the stored bytes are gone.
    const detail = await infected.leader.get(`/api/materials/${infected.materialId}`);
    expect(detail.body.translations[0].currentFile).toMatchObject({ status: 'FAILED', failureReason: 'UPLOAD_INFECTED' });
    expect(await storedKeys(setup, infected.materialId)).toEqual([]);
    expect((await infected.leader.get(`/api/material-files/${infected.fileId}/content`)).status).toBe(404);

    // Readers never see it: not the material, not the file, not in search.
    const reader = await as(setup, setup.world.volunteerB);
    expect((await reader.get(`/api/materials/${infected.materialId}`)).status).toBe(404);
    expect((await reader.get(`/api/material-files/${infected.fileId}/content`)).status).toBe(404);
    const listed = await reader.get('/api/materials');
    expect(listed.body.items.map((m: { id: string }) => m.id)).toEqual([clean.materialId]);
  });
});

describe.skipIf(!clamd)('antivirus scan of a file over clamd’s size limit', () => {
  let setup: Setup;
  let smallClamd: Awaited<ReturnType<typeof startClamd>>;
  beforeAll(async () => {
    smallClamd = await startClamd({ streamMaxLength: '1K' });
    setup = await setUp({ ...smallClamd!.env, CLAMD_STREAM_MAX_BYTES: '1024' });
  });
  afterAll(async () => {
    await tearDown(setup);
    await smallClamd?.stop();
  });

  it('fails the file as not scannable, without retrying, and removes it', async () => {
    const { materialId, fileId } = await upload(setup, 'Too big to scan', makePdf(['Water'], 200_000));
    expect(await settled(setup, fileId)).toMatchObject({ status: 'FAILED', failureReason: 'SCAN_FAILED' });
    expect(await storedKeys(setup, materialId)).toEqual([]);
  });
});

describe('antivirus scan when clamd is unreachable', () => {
  let setup: Setup;
  let brokenClamd: Server;
  let connections = 0;
  beforeAll(async () => {
    // Accepts and hangs up at once, like a clamd that is restarting.
    brokenClamd = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    const port = await freePort();
    await new Promise<void>((resolve) => brokenClamd.listen(port, '127.0.0.1', resolve));
    setup = await setUp({ CLAMD_HOST: '127.0.0.1', CLAMD_PORT: String(port), JOB_ATTEMPTS: '3', JOB_BACKOFF_MS: '200' });
  });
  afterAll(async () => {
    await tearDown(setup);
    await new Promise((resolve) => brokenClamd?.close(resolve));
  });

  it('tries again with back-off, then fails the file with a reason and removes it', async () => {
    const started = Date.now();
    const { leader, materialId, fileId } = await upload(setup, 'Waiting for the scanner', makePdf(['Water']));
    const file = await settled(setup, fileId);
    expect(file).toMatchObject({ status: 'FAILED', failureReason: 'SCAN_UNAVAILABLE' });
    expect(connections).toBe(3);
    // Back-off: 200 ms, then 400 ms between the three tries.
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(await storedKeys(setup, materialId)).toEqual([]);
    const detail = await leader.get(`/api/materials/${materialId}`);
    expect(detail.body.translations[0].currentFile).toMatchObject({ status: 'FAILED', failureReason: 'SCAN_UNAVAILABLE' });
  });
});
