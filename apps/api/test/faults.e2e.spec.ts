import { request as httpRequest } from 'node:http';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PrismaService } from '../src/common/database/prisma.service.js';
import { createTestDatabase } from './support/test-database.js';
import { Mailbox } from './support/mailbox.js';
import { TestClient } from './support/test-client.js';
import { TcpProxy } from './support/tcp-proxy.js';
import { passSecondFactorForTests } from './support/second-factor.js';
import { TEST_PASSWORD, createWorld } from './support/factories.js';
import { LiveClient, makePdf } from './materials.support.js';
import { freePort, processEnv, startNodeEntry, startRedis, waitFor, waitReady } from './support/processes.js';

/**
 * Faults with real processes: PostgreSQL going away behind a proxy the test cuts, and SIGTERM
 * with work in flight. The API and worker are the built entries (apps/api/dist).
 */
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
  cleanup.length = 0;
});

async function world() {
  const database = await createTestDatabase();
  cleanup.push(() => database.drop());
  const mailbox = new Mailbox();
  const smtpUrl = await mailbox.start();
  cleanup.push(() => mailbox.stop());
  const prisma = new PrismaService(database.url);
  cleanup.push(() => prisma.$disconnect());
  return { database, mailbox, smtpUrl, prisma, people: await createWorld(prisma) };
}

const timed = async <T>(work: () => Promise<T>) => {
  const started = Date.now();
  const result = await work();
  return { result, ms: Date.now() - started };
};

describe('a PostgreSQL restart', () => {
  it('answers 503 DATABASE_UNAVAILABLE fast, turns readiness red within 5 s and green after, and recovers without a restart', async () => {
    const { database, smtpUrl, people } = await world();
    const proxy = new TcpProxy('127.0.0.1', Number(new URL(database.url).port || 5432));
    const proxyPort = await proxy.start();
    cleanup.push(() => proxy.cut());
    const viaProxy = new URL(database.url);
    viaProxy.port = String(proxyPort);
    const port = await freePort();
    const api = startNodeEntry('main.js', { ...processEnv(viaProxy.toString(), smtpUrl), PORT: String(port) });
    cleanup.push(() => api.stop('SIGKILL'));
    const base = `http://127.0.0.1:${port}`;
    await waitReady(base, api);
    const volunteer = new TestClient(base as never);
    await volunteer.signIn(people.volunteerA.email, TEST_PASSWORD);
    expect((await volunteer.get('/api/me/profile')).status).toBe(200);

    await proxy.cut();
    const cutAt = Date.now();
    const read = await timed(() => volunteer.get('/api/me/profile'));
    expect(read.result.status).toBe(503);
    expect(read.result.body).toMatchObject({ code: 'DATABASE_UNAVAILABLE', requestId: expect.any(String) });
    expect(read.result.headers['retry-after']).toBe('5');
    expect(read.ms).toBeLessThan(3_000);
    const signIn = await timed(() => new TestClient(base as never).post('/api/auth/sign-in', { email: people.volunteerB.email, password: TEST_PASSWORD }));
    expect(signIn.result.status).toBe(503);
    expect(signIn.result.body.code).toBe('DATABASE_UNAVAILABLE');
    expect(signIn.ms).toBeLessThan(3_000);
    // Nothing about the query or the driver reaches the user.
    expect(JSON.stringify(read.result.body)).not.toMatch(/ECONNREFUSED|prisma|SELECT|127\.0\.0\.1/i);
    await waitFor(async () => (await fetch(`${base}/api/health/ready`)).status === 503, 5_000);
    const redAfter = Date.now() - cutAt;
    expect(redAfter).toBeLessThan(5_000);
    expect((await fetch(`${base}/api/health/live`)).status).toBe(200);

    await proxy.restore();
    await waitFor(async () => (await fetch(`${base}/api/health/ready`)).status === 200, 15_000);
    // The same process, the same session: nothing was restarted.
    const after = await volunteer.get('/api/me/profile');
    expect(after.status).toBe(200);
    expect(after.body.email).toBe(people.volunteerA.email);
    expect(api.child.exitCode).toBeNull();
    console.info(`PostgreSQL cut: profile 503 in ${read.ms} ms, sign-in 503 in ${signIn.ms} ms, readiness red after ${redAfter} ms`);
  }, 180_000);
});

