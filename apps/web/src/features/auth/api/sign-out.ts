import { useMutation } from '@tanstack/react-query';
import { api, isApiError } from '../../../lib/api-client';
import { clearPersonalDeviceData } from '../../../lib/device-data';

/** POST /api/auth/sign-out: ends this device's session. */
export function signOut(): Promise<void> {
  return api.post<void>('/auth/sign-out');
}

/**
 * Signs out; on a shared phone also removes everything the app stored in this browser. A
 * session the server already ended (401) counts as signed out: the clearing still happens.
 */
export async function signOutOfDevice(options: { sharedDevice: boolean }): Promise<void> {
  try {
    await signOut();
  } catch (error) {
    if (!(isApiError(error) && error.status === 401)) throw error;
  }
  if (options.sharedDevice) await clearPersonalDeviceData();
}

export function useSignOut() {
  return useMutation({ mutationFn: signOutOfDevice });
}
