import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AccountSummary } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { adminKeys } from './admin-keys';

export interface AccountFilters {
  q?: string;
  disabled?: 'true' | 'false';
}

/** GET /api/admin/accounts: accounts matching a name, e-mail, phone or username. */
export function getAccounts(filters: AccountFilters): Promise<{ items: AccountSummary[]; more: boolean }> {
  return api.get<{ items: AccountSummary[]; more: boolean }>('/admin/accounts', { query: { ...filters } });
}

export const accountsQueryOptions = (filters: AccountFilters) =>
  queryOptions({ queryKey: adminKeys.accounts({ ...filters }), queryFn: () => getAccounts(filters), placeholderData: keepPreviousData });

export function useAccounts(filters: AccountFilters) {
  return useQuery(accountsQueryOptions(filters));
}
