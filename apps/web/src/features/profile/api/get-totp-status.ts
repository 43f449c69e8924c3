import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TotpStatus } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

export const totpStatusKey = ['me', 'totp'] as const;

/** GET /api/auth/totp: whether two-factor authentication is on, required, and codes left. */
export function getTotpStatus(): Promise<TotpStatus> {
  return api.get<TotpStatus>('/auth/totp');
}

export const totpStatusQueryOptions = queryOptions({ queryKey: totpStatusKey, queryFn: getTotpStatus });

export function useTotpStatus() {
  return useQuery(totpStatusQueryOptions);
}
