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
    /** Files sent with the mail, e.g. a meeting's .ics (text content). */
    attachments: z
      .array(z.object({ filename: z.string(), contentType: z.string(), content: z.string() }))
      .max(5)
      .optional(),
  }),
  /** A meeting reminder for one occurrence; the handler checks the occurrence still stands. */
  'meetings.remind': z.object({
    meetingId: z.uuid(),
    occurrenceStart: z.iso.datetime(),
    minutesBefore: z.number().int().positive(),
  }),
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
