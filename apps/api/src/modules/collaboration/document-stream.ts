import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../common/auth/actor.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import { LiveEvents } from '../../common/events/live-events.js';
import { documentTopic } from './document-changes.js';
import { DocumentsService } from './documents.service.js';

/**
 * Server-sent events for one joint document's page: "changed" whenever signatures, status or
 * text move. A comment line every LIVE_HEARTBEAT_MS keeps proxies and phone networks from
 * closing an idle stream. A stream ends after LIVE_STREAM_MAX_MS and the browser's EventSource
 * reconnects by itself: every reconnection passes the session guard and the access check
 * again, so a revoked session or a lost membership stops the news within that time.
 */
@Injectable()
export class DocumentStream implements OnModuleDestroy {
  private readonly streams = new Set<() => void>();

  constructor(
    private readonly documents: DocumentsService,
    private readonly events: LiveEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async open(actor: Actor, documentId: string, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    // Before the first byte: a document the caller may not see answers 404 like every other route.
    await this.documents.require(actor, documentId);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
      connection: 'keep-alive',
    });
    res.write('retry: 5000\n\n');
    let ended = false;
    let unsubscribe = () => {};
    const timers: NodeJS.Timeout[] = [];
    const end = () => {
      if (ended) return;
      ended = true;
      timers.forEach((timer) => clearInterval(timer));
      unsubscribe();
      this.streams.delete(end);
      res.end();
    };
    this.streams.add(end);
    request.raw.on('close', end);
    const off = await this.events.subscribe(documentTopic(documentId), (what) => {
      if (!ended) res.write(`event: changed\ndata: ${JSON.stringify({ what })}\n\n`);
    });
    if (ended) return off();
    unsubscribe = off;
    // Sent once the subscription is live: from here on no change can slip past this page.
    res.write('event: ready\ndata: {}\n\n');
    timers.push(setInterval(() => res.write(': heartbeat\n\n'), this.config.LIVE_HEARTBEAT_MS));
    timers.push(setTimeout(end, this.config.LIVE_STREAM_MAX_MS));
  }

  onModuleDestroy() {
    for (const end of [...this.streams]) end();
  }
}
