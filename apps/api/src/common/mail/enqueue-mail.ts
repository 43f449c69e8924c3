import { Logger } from '@nestjs/common';
import type { EnqueueOptions, JobPayload } from '../jobs/job-catalogue.js';
import type { JobQueue } from '../jobs/job-queue.js';

const logger = new Logger('Mail');

/**
 * Queues a mail to a person's address. People signed up by a leader with only a phone number
 * or a username have no address: their mail is skipped and logged (with its reason, never the
 * text), so every feature can mail "the person" without knowing how they signed up.
 * Answers whether a mail was queued.
 */
export async function enqueueMail(
  jobs: JobQueue,
  to: string | null | undefined,
  mail: Omit<JobPayload<'mail.send'>, 'to'>,
  options?: EnqueueOptions,
): Promise<boolean> {
  if (!to) {
    logger.log({ reason: mail.reason }, 'Mail skipped: the person has no e-mail address');
    return false;
  }
  await jobs.enqueue('mail.send', { ...mail, to }, options);
  return true;
}
