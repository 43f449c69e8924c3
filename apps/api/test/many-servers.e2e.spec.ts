import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaService } from '../src/common/database/prisma.service.js';
import { createTestDatabase } from './support/test-database.js';
import { Mailbox } from './support/mailbox.js';
import { TestClient } from './support/test-client.js';
import { TEST_PASSWORD, createWorld } from './support/factories.js';
import { startS3TestServer, type S3TestServer } from './support/s3-test-server.js';
import { LiveClient, makePdf } from './materials.support.js';
import { freePort, processEnv, startNodeEntry, startRedis, waitFor, waitReady, type RunningProcess } from './support/processes.js';

/**
 * The shape `docker-compose.yml` runs: two API processes and one worker, each with its own
 * disk, on the same PostgreSQL, Redis and S3-compatible storage (real processes, built code).
 * Whichever process a request reaches, people see one system.
 */
let cleanup: (() => Promise<unknown>)[] = [];
let prisma: PrismaService;
let mailbox: Mailbox;
let world: Awaited<ReturnType<typeof createWorld>>;
let s3: S3TestServer;
let baseA: string;
let baseB: string;
const processes: RunningProcess[] = [];

beforeAll(async () => {
  const database = await createTestDatabase();
  cleanup.push(() => database.drop());
  mailbox = new Mailbox();
  const smtpUrl = await mailbox.start();
  cleanup.push(() => mailbox.stop());
  prisma = new PrismaService(database.url);
  cleanup.push(() => prisma.$disconnect());
  world = await createWorld(prisma);
  s3 = await startS3TestServer();
  cleanup.push(() => s3.close());
  const redisPort = await freePort();
  const redis = await startRedis(redisPort);
  cleanup.push(() => redis.stop('SIGKILL'));

  const shared = { ...processEnv(database.url, smtpUrl), ...s3.env, REDIS_URL: `redis://127.0.0.1:${redisPort}`, RUN_WORKER_IN_API: 'false' };
  const own = async (label: string) => {
    const dataDir = await mkdtemp(join(tmpdir(), `tadamon-${label}-`));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    return { DATA_DIR: dataDir };
  };
  const [portA, portB] = [await freePort(), await freePort()];
  processes.push(startNodeEntry('main.js', { ...shared, ...(await own('api-a')), PORT: String(portA) }));
  processes.push(startNodeEntry('main.js', { ...shared, ...(await own('api-b')), PORT: String(portB) }));
  processes.push(startNodeEntry('worker.js', { ...shared, ...(await own('worker')) }));
  baseA = `http://127.0.0.1:${portA}`;
  baseB = `http://127.0.0.1:${portB}`;
  // Three Nest processes start at once on 2 cores: give them time on a busy machine.
  await waitReady(baseA, processes[0]!, 240_000);
  await waitReady(baseB, processes[1]!, 240_000);
}, 400_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop('SIGKILL')));
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
  cleanup = [];
});

describe('two API processes and a worker', () => {
  it('accept a session made on either, and a sign-out on one ends it on both', async () => {
    const onA = await LiveClient.signedInAt(baseA, prisma, world.volunteerA.email);
    const onB = onA.at(baseB);
    const session = await onB.send('GET', '/api/auth/session');
    expect(session.status).toBe(200);
    expect(JSON.parse(session.body.toString()).user.id).toBe(world.volunteerA.id);

    expect((await onA.send('POST', '/api/auth/sign-out')).status).toBeLessThan(300);
    expect((await onB.send('GET', '/api/auth/session')).status).toBe(401);
  });

  it('resume on one process an upload started on the other, and serve the file from both', async () => {
    const onA = await LiveClient.signedInAt(baseA, prisma, world.coordinator.email);
    const created = await onA.send(
      'POST',
      '/api/materials',
      { 'content-type': 'application/json' },
      Buffer.from(
        JSON.stringify({
          networkId: world.network.id,
          kind: 'DOCUMENT',
          standardTopic: 'FIRST_AID',
          audience: 'EVERYONE',
          visibility: 'NETWORK',
          translation: { language: 'fr', title: 'Premiers secours en milieu rural' },
        }),
      ),
    );
    expect(created.status, created.body.toString()).toBe(201);
    const translationId: string = JSON.parse(created.body.toString()).translations[0].id;
    const pdf = makePdf(['Premiers secours: position latérale de sécurité'], 300_000);

    const upload = await onA.createUpload(translationId, 'premiers-secours.pdf', pdf.length);
    expect(upload.status).toBe(201);
    await onA.patch(upload.location!, 0, pdf, Math.floor(pdf.length * 0.5));

    // The line drops; the phone comes back through the proxy to the other process.
    const onB = onA.at(baseB);
    const offset = await onB.offset(upload.location!);
    expect(offset).toBeGreaterThan(0);
    const rest = await onB.patch(upload.location!, offset, pdf.subarray(offset));
    expect(rest.status, rest.body.toString()).toBe(204);
    const fileId = rest.headers['x-material-file-id'] as string;
    expect(fileId).toMatch(/^[0-9a-f-]{36}$/);

    for (const client of [onA, onB]) {
      const answer = await client.send('GET', `/api/material-files/${fileId}/content`);
      expect(answer.status).toBe(302);
      const bytes = Buffer.from(await (await fetch(answer.headers.location as string)).arrayBuffer());
      expect(Buffer.compare(bytes, pdf)).toBe(0);
    }
  });

  it('run a job queued by either process once', async () => {
    // A password-reset mail asked for on each process: the worker sends each exactly once.
    for (const [base, person] of [[baseA, world.volunteerA], [baseB, world.volunteerB]] as const) {
      const client = new TestClient(base as never);
      expect((await client.post('/api/auth/password-reset/request', { email: person.email })).status).toBeLessThan(300);
    }
    await mailbox.waitFor(world.volunteerA.email, () => true, 20_000);
    await mailbox.waitFor(world.volunteerB.email, () => true, 20_000);
    // Time for a second delivery, were a job taken by two consumers.
    await new Promise((done) => setTimeout(done, 2_000));
    expect(mailbox.for(world.volunteerA.email)).toHaveLength(1);
    expect(mailbox.for(world.volunteerB.email)).toHaveLength(1);
  });

  it('show a revocation made on one process at once on the other, which had the certificate cached', async () => {
    const coordinator = new TestClient(baseA as never, prisma);
    await coordinator.signIn(world.coordinator.email, TEST_PASSWORD);
    const type = await coordinator.post(`/api/networks/${world.network.id}/certificate-types`, { names: { en: 'Hygiene' }, validityMonths: 12 });
    expect(type.status, JSON.stringify(type.body)).toBe(201);
    const issued = await coordinator.post('/api/certificates', {
      certificateTypeId: type.body.id,
      holderUserId: world.volunteerB.id,
      organisationId: world.orgB.id,
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const code: string = issued.body.code;
    const status = async (base: string) => ((await (await fetch(`${base}/api/verify/${code}`)).json()) as { status: string }).status;
    expect(await status(baseA)).toBe('valid');
    expect(await status(baseB)).toBe('valid');

    const revoked = await coordinator.post(`/api/certificates/${issued.body.id}/revoke`, { reason: 'Issued to the wrong person' });
    expect(revoked.status, JSON.stringify(revoked.body)).toBeLessThan(300);
    // "At once": the other process's cache is told through Redis; allow the message's trip only.
    await waitFor(async () => (await status(baseB)) === 'revoked', 1_000);
    expect(await status(baseA)).toBe('revoked');
  });
});
