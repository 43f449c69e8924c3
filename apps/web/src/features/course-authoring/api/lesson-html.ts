import { queryOptions, useQuery } from '@tanstack/react-query';
import { previewMarkdown } from './preview-markdown';

/**
 * A lesson's Markdown as learners will see it, for the learner preview: the same sanitising
 * endpoint as the editor's preview, cached per text (it reads and stores nothing).
 */
export const lessonHtmlQueryOptions = (markdown: string) =>
  queryOptions({
    queryKey: ['course-authoring', 'markdown-preview', markdown] as const,
    queryFn: () => previewMarkdown(markdown),
    staleTime: Infinity,
  });

export function useLessonHtml(markdown: string) {
  return useQuery({ ...lessonHtmlQueryOptions(markdown), enabled: markdown.trim().length > 0 });
}
