import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Certificate, CertificateIssue } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { organisationCertificatesKey } from './get-organisation-certificates';

/** POST /api/certificates (assessors) */
export function issueCertificate(body: CertificateIssue): Promise<Certificate> {
  return api.post<Certificate>('/certificates', body);
}

export function useIssueCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: issueCertificate,
    onSuccess: (certificate) =>
      void queryClient.invalidateQueries({ queryKey: organisationCertificatesKey(certificate.organisationId) }),
  });
}
