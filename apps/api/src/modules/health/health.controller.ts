import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import { Redis } from 'ioredis';
import { Public } from '../../common/auth/access.decorators.js';
import { APP_CONFIG, type AppConfig } from '../../common/config/config.js';
import { PrismaService } from '../../common/database/prisma.service.js';

/**
 * Liveness (the process answers) and readiness (its database answers). Redis is reported but
 * does not make the process unready: jobs wait in the PostgreSQL outbox while it is away and
 * every request still works, so taking the API out of rotation would only hurt.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  @HealthCheck()
  ready() {
    const checks: HealthIndicatorFunction[] = [
      () =>
        this.indicator
          .check('database')
          .attempt(async () => {
            await this.prisma.$queryRaw`SELECT 1`;
          })
          .withTimeout(2000),
    ];
    const redisUrl = this.config.REDIS_URL;
    if (redisUrl) {
      checks.push(async () => {
        const reachable = await Promise.race([
          pingRedis(redisUrl).then(() => true, () => false),
          new Promise<boolean>((done) => setTimeout(() => done(false), 2000).unref()),
        ]);
        return this.indicator.check('redis').up({ reachable });
      });
    }
    return this.health.check(checks);
  }
}

async function pingRedis(url: string): Promise<string> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1500 });
  try {
    await client.connect();
    return await client.ping();
  } finally {
    client.disconnect();
  }
}
