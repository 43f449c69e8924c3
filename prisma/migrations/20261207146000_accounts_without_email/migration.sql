-- Accounts without e-mail (issue 15): a volunteer may have only a phone number or a username.
ALTER TABLE "User" ALTER COLUMN "email" DROP NOT NULL;

-- "This is a shared phone": such a session ends after 15 minutes idle.
ALTER TABLE "Session" ADD COLUMN "sharedDevice" BOOLEAN NOT NULL DEFAULT false;

-- One-time setup codes handed out by a leader; only the code's SHA-256 is stored.
CREATE TABLE "SetupCode" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SetupCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SetupCode_codeHash_key" ON "SetupCode"("codeHash");

-- CreateIndex
CREATE INDEX "SetupCode_userId_idx" ON "SetupCode"("userId");

-- AddForeignKey
ALTER TABLE "SetupCode" ADD CONSTRAINT "SetupCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SetupCode" ADD CONSTRAINT "SetupCode_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SetupCode" ADD CONSTRAINT "SetupCode_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
