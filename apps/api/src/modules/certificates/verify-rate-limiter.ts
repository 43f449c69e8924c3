import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG, REDIS_KEY_PREFIX, type AppConfig } from '../../common/config/config.js';
import { AppError } from '../../common/errors/app-error.js';

const WINDOW_SECONDS = 60;

/**
 * Checks per client address per minute on the public verification endpoint, so codes cannot
 * be tried at speed. With Redis the count is shared by every API process (one INCR per check);
 * an address over its limit is then refused from memory until the minute ends, and if Redis
 * is unreachable a per-process count stands in rather than letting everything through.
 */
@Injectable()
export class VerifyRateLimiter implements OnModuleDestroy {
  private readonly limiter: RateLimiterAbstract;
  private readonly redis?: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(REDIS_KEY_PREFIX) redisPrefix: string) {
    const points = config.VERIFY_RATE_LIMIT_PER_MINUTE;
    const inMemory = new RateLimiterMemory({ points, duration: WINDOW_SECONDS });
    if (!config.REDIS_URL) {
      this.limiter = inMemory;
      return;
    }
    // No offline queue: while Redis is away a check fails at once and the insurance counts.
    // Auto-pipelining sends the checks of concurrent requests to Redis in one write.
    this.redis = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, enableAutoPipelining: true });
    this.redis.on('error', () => undefined); // reported by the health check, not per request
    this.limiter = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${redisPrefix}:verify-limit`,
      points,
      duration: WINDOW_SECONDS,
      inMemoryBlockOnConsumed: points + 1,
      insuranceLimiter: inMemory,
    });
  }

  async hit(ip: string): Promise<void> {
    try {
      await this.limiter.consume(ip);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new AppError('RATE_LIMITED', 'Too many checks from this address. Try again in a minute.', undefined, {
        'Retry-After': String(retryAfter),
      });
    }
  }

  async onModuleDestroy() {
    this.redis?.disconnect();
  }
}
