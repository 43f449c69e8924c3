import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MessageBudget } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

export const messageBudgetKey = (networkId: string) => ['networks', networkId, 'message-budget'] as const;

/** GET /api/networks/:networkId/message-budget: this month's use and the network's limit. */
export function getMessageBudget(networkId: string): Promise<MessageBudget> {
  return api.get<MessageBudget>(`/networks/${networkId}/message-budget`);
}

export const messageBudgetQueryOptions = (networkId: string) =>
  queryOptions({ queryKey: messageBudgetKey(networkId), queryFn: () => getMessageBudget(networkId) });

export function useMessageBudget(networkId: string) {
  return useQuery(messageBudgetQueryOptions(networkId));
}
