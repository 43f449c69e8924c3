import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { passwordResetConfirmSchema } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

/** POST /api/auth/password-reset/confirm: sets the new password; the person then signs in. */
export function confirmPasswordReset(body: z.output<typeof passwordResetConfirmSchema>): Promise<void> {
  return api.post<void>('/auth/password-reset/confirm', body);
}

export function useConfirmPasswordReset() {
  return useMutation({ mutationFn: confirmPasswordReset });
}
