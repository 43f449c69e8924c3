import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccreditationAssessment, AccreditationAssessmentStatus, AccreditationRating } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

export type AssessmentSummary = Omit<AccreditationAssessment, 'framework' | 'answers' | 'events' | 'canEdit' | 'canReview'>;

const assessmentKey = (id: string) => ['accreditation-assessments', id] as const;
const organisationKey = (organisationId: string) => ['organisations', organisationId, 'accreditation-assessments'] as const;
const queueKey = (networkId: string) => ['networks', networkId, 'accreditation-assessments'] as const;

export function useOrganisationAssessments(organisationId: string | null) {
  return useQuery({
    queryKey: organisationKey(organisationId ?? ''),
    queryFn: () => api.get<{ items: AssessmentSummary[] }>(`/organisations/${encodeURIComponent(organisationId!)}/accreditation-assessments`),
    enabled: !!organisationId,
  });
}

/** The review queue of a network (coordinators). */
export function useReviewQueue(networkId: string | null, status?: AccreditationAssessmentStatus) {
  return useQuery({
    queryKey: [...queueKey(networkId ?? ''), status ?? 'all'],
    queryFn: () =>
      api.get<{ items: AssessmentSummary[] }>(`/networks/${encodeURIComponent(networkId!)}/accreditation-assessments`, {
        query: status ? { status } : {},
      }),
    enabled: !!networkId,
  });
}

export function useAssessment(id: string) {
  return useQuery({
    queryKey: assessmentKey(id),
    queryFn: () => api.get<AccreditationAssessment>(`/accreditation-assessments/${encodeURIComponent(id)}`),
  });
}

export function useStartAssessment(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (frameworkId: string) =>
      api.post<AccreditationAssessment>(`/organisations/${encodeURIComponent(organisationId)}/accreditation-assessments`, { frameworkId }),
    onSuccess: (assessment) => {
      queryClient.setQueryData(assessmentKey(assessment.id), assessment);
      void queryClient.invalidateQueries({ queryKey: organisationKey(organisationId) });
    },
  });
}

type Change =
  | { kind: 'answer'; criterionId: string; statement: string; evidenceMaterialIds: string[] }
  | { kind: 'review'; criterionId: string; rating: AccreditationRating; comment: string }
  | { kind: 'submit' }
  | { kind: 'decision'; decision: 'APPROVE' | 'REQUEST_CHANGES'; comment: string };

/**
 * Every change names the revision it was made on; a 409 CONFLICT means someone else changed
 * the assessment meanwhile, and the screen reloads it before the person tries again.
 */
export function useChangeAssessment(assessment: AccreditationAssessment) {
  const queryClient = useQueryClient();
  const base = `/accreditation-assessments/${encodeURIComponent(assessment.id)}`;
  return useMutation({
    mutationFn: (change: Change) => {
      const revision = assessment.revision;
      switch (change.kind) {
        case 'answer':
          return api.put<AccreditationAssessment>(`${base}/answers/${change.criterionId}`, {
            statement: change.statement,
            evidenceMaterialIds: change.evidenceMaterialIds,
            revision,
          });
        case 'review':
          return api.put<AccreditationAssessment>(`${base}/reviews/${change.criterionId}`, { rating: change.rating, comment: change.comment, revision });
        case 'submit':
          return api.post<AccreditationAssessment>(`${base}/submit`, { revision });
        case 'decision':
          return api.post<AccreditationAssessment>(`${base}/decision`, { decision: change.decision, comment: change.comment, revision });
      }
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(assessmentKey(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: organisationKey(updated.organisationId) });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: assessmentKey(assessment.id) }),
  });
}
