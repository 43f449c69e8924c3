import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import { CertificatesRepository } from './certificates.repository.js';
import { JobQueue } from '../../common/jobs/job-queue.js';
import type { JobTx } from '../../common/jobs/job-catalogue.js';
import { CertificateClock } from './certificate-clock.js';
import { expiryReminderMail } from './expiry-mail.js';
import { localisedText } from '../../common/i18n/localised-text.js';
import { noticeOf } from '../../common/channels/short-messages.js';

/** Days before expiry at which the holder is reminded (issue 5). */
export const EXPIRY_REMINDER_DAYS = [60, 14] as const;
const DAY_MS = 86_400_000;

export const expiryReminderJobId = (certificateId: string, days: number) => `certificate-expiry:${certificateId}:${days}d`;

/**
 * Reminds holders before a certificate expires, through delayed jobs set when it is issued.
 * The handler looks again when it runs: nothing is sent for a certificate that was revoked,
 * has expired, or was renewed meanwhile (a later cycle of the same type), and the mail's job id
 * names certificate and reminder, so a retried or duplicated job never mails twice.
 */
@Injectable()
export class ExpiryRemindersService {
  constructor(
    private readonly repository: CertificatesRepository,
    private readonly jobs: JobQueue,
    private readonly clock: CertificateClock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Queues the reminders still ahead, in `tx` (the issuing transaction) when given. */
  async schedule(certificate: { id: string; expiresAt: Date | null }, tx?: JobTx) {
    if (!certificate.expiresAt) return;
    const now = this.clock.now().getTime();
    const expiresAt = certificate.expiresAt.getTime();
    for (const days of EXPIRY_REMINDER_DAYS) {
      const delayMs = expiresAt - days * DAY_MS - now;
      // A validity shorter than the reminder's lead time gets only the reminders still ahead.
      if (delayMs < 0) continue;
      await this.jobs.enqueue('certificate.expiry-reminder', { certificateId: certificate.id, daysBefore: days }, { jobId: expiryReminderJobId(certificate.id, days), delayMs, tx });
    }
  }

  async remind(certificateId: string, daysBefore: number) {
    const certificate = await this.repository.forExpiryReminder(certificateId);
    if (!certificate?.expiresAt || certificate.revokedAt || certificate.holder.disabledAt) return;
    if (certificate.expiresAt.getTime() <= this.clock.now().getTime()) return;
    const renewed = await this.repository.renewalsAfter(certificate);
    if (renewed > 0) return;
    const link = `${this.config.publicUrl}/certificates`;
    const mail = expiryReminderMail({
      language: certificate.holder.preferredLanguage,
      name: certificate.holder.name,
      certificate: localisedText(certificate.certificateType.names, certificate.holder.preferredLanguage),
      expiresAt: certificate.expiresAt,
      link,
    });
    const reason = `${expiryReminderJobId(certificate.id, daysBefore)}:mail`;
    await this.jobs.enqueue(
      'messages.send',
      {
        reason,
        kind: 'CERTIFICATE_EXPIRY',
        userId: certificate.holder.id,
        networkId: certificate.networkId,
        email: mail,
        short: noticeOf(mail.subject, link),
      },
      { jobId: reason },
    );
  }
}
