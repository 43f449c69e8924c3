import { Injectable } from '@nestjs/common';
import { isLanguage, type CertificateIssue } from '@tadamon/shared';
import { AccessPolicy } from '../../common/auth/access.policy.js';
import type { Actor } from '../../common/auth/actor.js';
import { AuditService } from '../../common/audit/audit.service.js';
import { AppError, notFound } from '../../common/errors/app-error.js';
import { JobQueue } from '../../common/jobs/job-queue.js';
import { addMonths, toCertificateView } from './certificate-view.js';
import { CertificateTypesRepository } from './certificate-types.repository.js';
import { VerificationCache } from './verification-cache.js';
import { CertificatesRepository, type StoredCertificate } from './certificates.repository.js';
import { ExpiryRemindersService } from './expiry-reminders.service.js';

export type IssueReason = 'course-completed' | 'assessor';

export interface IssueRequest {
  certificateTypeId: string;
  holderUserId: string;
  /** The holder's organisation the certificate is issued through. */
  organisationId: string;
  reason: IssueReason;
  issuedById: string | null;
  /** Idempotency: the same (holder, type, cycle) never issues twice. Absent: current or next. */
  cycle?: number;
  ip?: string;
}

@Injectable()
export class CertificatesService {
  constructor(
    private readonly repository: CertificatesRepository,
    private readonly types: CertificateTypesRepository,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    private readonly expiry: ExpiryRemindersService,
    private readonly verification: VerificationCache,
  ) {}

  /**
   * The one way a certificate comes to exist — by an assessor here, later by course completion.
   * Idempotent: a holder who already holds a current certificate of this type (or this cycle)
   * gets that one back with `created: false`. No access check: callers have done theirs.
   */
  async issue(request: IssueRequest): Promise<{ certificate: StoredCertificate; created: boolean }> {
    const type = await this.types.findById(request.certificateTypeId);
    const holder = await this.repository.findHolder(request.holderUserId, request.organisationId);
    if (!type || !holder) throw notFound('certificate type or holder');
    const now = new Date();
    const result = await this.repository.issue(
      {
        certificateTypeId: type.id,
        holderUserId: holder.id,
        organisationId: request.organisationId,
        networkId: type.networkId,
        reason: request.reason,
        issuedById: request.issuedById,
        holderName: holder.name,
        language: isLanguage(holder.preferredLanguage) ? holder.preferredLanguage : 'en',
        expiresAt: type.validityMonths ? addMonths(now, type.validityMonths) : null,
        cycle: request.cycle,
      },
      now,
      // The PDF and the expiry reminders are queued in the certificate's transaction (ids
      // fixed by the certificate): an issued certificate always gets its PDF, and only once.
      async (tx, certificate) => {
        await this.jobs.enqueue('certificate.render-pdf', { certificateId: certificate.id }, { jobId: `certificate-pdf:${certificate.id}`, tx });
        await this.expiry.schedule(certificate, tx);
      },
    );
    if (result.created) {
      await this.audit.record({
        action: 'certificate.issued',
        actorId: request.issuedById,
        subjectUserId: holder.id,
        organisationId: request.organisationId,
        networkId: type.networkId,
        ip: request.ip,
        details: { certificateId: result.certificate.id, certificateTypeId: type.id, reason: request.reason },
      });
    }
    return result;
  }

  /** An assessor: a leader of the holder's organisation or a coordinator of its network. */
  async issueByAssessor(actor: Actor, input: CertificateIssue, ip: string) {
    const [organisation] = await this.access.requireOrganisationAccess(actor, 'certificates.issue', [input.organisationId]);
    const type = await this.types.findById(input.certificateTypeId);
    if (!type || type.networkId !== organisation!.networkId) throw notFound('certificate type');
    if (!(await this.repository.findHolder(input.holderUserId, input.organisationId))) throw notFound('member');
    const { certificate, created } = await this.issue({ ...input, reason: 'assessor', issuedById: actor.userId, ip });
    if (!created) {
      throw new AppError('CERTIFICATE_ALREADY_HELD', 'This person already holds a current certificate of this type.', {
        certificateId: certificate.id,
      });
    }
    return toCertificateView(certificate);
  }

  async listForOrganisation(actor: Actor, organisationId: string) {
    await this.access.requireOrganisationAccess(actor, 'certificates.issue', [organisationId]);
    return { items: (await this.repository.listForOrganisation(organisationId)).map(toCertificateView) };
  }

  async listMine(actor: Actor) {
    return { items: (await this.repository.viewsForHolder(actor.userId)).map(toCertificateView) };
  }

  /** The holder's own certificate; anyone else's answers 404 (no hint that it exists). */
  async requireOwn(actor: Actor, id: string): Promise<StoredCertificate> {
    const certificate = await this.repository.findById(id);
    if (!certificate || certificate.holderUserId !== actor.userId) throw notFound('certificate');
    return certificate;
  }

  /** Coordinators of the certificate's network revoke, with a reason kept in the audit log. */
  async revoke(actor: Actor, id: string, reason: string, ip: string) {
    const certificate = await this.repository.findById(id);
    if (!certificate) throw notFound('certificate');
    await this.access.requireNetworkAccess(actor, 'certificates.revoke', certificate.networkId);
    if (!(await this.repository.revoke(id, actor.userId, reason, new Date()))) {
      throw new AppError('CONFLICT', 'This certificate is already revoked.');
    }
    await this.audit.record({
      action: 'certificate.revoked',
      actorId: actor.userId,
      subjectUserId: certificate.holderUserId,
      organisationId: certificate.organisationId,
      networkId: certificate.networkId,
      ip,
      details: { certificateId: id, reason },
    });
    await this.verification.changed(certificate.code);
    return toCertificateView((await this.repository.findById(id))!);
  }
}
