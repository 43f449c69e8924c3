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
function parseWhat(data: string): 'text' | 'status' | 'signatures' | 'comments' | 'unknown' {
  try {
    const what = (JSON.parse(data) as { what?: unknown }).what;
    return what === 'text' || what === 'status' || what === 'signatures' || what === 'comments' ? what : 'unknown';
  } catch {
    return 'unknown';
  }
}

export function useDocumentLive(documentId: string): boolean {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined' || !documentId) return;
    const source = new EventSource(`/api/documents/${enc(documentId)}/events`);
    source.addEventListener('ready', () => setLive(true));
    source.addEventListener('changed', (event) => {
      const what = parseWhat((event as MessageEvent<string>).data);
      // Only what changed is fetched again; a diff between two fixed revisions never changes.
      if (what !== 'comments') void queryClient.invalidateQueries({ queryKey: collaborationKeys.document(documentId), exact: true });
      if (what === 'text') {
        void queryClient.invalidateQueries({
          queryKey: collaborationKeys.document(documentId),
          predicate: (query) => query.queryKey.at(-1) === 'revisions',
        });
      }
      if (what === 'comments' || what === 'unknown') void queryClient.invalidateQueries({ queryKey: collaborationKeys.comments(documentId) });
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
