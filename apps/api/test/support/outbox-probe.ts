import type { PrismaService } from '../../src/common/database/prisma.service.js';

/**
 * Probes for "a job is written in the same transaction as the change that causes it".
 *
 * `failOutboxCommits` makes every transaction that queued or removed a job fail at COMMIT (a
 * deferred constraint trigger on "OutboxJob"), i.e. after the enqueue and after the change itself: a
 * change written in the same transaction rolls back with its job; one committed on its own
 * would stay behind.
 *
 * `recordTransactions` notes the transaction id of every row written to the given tables and to
 * "OutboxJob", so a test can check the job was inserted by the very transaction of the change.
 */
export async function failOutboxCommits(prisma: PrismaService): Promise<() => Promise<void>> {
  await prisma.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_fail_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'test: the transaction fails after queueing %', NEW."jobId"; END $$`);
  await prisma.$executeRawUnsafe(`CREATE CONSTRAINT TRIGGER test_fail_outbox AFTER INSERT ON "OutboxJob"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_fail_outbox()`);
  // A removal of a queued job (JobQueue.remove) updates its row: that fails the same way.
  await prisma.$executeRawUnsafe(`CREATE CONSTRAINT TRIGGER test_fail_outbox_removal AFTER UPDATE ON "OutboxJob"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD."cancelledAt" IS NULL AND NEW."cancelledAt" IS NOT NULL)
    EXECUTE FUNCTION test_fail_outbox()`);
  return async () => {
    await prisma.$executeRawUnsafe(`DROP TRIGGER test_fail_outbox ON "OutboxJob"`);
    await prisma.$executeRawUnsafe(`DROP TRIGGER test_fail_outbox_removal ON "OutboxJob"`);
  };
}

export async function recordTransactions(prisma: PrismaService, tables: string[]): Promise<void> {
  await prisma.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS test_written ("table" text, "key" text, "txid" bigint)`);
  await prisma.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_record_written() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO test_written VALUES (TG_TABLE_NAME, COALESCE(to_jsonb(NEW)->>'jobId', to_jsonb(NEW)->>'id'), txid_current());
      RETURN NULL;
    END $$`);
  for (const table of ['OutboxJob', ...tables]) {
    await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_record_written ON "${table}"`);
    await prisma.$executeRawUnsafe(
      `CREATE TRIGGER test_record_written AFTER INSERT OR UPDATE ON "${table}" FOR EACH ROW EXECUTE FUNCTION test_record_written()`,
    );
  }
}

/** Transaction ids that wrote the row (`key` is the row's id, or the job's id for "OutboxJob"). */
export async function writers(prisma: PrismaService, table: string, key: string): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<{ txid: string }[]>(
    `SELECT txid::text AS txid FROM test_written WHERE "table" = $1 AND "key" = $2`,
    table,
    key,
  );
  return rows.map((r) => r.txid);
}

/** Ids of the jobs first written by one of these transactions. */
export async function jobsWrittenBy(prisma: PrismaService, txids: string[]): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<{ key: string }[]>(
    `SELECT DISTINCT "key" FROM test_written WHERE "table" = 'OutboxJob' AND txid::text = ANY($1::text[])`,
    txids,
  );
  return rows.map((r) => r.key).sort();
}
