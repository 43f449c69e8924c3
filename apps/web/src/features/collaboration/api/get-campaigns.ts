import { useQuery } from '@tanstack/react-query';
import type { CampaignDetail, CampaignSummary } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { collaborationKeys, enc } from './keys';

/** GET /api/groups/:id/campaigns */
export function getCampaigns(groupId: string): Promise<{ items: CampaignSummary[] }> {
  return api.get(`/groups/${enc(groupId)}/campaigns`);
}

export function useCampaigns(groupId: string) {
  return useQuery({ queryKey: collaborationKeys.campaigns(groupId), queryFn: () => getCampaigns(groupId) });
}

/** GET /api/campaigns/:id */
export function getCampaign(id: string): Promise<CampaignDetail> {
  return api.get(`/campaigns/${enc(id)}`);
}

export function useCampaign(id: string) {
  return useQuery({ queryKey: collaborationKeys.campaign(id), queryFn: () => getCampaign(id) });
}
