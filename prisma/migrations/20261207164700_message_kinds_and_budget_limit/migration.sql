-- Issue 15: accreditation, collaboration and course-completed messages go through each
-- person's channels (their own kinds in the profile), and coordinators may set their network's
-- monthly message budget instead of the platform default.

-- AlterEnum
ALTER TYPE "MessageKind" ADD VALUE 'ACCREDITATION';
ALTER TYPE "MessageKind" ADD VALUE 'COLLABORATION';
ALTER TYPE "MessageKind" ADD VALUE 'COURSE_COMPLETED';

-- CreateTable
CREATE TABLE "MessageBudgetLimit" (
    "networkId" UUID NOT NULL,
    "monthlyLimit" INTEGER NOT NULL,
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MessageBudgetLimit_pkey" PRIMARY KEY ("networkId")
);

-- AddForeignKey
ALTER TABLE "MessageBudgetLimit" ADD CONSTRAINT "MessageBudgetLimit_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageBudgetLimit" ADD CONSTRAINT "MessageBudgetLimit_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
