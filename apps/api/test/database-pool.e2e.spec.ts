import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/common/config/config.js';
import { PrismaService } from '../src/common/database/prisma.service.js';
import { createTestDatabase } from './support/test-database.js';

/**
 * DATABASE_POOL_SIZE bounds the PostgreSQL connections one process opens, so that several API
 * and worker processes fit a managed server's connection limit (README, "Several servers").
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

async function backendsUnderLoad(poolSize?: string): Promise<number> {
  const config = loadConfig({ DATABASE_URL: database.url, ...(poolSize ? { DATABASE_POOL_SIZE: poolSize } : {}) });
  const prisma = new PrismaService(database.url, config);
  try {
    const pids = await Promise.all(
      Array.from({ length: 12 }, () =>
        prisma.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid FROM pg_sleep(0.3)`.then((rows) => rows[0]!.pid),
      ),
    );
    return new Set(pids).size;
  } finally {
    await prisma.$disconnect();
  }
}

describe('the database pool of one process', () => {
  it('opens at most DATABASE_POOL_SIZE connections however many queries wait', async () => {
    expect(await backendsUnderLoad('3')).toBe(3);
  });

  it('opens ten by default', async () => {
    expect(await backendsUnderLoad()).toBe(10);
  });

  it('refuses a pool size that is not a positive whole number', () => {
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: 'many' })).toThrow(/DATABASE_POOL_SIZE/);
  });
});
