-- CreateTable
CREATE TABLE "OutboxJob" (
    "id" BIGSERIAL NOT NULL,
    "jobId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "availableAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispatchedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "OutboxJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboxJob_jobId_key" ON "OutboxJob"("jobId");

-- CreateIndex
CREATE INDEX "OutboxJob_dispatchedAt_availableAt_idx" ON "OutboxJob"("dispatchedAt", "availableAt");

-- Wakes the relays of every process when work commits (NOTIFY is delivered at commit, never
-- for a rolled-back transaction; identical notifications in one transaction are sent once).
CREATE FUNCTION tadamon_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tadamon_outbox', '');
  RETURN NULL;
END $$;

CREATE TRIGGER "OutboxJob_notify" AFTER INSERT OR UPDATE ON "OutboxJob"
  FOR EACH ROW WHEN (NEW."dispatchedAt" IS NULL OR NEW."cancelledAt" IS NOT NULL)
  EXECUTE FUNCTION tadamon_outbox_notify();
