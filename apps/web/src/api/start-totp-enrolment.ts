import type { TotpEnrolment } from '@tadamon/shared';
import { api } from '../lib/api-client';

/** POST /api/auth/totp/enrolment: a new secret to scan (owed at sign-in, or chosen on the profile), until a first code confirms it. */
export function startTotpEnrolment(): Promise<TotpEnrolment> {
  return api.post<TotpEnrolment>('/auth/totp/enrolment');
}
