import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { collaborationKeys, enc } from './keys';

/**
 * Keeps an open document page live: the API's server-sent events say "changed" when someone
 * signs, moves the status, saves or comments, and the page refetches through the ordinary
 * routes. EventSource reconnects by itself (the server ends each stream after a while so the
 * session is checked again). Answers whether the stream is open; while it is not, the page
 * falls back to slow polling.
 */
export function useDocumentLive(documentId: string): boolean {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined' || !documentId) return;
    const source = new EventSource(`/api/documents/${enc(documentId)}/events`);
    source.addEventListener('ready', () => setLive(true));
    source.addEventListener('changed', () => {
      void queryClient.invalidateQueries({ queryKey: collaborationKeys.document(documentId) });
    });
    source.onerror = () => {
      setLive(false);
      // A 404 or 401 closes the source for good; then polling carries on alone.
      if (source.readyState === EventSource.CLOSED) source.close();
    };
    return () => source.close();
  }, [documentId, queryClient]);
  return live;
}
