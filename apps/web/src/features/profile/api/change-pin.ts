import { useMutation } from '@tanstack/react-query';
import type { PinChange } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

/** POST /api/me/pin: a new 6-digit PIN after the current PIN or password. */
export function changePin(body: PinChange): Promise<void> {
  return api.post<void>('/me/pin', body);
}

export function useChangePin() {
  return useMutation({ mutationFn: changePin });
}
