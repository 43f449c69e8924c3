import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { failedJobListSchema } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { adminKeys } from './admin-keys';

export type FailedJobList = z.infer<typeof failedJobListSchema>;

/** GET /api/admin/jobs/failed: background jobs that failed for good (the dead letters). */
export function getFailedJobs(): Promise<FailedJobList> {
  return api.get<FailedJobList>('/admin/jobs/failed');
}

export const failedJobsQueryOptions = () => queryOptions({ queryKey: adminKeys.failedJobs, queryFn: getFailedJobs });

export function useFailedJobs() {
  return useQuery(failedJobsQueryOptions());
}
