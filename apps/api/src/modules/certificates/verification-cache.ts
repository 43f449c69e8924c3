import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { LiveEvents } from '../../common/events/live-events.js';
import { CertificatesRepository, type VerificationRow } from './certificates.repository.js';

const TOPIC = 'certificates:verification-changed';

/**
 * Verification rows by code, kept a minute in each API process: a QR code on a shared
 * certificate is checked in bursts, and this is the one route anyone on the internet can call
 * at volume. Status is still worked out per request (expiry needs no invalidation). A
 * revocation drops the row in every process at once through LiveEvents (Redis pub/sub); the
 * minute bounds what a lost message or a renamed organisation can leave behind. Unknown codes
 * are never kept, so guessing cannot fill the cache.
 */
@Injectable()
export class VerificationCache implements OnModuleInit, OnModuleDestroy {
  private readonly rows = new LRUCache<string, VerificationRow>({ max: 20_000, ttl: 60_000 });
  /** Counts drops, so a lookup that raced a revocation does not put back what it read before. */
  private drops = 0;
  private unsubscribe?: () => void;

  constructor(
    private readonly repository: CertificatesRepository,
    @Inject(LiveEvents) private readonly events: LiveEvents,
  ) {}

  async onModuleInit() {
    this.unsubscribe = await this.events.subscribe(TOPIC, (code) => this.drop(code));
  }

  onModuleDestroy() {
    this.unsubscribe?.();
  }

  async find(code: string): Promise<VerificationRow | null> {
    const kept = this.rows.get(code);
    if (kept) return kept;
    const dropsBefore = this.drops;
    const row = await this.repository.findVerificationByCode(code);
    if (row && this.drops === dropsBefore) this.rows.set(code, row);
    return row;
  }

  /** After a change to what `code` proves has been committed. */
  async changed(code: string): Promise<void> {
    this.drop(code);
    await this.events.publish(TOPIC, code);
  }

  private drop(code: string) {
    this.drops++;
    this.rows.delete(code);
  }
}
