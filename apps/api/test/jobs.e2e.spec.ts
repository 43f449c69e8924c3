import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

const mail = (reason: string) => ({
  to: 'salma@example.test',
  subject: `Hello ${reason}`,
  text: 'A message through the job queue.',
  reason,
});

describe.each([
  ['BullMQ on Redis', {}],
  ['in-process (no REDIS_URL)', { REDIS_URL: '' }],
])('background jobs: %s', (_label, env) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('delivers an enqueued e-mail through SMTP', async () => {
    t = await startTestApp(env);
    await t.jobs.enqueue('mail.send', mail('delivery'), { jobId: 'test:delivery' });
    const received = await t.mailbox.waitFor('salma@example.test');
    expect(received.subject).toBe('Hello delivery');
  });

  it('sends one e-mail when the same event is enqueued twice', async () => {
    t = await startTestApp(env);
    await t.jobs.enqueue('mail.send', mail('twice'), { jobId: 'test:twice' });
    await t.jobs.enqueue('mail.send', mail('twice'), { jobId: 'test:twice' });
    await t.mailbox.waitFor('salma@example.test');
    await t.jobs.drain();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(t.mailbox.for('salma@example.test')).toHaveLength(1);
  });

  it('refuses a malformed payload when it is enqueued', async () => {
    t = await startTestApp(env);
    await expect(
      t.jobs.enqueue('mail.send', { to: 'x' } as never, { jobId: 'test:bad' }),
    ).rejects.toThrow();
  });
});
