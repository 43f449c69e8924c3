import { Injectable, Logger } from '@nestjs/common';
import { LiveEvents } from '../../common/events/live-events.js';

export type DocumentChange = 'text' | 'status' | 'signatures' | 'comments';

export const documentTopic = (documentId: string) => `document:${documentId}`;

/**
 * Tells the open pages of a document that it changed, so they refetch it. The event names only
 * what kind of thing changed: the page refetches through the ordinary, access-checked route.
 */
@Injectable()
export class DocumentChanges {
  private readonly logger = new Logger('DocumentChanges');

  constructor(private readonly events: LiveEvents) {}

  async changed(documentId: string, what: DocumentChange): Promise<void> {
    try {
      await this.events.publish(documentTopic(documentId), what);
    } catch (error) {
      // The change itself is saved; a page that misses the news catches up on its next refetch.
      this.logger.warn({ documentId, what, error: String(error) }, 'Live event not published');
    }
  }
}
