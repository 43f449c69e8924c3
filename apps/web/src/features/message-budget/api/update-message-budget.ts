import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MessageBudget, MessageBudgetUpdate } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { messageBudgetKey } from './get-message-budget';

/** PUT /api/networks/:networkId/message-budget: the network's own limit, or null for the platform default. */
export function updateMessageBudget(input: { networkId: string; body: MessageBudgetUpdate }): Promise<MessageBudget> {
  return api.put<MessageBudget>(`/networks/${input.networkId}/message-budget`, input.body);
}

export function useUpdateMessageBudget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMessageBudget,
    onSuccess: (saved) => queryClient.setQueryData(messageBudgetKey(saved.networkId), saved),
  });
}
