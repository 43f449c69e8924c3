import { useMutation } from '@tanstack/react-query';
import type { SmsResetRequest } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

/** POST /api/auth/password-reset/sms/request: 202 whether or not the number is known; 429 beyond the limits. */
export function requestSmsReset(body: SmsResetRequest): Promise<void> {
  return api.post<void>('/auth/password-reset/sms/request', body);
}

export function useRequestSmsReset() {
  return useMutation({ mutationFn: requestSmsReset });
}
