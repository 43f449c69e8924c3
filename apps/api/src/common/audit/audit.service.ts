import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';

export type AuditAction =
  | 'auth.sign_in'
  | 'auth.sign_in_failed'
  | 'auth.sign_out'
  | 'auth.sign_out_everywhere'
  | 'auth.password_changed'
  | 'auth.password_reset_requested'
  | 'auth.password_reset'
  | 'auth.second_factor_verified'
  | 'auth.second_factor_failed'
  | 'auth.totp_enrolment_started'
  | 'auth.totp_enabled'
  | 'auth.totp_disabled'
  | 'auth.sso_sign_in'
  | 'auth.sso_failed'
  | 'oidc.provider_saved'
  | 'channels.budget_changed'
  | 'auth.recovery_codes_regenerated'
  | 'auth.pin_changed'
  | 'invitation.created'
  | 'invitation.accepted'
  | 'invitation.revoked'
  | 'membership.role_changed'
  | 'membership.removed'
  | 'organisation.created'
  | 'organisation.updated'
  | 'account.disabled'
  | 'account.enabled'
  | 'account.erasure_requested'
  | 'account.erased'
  | 'meeting.created'
  | 'meeting.updated'
  | 'meeting.cancelled'
  | 'meeting.organisation_responded'
  | 'meeting.time_picked'
  | 'meeting.minutes_saved'
  | 'meeting.attendance_recorded'
  | 'meeting.action_item_saved'
  | 'material.created'
  | 'material.file_restored'
  | 'material.deleted'
  | 'document.status_changed'
  | 'document.signature_decided'
  | 'campaign.created'
  | 'campaign.organisation_joined'
  | 'campaign.organisation_left'
  | 'certificate_type.created'
  | 'certificate_type.updated'
  | 'certificate.issued'
  | 'certificate.revoked'
  | 'accreditation_framework.created'
  | 'accreditation_framework.updated'
  | 'accreditation_framework.published'
  | 'accreditation_framework.archived'
  | 'accreditation.started'
  | 'accreditation.submitted'
  | 'accreditation.changes_requested'
  | 'accreditation.approved'
  | 'course.practical_signed_off'
  | 'course.assigned'
  | 'course.unassigned'
  | 'course_cohort.created'
  | 'course_cohort.updated'
  | 'course_cohort.members_changed'
  | 'course.created'
  | 'course.published'
  | 'course.archived'
  | 'course.unarchived'
  | 'course.version_created'
  | 'learning_path.created'
  | 'learning_path.published'
  | 'learning_path.archived'
  | 'learning_path.unarchived'
  | 'account.created_by_leader'
  | 'setup_code.issued'
  | 'setup_code.redeemed'
  | 'network.created'
  | 'network.updated'
  | 'report_target.created'
  | 'report_target.updated'
  | 'report_target.deleted';

export interface AuditEntry {
  action: AuditAction;
  actorId?: string | null;
  subjectUserId?: string | null;
  organisationId?: string | null;
  networkId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/** Append-only record of security-relevant events (sign-ins, invitations, role changes). */
@Injectable()
export class AuditService {
  constructor(private readonly prisma: PrismaService) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.prisma.auditEvent.create({
      data: {
        action: entry.action,
        actorId: entry.actorId ?? null,
        subjectUserId: entry.subjectUserId ?? null,
        organisationId: entry.organisationId ?? null,
        networkId: entry.networkId ?? null,
        ip: entry.ip ?? null,
        details: (entry.details ?? {}) as object,
      },
    });
  }
}
