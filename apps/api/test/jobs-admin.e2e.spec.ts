import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { TEST_PASSWORD, createUser, createWorld } from './support/factories.js';

// Two quick tries, so a job fails for good within the test.
const FAST_RETRIES = { JOB_ATTEMPTS: '2', JOB_BACKOFF_MS: '20' };

describe.each([
  ['BullMQ on Redis', FAST_RETRIES],
  ['in-process (no REDIS_URL)', { ...FAST_RETRIES, REDIS_URL: '' }],
])('dead-letter view: %s', (_label, env) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('lists a job that failed for good without its payload, and delivers it on retry', async () => {
    t = await startTestApp(env);
    const admin = t.client();
    await admin.signIn((await createUser(t.prisma, { role: 'PLATFORM_ADMIN' })).email, TEST_PASSWORD);
    t.mailbox.rejecting = true;
    await t.jobs.enqueue(
      'mail.send',
      { to: 'amina@example.test', subject: 'Your link', text: 'https://tadamon.test/invite?token=secret', reason: 'dlq' },
      { jobId: 'dlq:1' },
    );

    let failed: { id: string; name: string; attempts: number; reason: string }[] = [];
    for (let i = 0; i < 100 && failed.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      failed = (await admin.get('/api/admin/jobs/failed')).body.items;
    }
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ name: 'mail.send', attempts: 2 });
    expect(failed[0]!.reason).toMatch(/Mailbox unavailable/);
    expect(JSON.stringify(failed)).not.toContain('secret');

    t.mailbox.rejecting = false;
    expect((await admin.post(`/api/admin/jobs/${encodeURIComponent(failed[0]!.id)}/retry`)).status).toBe(204);
    const mail = await t.mailbox.waitFor('amina@example.test');
    expect(mail.subject).toBe('Your link');
    expect((await admin.get('/api/admin/jobs/failed')).body.items).toHaveLength(0);
    expect((await admin.post(`/api/admin/jobs/${encodeURIComponent(failed[0]!.id)}/retry`)).status).toBe(404);
  });

  it('is for platform admins only', async () => {
    t = await startTestApp(env);
    const world = await createWorld(t.prisma);
    const coordinator = t.client();
    await coordinator.signIn(world.coordinator.email, TEST_PASSWORD);
    expect((await coordinator.get('/api/admin/jobs/failed')).status).toBe(403);
    expect((await coordinator.post('/api/admin/jobs/x/retry')).status).toBe(403);
  });
});
