import { useMutation } from '@tanstack/react-query';
import type { SmsResetConfirm } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

/** POST /api/auth/password-reset/sms/confirm: the code from the SMS and the new password. */
export function confirmSmsReset(body: SmsResetConfirm): Promise<void> {
  return api.post<void>('/auth/password-reset/sms/confirm', body);
}

export function useConfirmSmsReset() {
  return useMutation({ mutationFn: confirmSmsReset });
}
