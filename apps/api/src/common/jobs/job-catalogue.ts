import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client.js';
import { MESSAGE_CHANNELS, MESSAGE_KINDS } from '@tadamon/shared';
import { shortMessageSchema } from '../channels/short-messages.js';

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
  /**
   * One message to one person through the channels they chose for its kind (e-mail, SMS,
   * WhatsApp), falling back to the next on failure. `reason` names the event and is the job id.
   */
  'messages.send': z.object({
    reason: z.string().min(1).max(300),
    kind: z.enum(MESSAGE_KINDS),
    userId: z.uuid(),
    /** Whose monthly SMS/WhatsApp budget pays; default: the person's first network. */
    networkId: z.uuid().optional(),
    /** Only these channels (in the person's order), e.g. a code asked for by phone never goes by e-mail. */
    onlyChannels: z.array(z.enum(MESSAGE_CHANNELS)).min(1).optional(),
    /** The full message for e-mail, already in the person's language. */
    email: z
      .object({
        subject: z.string(),
        text: z.string(),
        html: z.string().optional(),
        attachments: z
          .array(z.object({ filename: z.string(), contentType: z.string(), content: z.string() }))
          .max(5)
          .optional(),
      })
      .optional(),
    /** The short form for SMS and WhatsApp. */
    short: shortMessageSchema,
  }),
  /** A meeting reminder for one occurrence; the handler checks the occurrence still stands. */
  'meetings.remind': z.object({
    meetingId: z.uuid(),
    occurrenceStart: z.iso.datetime(),
    minutesBefore: z.number().int().positive(),
  }),
  /** Material library: read a new file version (page count, text for search), then READY or FAILED. */
  'materials.process-file': z.object({ fileId: z.uuid() }),
  /** Material library: media metadata of a READY file version, then one render job per derived file. */
  'materials.media-analyse': z.object({ fileId: z.uuid() }),
  /** Material library: makes one derived file (jobId materials.media-render:<file>:<kind>). */
  'materials.media-render': z.object({ fileId: z.uuid(), kind: z.enum(['THUMBNAIL', 'VIDEO_LOW', 'AUDIO']) }),
  /** Material library: delete unfinished uploads past UPLOAD_EXPIRY_HOURS. */
  'materials.cleanup-uploads': z.object({}),
  /** The stored files of a deleted material (jobId materials.remove-files:<material>); removing a missing file is a no-op. */
  'materials.remove-files': z.object({ materialId: z.uuid(), storageKeys: z.array(z.string().min(1)).max(100_000) }),
  /** One person's daily digest of unread collaboration notifications (jobId digest:<user>:<day>). */
  'notifications.digest': z.object({ userId: z.uuid(), day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  /** Renders a certificate's PDF; idempotent (one file per certificate). */
  'certificate.render-pdf': z.object({ certificateId: z.uuid() }),
  /** Reminds a holder `daysBefore` days before their certificate expires (checked again when run). */
  'certificate.expiry-reminder': z.object({ certificateId: z.uuid(), daysBefore: z.number().int().positive() }),
  /** Reminds an organisation's leaders that its accreditation ends in `daysBefore` days. */
  'accreditation.remind': z.object({ assessmentId: z.uuid(), daysBefore: z.number().int().positive() }),
  /** A certificate earned by completing courses (or renewed by a refresher); cycle set for renewals. */
  'learning.issue-certificate': z.object({
    certificateTypeId: z.uuid(),
    userId: z.uuid(),
    organisationId: z.uuid(),
    cycle: z.number().int().positive().optional(),
  }),
  /** Personal data: builds one person's export ZIP (jobId personal-data-export:<export>); does nothing unless still PENDING. */
  'personal-data.export': z.object({ exportId: z.uuid() }),
  /** Personal data: the export ZIPs of an erased account (jobId personal-data.remove-exports:<erasure request>); a missing file is a no-op. */
  'personal-data.remove-exports': z.object({ storageKeys: z.array(z.string().min(1)).max(10_000) }),
  /** Personal data: deletes export ZIPs past their download window (hourly, jobId personal-data.cleanup-exports:<hour>). */
  'personal-data.cleanup-exports': z.object({}),
  /** Courses: the due-date reminder of one enrolment (jobId course-due-reminder:<enrolment>:<due ms>); stale ones are ignored. */
  'courses.due-reminder': z.object({ enrolmentId: z.uuid(), dueAt: z.iso.datetime() }),
} as const;

export type JobName = keyof typeof jobCatalogue;
export type JobPayload<N extends JobName> = z.infer<(typeof jobCatalogue)[N]>;

/** The transaction of the change that causes a job: the job is written in it, or not at all. */
export type JobTx = Prisma.TransactionClient;

export interface EnqueueOptions {
  /** Deterministic id: enqueueing the same id twice runs the job once. */
  jobId?: string;
  delayMs?: number;
  /** Write the job in this transaction (the change that causes it); absent: on its own. */
  tx?: JobTx;
}

export const JOB_QUEUE_NAME = 'tadamon';

/** Retries: `attempts` tries in all, waiting backoffMs, then twice that, and so on. */
export interface RetryPolicy {
  attempts: number;
  backoffMs: number;
}

/** A job that used up its attempts (the dead-letter list). Payloads are never shown: they may hold links with tokens. */
export interface FailedJob {
  id: string;
  name: string;
  reason: string;
  attempts: number;
  failedAt: string;
}
