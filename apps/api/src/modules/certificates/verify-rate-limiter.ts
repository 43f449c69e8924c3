import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import { AppError } from '../../common/errors/app-error.js';

const WINDOW_MS = 60_000;
const MAX_TRACKED = 50_000;

/**
 * Fixed one-minute window per client address for the public verification endpoint, so codes
 * cannot be guessed at speed. In memory per API process: guessing a 128-bit code is hopeless
 * anyway, this only keeps scrapers from hammering the database; behind N processes the limit
 * is N times looser, which is acceptable for that purpose.
 */
@Injectable()
export class VerifyRateLimiter {
  private windowStart = Date.now();
  private readonly counts = new Map<string, number>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  hit(ip: string): void {
    const now = Date.now();
    if (now - this.windowStart >= WINDOW_MS || this.counts.size > MAX_TRACKED) {
      this.counts.clear();
      this.windowStart = now;
    }
    const count = (this.counts.get(ip) ?? 0) + 1;
    this.counts.set(ip, count);
    if (count > this.config.VERIFY_RATE_LIMIT_PER_MINUTE) {
      const retryAfter = Math.max(1, Math.ceil((this.windowStart + WINDOW_MS - now) / 1000));
      throw new AppError('RATE_LIMITED', 'Too many checks from this address. Try again in a minute.', undefined, {
        'Retry-After': String(retryAfter),
      });
    }
  }
}
