import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Certificate } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { organisationCertificatesKey } from './get-organisation-certificates';

/** POST /api/certificates/:id/revoke (coordinators) */
export function revokeCertificate(id: string, reason: string): Promise<Certificate> {
  return api.post<Certificate>(`/certificates/${encodeURIComponent(id)}/revoke`, { reason });
}

export function useRevokeCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => revokeCertificate(id, reason),
    onSuccess: (certificate) =>
      void queryClient.invalidateQueries({ queryKey: organisationCertificatesKey(certificate.organisationId) }),
  });
}
