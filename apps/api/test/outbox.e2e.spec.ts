import 'reflect-metadata';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AppModule } from '../src/app/app.module.js';
import { PrismaService } from '../src/common/database/prisma.service.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase } from './support/test-database.js';
import { Mailbox } from './support/mailbox.js';
import { TestClient } from './support/test-client.js';
import { TEST_PASSWORD, createNetwork, createOrganisation, createUser } from './support/factories.js';
import { passSecondFactorForTests } from './support/second-factor.js';
import { freePort, processEnv, startNodeEntry, startRedis, waitFor, waitReady, type RunningProcess } from './support/processes.js';

const mail = (to: string, reason: string) => ({ to, subject: `About ${reason}`, text: 'Through the outbox.', reason });
const outboxRow = (prisma: PrismaService, jobId: string) => prisma.outboxJob.findUnique({ where: { jobId } });

describe('the job outbox', () => {
  let t: TestApp | undefined;
  let second: INestApplicationContext | undefined;
  afterEach(async () => {
    await second?.close();
    await t?.close();
    second = t = undefined;
  });

  it('writes a job with the change that causes it: a rolled-back change leaves no job and sends nothing', async () => {
    t = await startTestApp();
    const prisma = t.prisma;
    const jobs = t.jobs;
    await expect(
      prisma.$transaction(async (tx) => {
        await jobs.enqueue('mail.send', mail('yasmine@example.test', 'rolled-back'), { jobId: 'outbox-test:rolled-back', tx });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await prisma.$transaction(async (tx) => {
      await jobs.enqueue('mail.send', mail('yasmine@example.test', 'committed'), { jobId: 'outbox-test:committed', tx });
    });

    await t.mailbox.waitFor('yasmine@example.test');
    await t.jobs.drain();
    expect(t.mailbox.for('yasmine@example.test').map((m) => m.subject)).toEqual(['About committed']);
    expect(await outboxRow(prisma, 'outbox-test:rolled-back')).toBeNull();
    expect(await outboxRow(prisma, 'outbox-test:committed')).toMatchObject({ attempts: 1, dispatchedAt: expect.any(Date) });
  });

  it('relays each job once with two relays running (API and worker), and each mail arrives once', async () => {
    t = await startTestApp({}, { consumeJobs: false });
    second = await NestFactory.createApplicationContext(
      AppModule.forRoot({ config: t.config, databaseUrl: t.databaseUrl, consumeJobs: true, redisPrefix: t.redisPrefix }),
      { logger: false },
    );
    await second.init();
    const people = Array.from({ length: 40 }, (_, i) => `person-${i}@example.test`);
    await Promise.all(people.map((to, i) => t!.jobs.enqueue('mail.send', mail(to, `burst ${i}`), { jobId: `outbox-test:burst:${i}` })));

    for (const to of people) await t.mailbox.waitFor(to);
    await t.jobs.drain();
    await new Promise((done) => setTimeout(done, 500));
    for (const to of people) expect(t.mailbox.for(to)).toHaveLength(1);
    const rows = await t.prisma.outboxJob.findMany({ where: { jobId: { startsWith: 'outbox-test:burst:' } } });
    expect(rows).toHaveLength(40);
    // attempts counts hand-overs: 1 everywhere means no row went to BullMQ twice.
    expect(rows.every((row) => row.attempts === 1 && row.dispatchedAt !== null)).toBe(true);
  });

  it('without Redis feeds the in-process runner from the same table, keeping a delayed job there until it is due', async () => {
    t = await startTestApp({ REDIS_URL: '', OUTBOX_POLL_MS: '100' });
    await t.jobs.enqueue('mail.send', mail('idriss@example.test', 'later'), { jobId: 'outbox-test:later', delayMs: 1_500 });
    await new Promise((done) => setTimeout(done, 500));
    expect(await outboxRow(t.prisma, 'outbox-test:later')).toMatchObject({ dispatchedAt: null });
    expect(t.mailbox.for('idriss@example.test')).toHaveLength(0);
    await t.mailbox.waitFor('idriss@example.test');
    expect(await outboxRow(t.prisma, 'outbox-test:later')).toMatchObject({ dispatchedAt: expect.any(Date) });
  });
});

/**
 * The API and the worker as real processes on a Redis of the test's own, which is killed in
 * the middle of the run and started again (empty) on the same port.
 */
describe('a Redis outage with real processes', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  });

  it('keeps sign-in, reads and writes working, loses no job, sends each mail and makes each PDF once when Redis is back, and lists jobs that failed for good', async () => {
    const database = await createTestDatabase();
    cleanup.push(() => database.drop());
    const mailbox = new Mailbox();
    const smtpUrl = await mailbox.start();
    cleanup.push(() => mailbox.stop());
    const prisma = new PrismaService(database.url);
    cleanup.push(() => prisma.$disconnect());
    const network = await createNetwork(prisma);
    const organisation = await createOrganisation(prisma, network.id);
    const [amal, badr, chaima] = await Promise.all(
      ['amal', 'badr', 'chaima'].map((name) => createUser(prisma, { role: 'VOLUNTEER', organisationId: organisation.id, email: `${name}@example.test` })),
    );
    const leader = await createUser(prisma, { role: 'ORG_LEADER', organisationId: organisation.id, email: 'leader@example.test' });
    const admin = await createUser(prisma, { role: 'PLATFORM_ADMIN', email: 'admin@example.test' });
    const firstAid = await prisma.certificateType.create({ data: { networkId: network.id, names: { en: 'First aid' } } });
    // Certificate PDFs go under DATA_DIR/certificates: a folder of this test's own, to count them.
    const dataDir = await mkdtemp(join(tmpdir(), 'tadamon-outage-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));

    const redisPort = await freePort();
    let redis: RunningProcess = await startRedis(redisPort);
    cleanup.push(() => redis.stop('SIGKILL'));
    const apiPort = await freePort();
    // Three tries 200, 400 ms apart: a job that cannot succeed fails for good within the test.
    const env = { ...processEnv(database.url, smtpUrl), REDIS_URL: `redis://127.0.0.1:${redisPort}`, DATA_DIR: dataDir, JOB_ATTEMPTS: '3' };
    const api = startNodeEntry('main.js', { ...env, PORT: String(apiPort) });
    cleanup.push(() => api.stop('SIGKILL'));
    const worker = startNodeEntry('worker.js', env);
    cleanup.push(() => worker.stop('SIGKILL'));
    const base = `http://127.0.0.1:${apiPort}`;
    await waitReady(base, api);

    const visitor = () => new TestClient(base as never);
    const requestReset = async (email: string) => {
      const started = Date.now();
      const answer = await visitor().post('/api/auth/password-reset/request', { email });
      expect(answer.status).toBe(202);
      expect(Date.now() - started).toBeLessThan(2_000);
    };
    // Before the outage: the whole pipeline works.
    await requestReset(amal!.email);
    await mailbox.waitFor(amal!.email, undefined, 15_000);

    await redis.stop('SIGKILL');
    const outageStarted = Date.now();
    // Sign-in, a read and a write, each answered promptly, while Redis is gone.
    const person = visitor();
    const signIn = await person.post('/api/auth/sign-in', { email: badr!.email, password: TEST_PASSWORD });
    expect(signIn.status).toBe(200);
    const read = await person.get('/api/me/profile');
    expect(read.status).toBe(200);
    const write = await person.patch('/api/me/profile', { name: 'Badr El Amrani' });
    expect(write.status).toBe(200);
    expect((await person.get('/api/me/profile')).body.name).toBe('Badr El Amrani');
    // Jobs caused during the outage wait in the outbox.
    await requestReset(badr!.email);
    await requestReset(chaima!.email);
    // Certificates issued during the outage: issued at once, their PDFs wait for Redis.
    const assessor = visitor();
    expect((await assessor.post('/api/auth/sign-in', { email: leader!.email, password: TEST_PASSWORD })).status).toBe(200);
    const issued: string[] = [];
    for (const holder of [amal!, badr!, chaima!]) {
      const answer = await assessor.post('/api/certificates', { certificateTypeId: firstAid.id, holderUserId: holder.id, organisationId: organisation.id });
      expect(answer.status).toBe(201);
      issued.push(answer.body.id);
    }
    // Issuing again (a double click, a retried request) makes no second certificate, nor PDF.
    const again = await assessor.post('/api/certificates', { certificateTypeId: firstAid.id, holderUserId: amal!.id, organisationId: organisation.id });
    expect(again.body.code).toBe('CERTIFICATE_ALREADY_HELD');
    // A job that can never succeed (its certificate is gone by the time it runs), caused
    // during the outage: it must end in the dead-letter list, not vanish.
    const doomed = '00000000-0000-4000-8000-00000000dead';
    await prisma.$executeRaw`INSERT INTO "OutboxJob" ("jobId", "name", "payload") VALUES (${`certificate-pdf:${doomed}`}, 'certificate.render-pdf', ${JSON.stringify({ certificateId: doomed })}::jsonb)`;
    expect(Date.now() - outageStarted).toBeLessThan(8_000);
    await waitFor(async () => (await prisma.outboxJob.count({ where: { dispatchedAt: null, name: 'mail.send' } })) === 2, 5_000);
    expect(await prisma.outboxJob.count({ where: { dispatchedAt: null, name: 'certificate.render-pdf' } })).toBe(issued.length + 1);
    const ready = await fetch(`${base}/api/health/ready`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { info: { redis: unknown } }).info.redis).toEqual({ status: 'up', reachable: false });
    await new Promise((done) => setTimeout(done, 1_000));
    expect(mailbox.for(badr!.email)).toHaveLength(0);

    redis = await startRedis(redisPort);
    await mailbox.waitFor(badr!.email, undefined, 20_000);
    await mailbox.waitFor(chaima!.email, undefined, 20_000);
    await new Promise((done) => setTimeout(done, 2_000));
    expect(mailbox.for(amal!.email)).toHaveLength(1);
    expect(mailbox.for(badr!.email)).toHaveLength(1);
    expect(mailbox.for(chaima!.email)).toHaveLength(1);
    expect(await prisma.outboxJob.count({ where: { dispatchedAt: null } })).toBe(0);

    // Each certificate issued during the outage has exactly one PDF, made once: one file in
    // the store per certificate, its job handed over once, and the file not rewritten since.
    const pdfFolder = join(dataDir, 'certificates', network.id);
    await waitFor(async () => (await prisma.certificate.count({ where: { id: { in: issued }, pdfPath: { not: null } } })) === issued.length, 20_000);
    const files = (await readdir(pdfFolder)).sort();
    expect(files).toEqual(issued.map((id) => `${id}.pdf`).sort());
    const made = await Promise.all(files.map((file) => stat(join(pdfFolder, file))));
    for (const id of issued) {
      expect(await outboxRow(prisma, `certificate-pdf:${id}`)).toMatchObject({ attempts: 1, dispatchedAt: expect.any(Date) });
    }
    const holder = visitor();
    expect((await holder.post('/api/auth/sign-in', { email: amal!.email, password: TEST_PASSWORD })).status).toBe(200);
    const download = await holder.get(`/api/me/certificates/${issued[0]}/pdf`);
    expect(download.status).toBe(200);
    await new Promise((done) => setTimeout(done, 1_000));
    expect((await readdir(pdfFolder)).sort()).toEqual(files);
    const later = await Promise.all(files.map((file) => stat(join(pdfFolder, file))));
    expect(later.map((s) => [s.ino, s.mtimeMs])).toEqual(made.map((s) => [s.ino, s.mtimeMs]));

    // The job that could not succeed is in the dead-letter list, after all its tries.
    const operator = visitor();
    expect((await operator.post('/api/auth/sign-in', { email: admin!.email, password: TEST_PASSWORD })).status).toBe(200);
    await passSecondFactorForTests(prisma, admin!.id);
    let failed: { id: string; name: string; attempts: number }[] = [];
    await waitFor(async () => {
      failed = (await operator.get('/api/admin/jobs/failed')).body.items ?? [];
      return failed.length > 0;
    }, 20_000);
    expect(failed).toEqual([expect.objectContaining({ name: 'certificate.render-pdf', attempts: 3 })]);
    expect(failed[0]!.id).toContain(doomed);
    // Neither process died on the way.
    expect(api.child.exitCode).toBeNull();
    expect(worker.child.exitCode).toBeNull();
  }, 240_000);
});
