import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CertificateType, CertificateTypeUpdate } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { certificateTypesKey } from '../../../api/get-certificate-types';

/** PATCH /api/certificate-types/:id (coordinators): texts, validity, and what earns or renews it. */
export function updateCertificateType(id: string, body: CertificateTypeUpdate): Promise<CertificateType> {
  return api.patch<CertificateType>(`/certificate-types/${encodeURIComponent(id)}`, body);
}

export function useUpdateCertificateType(networkId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CertificateTypeUpdate) => updateCertificateType(id, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: certificateTypesKey(networkId) }),
  });
}
