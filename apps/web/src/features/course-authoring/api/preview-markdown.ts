import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** POST /api/course-authoring/markdown-preview: lesson Markdown as learners will see it (sanitised HTML). */
export function previewMarkdown(markdown: string): Promise<{ html: string }> {
  return api.post<{ html: string }>('/course-authoring/markdown-preview', { markdown });
}

export function usePreviewMarkdown() {
  return useMutation({ mutationFn: previewMarkdown });
}
