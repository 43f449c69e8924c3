import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { passwordResetRequestSchema } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

/** POST /api/auth/password-reset/request: answers 202 whether or not the address is known. */
export function requestPasswordReset(body: z.output<typeof passwordResetRequestSchema>): Promise<void> {
  return api.post<void>('/auth/password-reset/request', body);
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}
