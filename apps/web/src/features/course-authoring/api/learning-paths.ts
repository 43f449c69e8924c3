import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuthoringLearningPath, LearningPathCreate, LearningPathUpdate } from '@tadamon/shared';
import { api, isApiError } from '../../../lib/api-client';

/** Learning paths under /api/course-authoring/paths: list, one path, create, and changes with If-Match. */

interface PathPage {
  items: AuthoringLearningPath[];
  nextCursor: string | null;
}

export function listPaths(cursor?: string, signal?: AbortSignal): Promise<PathPage> {
  return api.get<PathPage>('/course-authoring/paths', { query: { cursor, limit: 20 }, signal });
}

export function usePaths() {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: ['course-authoring', 'paths', 'list'],
      queryFn: ({ pageParam, signal }) => listPaths(pageParam, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  );
}

const pathKey = (id: string) => ['course-authoring', 'paths', 'detail', id] as const;

export function usePath(id: string) {
  return useQuery(
    queryOptions({
      queryKey: pathKey(id),
      queryFn: ({ signal }) => api.get<AuthoringLearningPath>(`/course-authoring/paths/${id}`, { signal }),
    }),
  );
}

export function useCreatePath() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LearningPathCreate) => api.post<AuthoringLearningPath>('/course-authoring/paths', input),
    onSuccess: (path) => {
      queryClient.setQueryData(pathKey(path.id), path);
      void queryClient.invalidateQueries({ queryKey: ['course-authoring', 'paths', 'list'] });
    },
  });
}

export type PathChange = { action: 'update'; body: LearningPathUpdate } | { action: 'publish' | 'archive' | 'unarchive' };

export function useChangePath(id: string, revision: number) {
  const queryClient = useQueryClient();
  const store = (path: AuthoringLearningPath) => {
    queryClient.setQueryData(pathKey(id), path);
    void queryClient.invalidateQueries({ queryKey: ['course-authoring', 'paths', 'list'] });
  };
  return useMutation({
    mutationFn: (change: PathChange) => {
      const options = { headers: { 'if-match': `"${revision}"` } };
      return change.action === 'update'
        ? api.patch<AuthoringLearningPath>(`/course-authoring/paths/${id}`, change.body, options)
        : api.post<AuthoringLearningPath>(`/course-authoring/paths/${id}/${change.action}`, {}, options);
    },
    onSuccess: store,
    onError: (error) => {
      const current = isApiError(error) && error.code === 'CONFLICT' ? (error.details as { current?: AuthoringLearningPath }).current : undefined;
      if (current) store(current);
    },
  });
}
