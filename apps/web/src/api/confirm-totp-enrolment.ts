import type { RecoveryCodes } from '@tadamon/shared';
import { api } from '../lib/api-client';

/** POST /api/auth/totp/enrolment/confirm: the first code turns TOTP on; answers recovery codes. */
export function confirmTotpEnrolment(code: string): Promise<RecoveryCodes> {
  return api.post<RecoveryCodes>('/auth/totp/enrolment/confirm', { code });
}
