import { useMutation } from '@tanstack/react-query';
import type { SetupCode } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

/** POST /api/organisations/:id/members/:membershipId/setup-code: a new code; the old one stops working. */
export function issueSetupCode(organisationId: string, membershipId: string): Promise<SetupCode> {
  return api.post<SetupCode>(
    `/organisations/${encodeURIComponent(organisationId)}/members/${encodeURIComponent(membershipId)}/setup-code`,
  );
}

export function useIssueSetupCode(organisationId: string) {
  return useMutation({ mutationFn: (membershipId: string) => issueSetupCode(organisationId, membershipId) });
}
