import { z } from 'zod';

/**
 * Every background job, by name, with the schema of its payload. Payloads are checked when
 * enqueued and again when handled, so a malformed job fails loudly instead of half-working.
 */
export const jobCatalogue = {
  'mail.send': z.object({
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string().optional(),
    /** Why the mail exists, e.g. "invitation:<id>"; used for idempotency and logs. */
    reason: z.string(),
  }),
  /** Material library: read a new file version (page count, text for search), then READY or FAILED. */
  'materials.process-file': z.object({ fileId: z.uuid() }),
  /** Material library: delete unfinished uploads past UPLOAD_EXPIRY_HOURS. */
  'materials.cleanup-uploads': z.object({}),
} as const;

export type JobName = keyof typeof jobCatalogue;
export type JobPayload<N extends JobName> = z.infer<(typeof jobCatalogue)[N]>;

export interface EnqueueOptions {
  /** Deterministic id: enqueueing the same id twice runs the job once. */
  jobId?: string;
  delayMs?: number;
}

export const JOB_QUEUE_NAME = 'tadamon';
export const JOB_ATTEMPTS = 5;
export const JOB_BACKOFF_MS = 2000;