describe('SIGTERM', () => {
  it('lets the API finish an upload chunk in flight, refuse new connections, and exit 0', async () => {
    const { database, smtpUrl, prisma, people } = await world();
    const dataDir = await mkdtemp(join(tmpdir(), 'tadamon-sigterm-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const api = startNodeEntry('main.js', { ...processEnv(database.url, smtpUrl), PORT: String(port), DATA_DIR: dataDir });
    cleanup.push(() => api.stop('SIGKILL'));
    const base = `http://127.0.0.1:${port}`;
    await waitReady(base, api);

    const coordinator = new LiveClient(base);
    coordinator.csrfToken = JSON.parse((await coordinator.send('GET', '/api/auth/csrf')).body.toString()).csrfToken;
    const session = await coordinator.send(
      'POST',
      '/api/auth/sign-in',
      { 'content-type': 'application/json' },
      Buffer.from(JSON.stringify({ email: people.coordinator.email, password: TEST_PASSWORD })),
    );
    coordinator.csrfToken = JSON.parse(session.body.toString()).csrfToken;
    await passSecondFactorForTests(prisma, people.coordinator.id);
    const material = await coordinator.send(
      'POST',
      '/api/materials',
      { 'content-type': 'application/json' },
      Buffer.from(JSON.stringify({
        networkId: people.network.id,
        kind: 'DOCUMENT',
        standardTopic: 'FIRST_AID',
        audience: 'EVERYONE',
        visibility: 'NETWORK',
        translation: { language: 'en', title: 'Evacuation drill guide' },
      })),
    );
    expect(material.status).toBe(201);
    const translationId = JSON.parse(material.body.toString()).translations[0].id as string;
    const pdf = makePdf(['Evacuation drills for community centres'], 300_000);
    const created = await coordinator.createUpload(translationId, 'drill.pdf', pdf.length);
    expect(created.status).toBe(201);

    // The chunk goes out slowly, like on a 3G line: half now, SIGTERM, the rest a second later.
    const answer = new Promise<{ status: number; fileId?: string }>((resolve, reject) => {
      const request = httpRequest(`${base}${created.location}`, {
        method: 'PATCH',
        agent: false,
        headers: {
          cookie: (coordinator as unknown as { cookieHeader(): string }).cookieHeader(),
          'x-csrf-token': coordinator.csrfToken,
          'tus-resumable': '1.0.0',
          'upload-offset': '0',
          'content-type': 'application/offset+octet-stream',
          'content-length': String(pdf.length),
        },
      });
      request.on('response', (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, fileId: response.headers['x-material-file-id'] as string | undefined }));
      });
      request.on('error', reject);
      const half = Math.floor(pdf.length / 2);
      request.write(pdf.subarray(0, half));
      setTimeout(() => request.end(pdf.subarray(half)), 1_500);
    });
    await new Promise((done) => setTimeout(done, 400));
    const signalledAt = Date.now();
    api.child.kill('SIGTERM');
    await new Promise((done) => setTimeout(done, 300));
    // No new connections once stopping.
    await expect(fetch(`${base}/api/health/live`)).rejects.toThrow();

    const finished = await answer;
    expect(finished.status).toBe(204);
    expect(finished.fileId).toEqual(expect.any(String));
    expect(await api.exited).toBe(0);
    const stoppedIn = Date.now() - signalledAt;
    // Every byte of the chunk is in the stored version.
    const file = await prisma.materialFile.findUniqueOrThrow({ where: { id: finished.fileId! } });
    expect(Number(file.sizeBytes)).toBe(pdf.length);
    expect((await stat(join(dataDir, 'materials', file.storageKey))).size).toBe(pdf.length);
    console.info(`SIGTERM with an upload in flight: the API exited 0 after ${stoppedIn} ms`);
  }, 180_000);

  it('lets the worker finish the job it is running before it exits 0', async () => {
    const { database, mailbox, smtpUrl, prisma } = await world();
    const redisPort = await freePort();
    const redis = await startRedis(redisPort);
    cleanup.push(() => redis.stop('SIGKILL'));
    mailbox.holdMs = 2_000; // a slow mail server: the job is running when SIGTERM comes
    const worker = startNodeEntry('worker.js', { ...processEnv(database.url, smtpUrl), LOG_LEVEL: 'info', REDIS_URL: `redis://127.0.0.1:${redisPort}` });
    cleanup.push(() => worker.stop('SIGKILL'));
    await waitFor(async () => worker.output().includes('worker started'), 90_000, () => worker.output());

    await prisma.$executeRaw`INSERT INTO "OutboxJob" ("jobId", "name", "payload")
      VALUES ('sigterm-test:1', 'mail.send', ${JSON.stringify({ to: 'nadia@example.test', subject: 'Slow mail', text: 'Hello', reason: 'sigterm-test' })}::jsonb)`;
    await waitFor(async () => mailbox.receiving > 0, 20_000, () => worker.output());
    worker.child.kill('SIGTERM');

    expect(await worker.exited).toBe(0);
    // It exited only once the mail server had accepted the message: the job finished.
    expect(mailbox.for('nadia@example.test')).toHaveLength(1);
    expect(mailbox.receiving).toBe(0);
  }, 180_000);
});
