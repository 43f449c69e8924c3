import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CampaignDetail, CampaignLinkKind } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { collaborationKeys, enc } from './keys';

const base = (id: string) => `/campaigns/${enc(id)}`;

/** POST /api/groups/:id/campaigns */
export const createCampaign = (
  groupId: string,
  input: { ownerOrganisationId: string; title: string; goal: string; milestones: { title: string; dueOn: string }[] },
): Promise<CampaignDetail> => api.post(`/groups/${enc(groupId)}/campaigns`, input);
/** PATCH /api/campaigns/:id */
export const updateCampaign = (id: string, input: { title?: string; goal?: string }): Promise<CampaignDetail> => api.patch(base(id), input);
/** POST /api/campaigns/:id/milestones */
export const addMilestone = (id: string, input: { title: string; dueOn: string }): Promise<CampaignDetail> =>
  api.post(`${base(id)}/milestones`, input);
/** PATCH /api/campaigns/:id/milestones/:milestoneId */
export const setMilestoneDone = (id: string, milestoneId: string, done: boolean): Promise<CampaignDetail> =>
  api.patch(`${base(id)}/milestones/${enc(milestoneId)}`, { done });
/** DELETE /api/campaigns/:id/milestones/:milestoneId */
export const removeMilestone = (id: string, milestoneId: string): Promise<CampaignDetail> =>
  api.delete(`${base(id)}/milestones/${enc(milestoneId)}`);
/** POST /api/campaigns/:id/links */
export const addLink = (id: string, kind: CampaignLinkKind, targetId: string): Promise<CampaignDetail> =>
  api.post(`${base(id)}/links`, { kind, targetId });
/** DELETE /api/campaigns/:id/links/:kind/:targetId */
export const removeLink = (id: string, kind: CampaignLinkKind, targetId: string): Promise<CampaignDetail> =>
  api.delete(`${base(id)}/links/${kind}/${enc(targetId)}`);
/** PUT /api/campaigns/:id/organisations/:organisationId */
export const joinCampaign = (id: string, organisationId: string): Promise<CampaignDetail> =>
  api.put(`${base(id)}/organisations/${enc(organisationId)}`, {});
/** DELETE /api/campaigns/:id/organisations/:organisationId */
export const leaveCampaign = (id: string, organisationId: string): Promise<CampaignDetail> =>
  api.delete(`${base(id)}/organisations/${enc(organisationId)}`);

/** Runs a change and puts the campaign it answers in the cache; the group's list refetches. */
export function useCampaignMutation<I>(campaignId: string, run: (input: I) => Promise<CampaignDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (campaign) => {
      queryClient.setQueryData(collaborationKeys.campaign(campaignId), campaign);
      void queryClient.invalidateQueries({ queryKey: collaborationKeys.campaigns(campaign.groupId) });
    },
  });
}

export function useCreateCampaign(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Parameters<typeof createCampaign>[1]) => createCampaign(groupId, input),
    onSuccess: (campaign) => {
      queryClient.setQueryData(collaborationKeys.campaign(campaign.id), campaign);
      void queryClient.invalidateQueries({ queryKey: collaborationKeys.campaigns(groupId) });
    },
  });
}
