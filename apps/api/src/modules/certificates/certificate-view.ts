import { ERASED_HOLDER_TEXT, type Certificate, type CertificateStatus, type CertificateVerification } from '@tadamon/shared';
import type { CertificateViewSource, VerificationRow } from './certificates.repository.js';

/** Revoked wins over expired: a revoked certificate says so, with its date, forever. */
export function statusOf(certificate: { revokedAt: Date | null; expiresAt: Date | null }, now = new Date()): CertificateStatus {
  if (certificate.revokedAt) return 'revoked';
  if (certificate.expiresAt && certificate.expiresAt <= now) return 'expired';
  return 'valid';
}

/** Adds whole calendar months in UTC, clamping to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

export function toCertificateView(c: CertificateViewSource): Certificate {
  return {
    id: c.id,
    code: c.code,
    status: statusOf(c),
    certificateTypeId: c.certificateTypeId,
    names: c.certificateType.names as Record<string, string>,
    holderUserId: c.holderUserId,
    holderName: c.holderName,
    organisationId: c.organisationId,
    organisationName: c.organisation.name,
    networkId: c.networkId,
    networkName: c.network.name,
    reason: c.reason,
    issuedAt: c.issuedAt.toISOString(),
    expiresAt: c.expiresAt?.toISOString() ?? null,
    revokedAt: c.revokedAt?.toISOString() ?? null,
    revokedReason: c.revokedReason,
    pdfReady: !!c.pdfPath,
  };
}

export function toVerificationView(c: VerificationRow): CertificateVerification {
  return {
    code: c.code,
    status: statusOf(c),
    // The certificate and its signed credential stay as issued; the public page no longer names an erased holder.
    holderName: c.holderErased ? ERASED_HOLDER_TEXT : c.holderName,
    holderErased: c.holderErased,
    names: c.names as Record<string, string>,
    organisationName: c.organisationName,
    networkName: c.networkName,
    issuedAt: c.issuedAt.toISOString(),
    expiresAt: c.expiresAt?.toISOString() ?? null,
    revokedAt: c.revokedAt?.toISOString() ?? null,
  };
}
