import { createHash } from 'node:crypto';
import { Inject, Injectable, Optional, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../generated/prisma/client.js';
import { DATABASE_URL } from './database.tokens.js';

/**
 * Names each distinct SQL text, so node-postgres prepares it once per connection and
 * PostgreSQL keeps its plan: planning a search or report query cost as much as running it.
 * Only texts with few parameters: Prisma writes `IN ($1,…,$n)` and multi-row inserts with one
 * text per length, and every named statement stays prepared for the connection's life.
 */
const MAX_PREPARED_PARAMETERS = 16;
const statementName = (query: { sql: string; args: unknown[] }) =>
  (query.args.length <= MAX_PREPARED_PARAMETERS
    ? `t${createHash('sha1').update(query.sql).digest('base64url')}`
    : undefined) as string;

/** The Prisma client, connected through node-postgres (no native query engine needed). */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(DATABASE_URL) url: string, @Optional() @Inject(APP_CONFIG) config?: AppConfig) {
    // A bounded wait for a connection: while PostgreSQL is away a request fails within it
    // (503 DATABASE_UNAVAILABLE) instead of hanging; the pool reconnects by itself after.
    const connectionTimeoutMillis = config?.DATABASE_CONNECT_TIMEOUT_MS ?? 5_000;
    const max = config?.DATABASE_POOL_SIZE ?? 10;
    super({
      adapter: new PrismaPg({ connectionString: url, max, connectionTimeoutMillis }, { statementNameGenerator: statementName }),
      // A transaction waits for a pooled connection as long as a single query does (Prisma's
      // default, 2 s, failed replies with 500 under the soak's 200 people while plain reads
      // waited and succeeded).
      transactionOptions: { maxWait: connectionTimeoutMillis },
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
