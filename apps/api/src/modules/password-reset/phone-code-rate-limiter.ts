import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG, REDIS_KEY_PREFIX, type AppConfig } from '../../common/config/config.js';
import { AppError } from '../../common/errors/app-error.js';

const HOUR_SECONDS = 3600;

/**
 * SMS codes cost money and can be used to pester someone, so requests are counted per phone
 * number and per client address per hour, whether or not the number belongs to an account
 * (the answer must not tell). Counted in Redis so every API process shares the count, like the
 * certificate check's limiter; per process while Redis is away.
 */
@Injectable()
export class PhoneCodeRateLimiter implements OnModuleDestroy {
  private readonly perNumber: RateLimiterAbstract;
  private readonly perAddress: RateLimiterAbstract;
  private readonly redis?: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(REDIS_KEY_PREFIX) redisPrefix: string) {
    const make = (name: string, points: number) => {
      const memory = new RateLimiterMemory({ points, duration: HOUR_SECONDS });
      if (!this.redis) return memory;
      return new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${redisPrefix}:phone-code:${name}`,
        points,
        duration: HOUR_SECONDS,
        insuranceLimiter: memory,
      });
    };
    if (config.REDIS_URL) {
      this.redis = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
      this.redis.on('error', () => undefined);
    }
    this.perNumber = make('number', config.PHONE_CODES_PER_NUMBER_PER_HOUR);
    this.perAddress = make('address', config.PHONE_CODES_PER_ADDRESS_PER_HOUR);
  }

  /** Counts one code request; throws PHONE_CODE_RATE_LIMITED (429, Retry-After) beyond either limit. */
  async hit(phone: string, ip: string): Promise<void> {
    // The address first: one address trying many numbers is stopped without using up their counts.
    await this.consume(this.perAddress, ip);
    await this.consume(this.perNumber, phone);
  }

  private async consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw new AppError('PHONE_CODE_RATE_LIMITED', 'Too many codes asked for. Try again later.', undefined, {
        'Retry-After': String(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))),
      });
    }
  }

  async onModuleDestroy() {
    this.redis?.disconnect();
  }
}
