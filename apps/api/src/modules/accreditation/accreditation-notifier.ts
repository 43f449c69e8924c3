import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import { JobQueue } from '../../common/jobs/job-queue.js';
import type { JobTx } from '../../common/jobs/job-catalogue.js';
import { localisedText } from '../../common/i18n/localised-text.js';
import { AccreditationClock } from './accreditation-clock.js';
import { accreditationMail, type AccreditationMailKind } from './accreditation-mail.js';
import { AssessmentsRepository, type StoredAssessment } from './assessments.repository.js';
import { noticeOf } from '../../common/channels/short-messages.js';

/** Days before an accreditation ends at which the organisation's leaders are reminded. */
export const REMINDER_DAYS = [90, 30] as const;
const DAY_MS = 24 * 3600 * 1000;

type Recipient = { id: string; name: string; email: string | null; preferredLanguage: string };
type Decision = { kind: 'approved'; validUntil: Date } | { kind: 'changes_requested'; comment: string };

export const reminderJobId = (assessmentId: string, days: number) => `accreditation-reminder:${assessmentId}:${days}d`;

/**
 * Messages of the accreditation workflow, through each person's channels for accreditation
 * (e-mail, SMS, WhatsApp; in their language), all through the job queue with ids that name the
 * event and the person, so a retried request or job never mails twice. Submission and decision
 * pass their transaction (`tx`): the mails and reminders commit, or roll back, with them.
 */
@Injectable()
export class AccreditationNotifier {
  constructor(
    private readonly repository: AssessmentsRepository,
    private readonly jobs: JobQueue,
    private readonly clock: AccreditationClock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Coordinators of the network learn that an assessment waits for review. */
  async submitted(assessment: StoredAssessment, tx: JobTx) {
    const coordinators = await this.repository.coordinators(assessment.organisation.networkId, tx);
    await this.mailEach(assessment, 'submitted', coordinators, `submitted:${assessment.revision}`, null, '', tx);
  }

  async decided(assessment: StoredAssessment, decision: Decision, tx: JobTx) {
    const leaders = await this.repository.leaders(assessment.organisationId, tx);
    if (decision.kind === 'approved') {
      await this.mailEach(assessment, 'approved', leaders, 'approved', decision.validUntil, '', tx);
      await this.scheduleReminders(assessment.id, decision.validUntil, tx);
    } else {
      await this.mailEach(assessment, 'changes_requested', leaders, `changes:${assessment.revision}`, null, decision.comment, tx);
    }
  }

  /**
   * Delayed jobs before the end of validity. A reminder whose moment has passed is dropped,
   * except that a very short validity still gets one reminder at once.
   */
  async scheduleReminders(assessmentId: string, validUntil: Date, tx: JobTx) {
    const now = this.clock.now().getTime();
    const due = REMINDER_DAYS.map((days) => ({ days, delayMs: validUntil.getTime() - days * DAY_MS - now }));
    const future = due.filter((r) => r.delayMs >= 0);
    const chosen = future.length > 0 ? future : [{ days: REMINDER_DAYS.at(-1)!, delayMs: 0 }];
    for (const { days, delayMs } of chosen) {
      await this.jobs.enqueue('accreditation.remind', { assessmentId, daysBefore: days }, { jobId: reminderJobId(assessmentId, days), delayMs, tx });
    }
  }

  /** Runs a reminder job: only for the organisation's current accreditation, never after it was renewed. */
  async remind(assessmentId: string, daysBefore: number) {
    const assessment = await this.repository.findById(assessmentId);
    if (!assessment || assessment.status !== 'APPROVED' || !assessment.validUntil) return;
    const current = await this.repository.accreditedUntil(assessment.organisationId);
    if (current?.getTime() !== assessment.validUntil.getTime()) return; // renewed or replaced since
    if (assessment.validUntil.getTime() <= this.clock.now().getTime()) return;
    const leaders = await this.repository.leaders(assessment.organisationId);
    await this.mailEach(assessment, 'reminder', leaders, `reminder:${daysBefore}d`, assessment.validUntil, '');
  }

  private async mailEach(
    assessment: StoredAssessment,
    kind: AccreditationMailKind,
    recipients: Recipient[],
    event: string,
    date: Date | null,
    comment: string,
    tx?: JobTx,
  ) {
    for (const person of recipients) {
      const mail = accreditationMail({
        kind,
        language: person.preferredLanguage,
        recipientName: person.name,
        organisation: assessment.organisation.name,
        framework: localisedText(assessment.framework.titles, person.preferredLanguage),
        date,
        comment,
        link: `${this.config.publicUrl}/accreditation/assessments/${assessment.id}`,
      });
      const reason = `accreditation:${assessment.id}:${event}:${person.id}`;
      const link = `${this.config.publicUrl}/accreditation/assessments/${assessment.id}`;
      await this.jobs.enqueue(
        'messages.send',
        {
          reason,
          kind: 'ACCREDITATION',
          userId: person.id,
          networkId: assessment.organisation.networkId,
          email: mail,
          short: noticeOf(mail.subject, link),
        },
        { jobId: reason, tx },
      );
    }
  }
}
