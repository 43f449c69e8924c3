import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CertificateType, CertificateTypeCreate } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { certificateTypesKey } from '../../../api/get-certificate-types';

/** POST /api/networks/:id/certificate-types (coordinators) */
export function createCertificateType(networkId: string, body: CertificateTypeCreate): Promise<CertificateType> {
  return api.post<CertificateType>(`/networks/${encodeURIComponent(networkId)}/certificate-types`, body);
}

export function useCreateCertificateType(networkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CertificateTypeCreate) => createCertificateType(networkId, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: certificateTypesKey(networkId) }),
  });
}
