import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ActionItem, ActionStatus, actionItemInputSchema } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { meetingKeys } from './keys';

const base = (id: string) => `/meetings/${encodeURIComponent(id)}/action-items`;

/** GET /api/meetings/:id/action-items (participants) */
export function getActionItems(id: string): Promise<{ items: ActionItem[] }> {
  return api.get(base(id));
}

/** POST /api/meetings/:id/action-items (the host) */
export function createActionItem(id: string, input: z.input<typeof actionItemInputSchema>): Promise<ActionItem> {
  return api.post(base(id), input);
}

/** PUT /api/meetings/:id/action-items/:itemId/status (the assignee's leaders, or the host) */
export function setActionItemStatus(id: string, itemId: string, status: ActionStatus): Promise<ActionItem> {
  return api.put(`${base(id)}/${encodeURIComponent(itemId)}/status`, { status });
}

export const actionItemsQueryOptions = (id: string) =>
  queryOptions({ queryKey: meetingKeys.actionItems(id), queryFn: () => getActionItems(id) });

export function useActionItems(id: string) {
  return useQuery(actionItemsQueryOptions(id));
}

export function useCreateActionItem(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof actionItemInputSchema>) => createActionItem(id, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: meetingKeys.actionItems(id) }),
  });
}

export function useSetActionItemStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, status }: { itemId: string; status: ActionStatus }) => setActionItemStatus(id, itemId, status),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: meetingKeys.actionItems(id) }),
  });
}
