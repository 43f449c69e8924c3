import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { setupCodePreviewSchema } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

export type SetupCodePreview = z.infer<typeof setupCodePreviewSchema>;

/** POST /api/auth/setup-code/preview: whose code this is (the code travels in the body, not the URL). */
export function previewSetupCode(code: string): Promise<SetupCodePreview> {
  return api.post<SetupCodePreview>('/auth/setup-code/preview', { code });
}

export function usePreviewSetupCode() {
  return useMutation({ mutationFn: previewSetupCode });
}
