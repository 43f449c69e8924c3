import { useQuery } from '@tanstack/react-query';
import type { DocumentDetail } from '@tadamon/shared';
import { api } from '../../../lib/api-client';
import { collaborationKeys, enc } from './keys';

/** GET /api/documents/:id */
export function getDocument(id: string): Promise<DocumentDetail> {
  return api.get(`/documents/${enc(id)}`);
}

/**
 * The document; `live` says the page's event stream is open (useDocumentLive), and then it
 * refetches only when told. Without the stream it polls, slowly, so nothing stays stale for long.
 */
export function useDocument(id: string, options: { live?: boolean } = {}) {
  return useQuery({
    queryKey: collaborationKeys.document(id),
    queryFn: () => getDocument(id),
    refetchInterval: options.live ? false : 30_000,
  });
}
