import type { SyncEvent, SyncResponse } from '@tadamon/shared';
import { api } from '../../../lib/api-client';

/** POST /learning/sync — replays queued events in order; each id counts once on the server. */
export function syncEvents(events: SyncEvent[]): Promise<SyncResponse> {
  return api.post<SyncResponse>('/learning/sync', { events });
}
