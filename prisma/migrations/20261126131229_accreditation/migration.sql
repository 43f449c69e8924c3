-- CreateEnum
CREATE TYPE "AccreditationFrameworkStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "AccreditationAssessmentStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED');

-- CreateEnum
CREATE TYPE "AccreditationRating" AS ENUM ('MET', 'PARTLY_MET', 'NOT_MET');

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "accreditedUntil" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "AccreditationFramework" (
    "id" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "status" "AccreditationFrameworkStatus" NOT NULL DEFAULT 'DRAFT',
    "titles" JSONB NOT NULL,
    "descriptions" JSONB NOT NULL DEFAULT '{}',
    "validityMonths" INTEGER NOT NULL DEFAULT 36,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "publishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AccreditationFramework_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccreditationSection" (
    "id" UUID NOT NULL,
    "frameworkId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "titles" JSONB NOT NULL,

    CONSTRAINT "AccreditationSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccreditationCriterion" (
    "id" UUID NOT NULL,
    "sectionId" UUID NOT NULL,
    "frameworkId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "titles" JSONB NOT NULL,
    "guidance" JSONB NOT NULL DEFAULT '{}',
    "evidenceDescriptions" JSONB NOT NULL DEFAULT '{}',
    "evidenceRequired" BOOLEAN NOT NULL DEFAULT false,
    "requiredCertificateTypeId" UUID,

    CONSTRAINT "AccreditationCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccreditationAssessment" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "frameworkId" UUID NOT NULL,
    "status" "AccreditationAssessmentStatus" NOT NULL DEFAULT 'DRAFT',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "submittedAt" TIMESTAMPTZ(3),
    "decidedAt" TIMESTAMPTZ(3),
    "validUntil" TIMESTAMPTZ(3),
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AccreditationAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccreditationAnswer" (
    "assessmentId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "statement" TEXT NOT NULL DEFAULT '',
    "evidenceMaterialIds" UUID[],
    "rating" "AccreditationRating",
    "reviewComment" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AccreditationAnswer_pkey" PRIMARY KEY ("assessmentId","criterionId")
);

-- CreateTable
CREATE TABLE "AccreditationEvent" (
    "id" UUID NOT NULL,
    "assessmentId" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "actorId" UUID,
    "comment" TEXT NOT NULL DEFAULT '',
    "snapshot" JSONB NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccreditationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccreditationFramework_networkId_status_idx" ON "AccreditationFramework"("networkId", "status");

-- CreateIndex
CREATE INDEX "AccreditationSection_frameworkId_position_idx" ON "AccreditationSection"("frameworkId", "position");

-- CreateIndex
CREATE INDEX "AccreditationCriterion_sectionId_position_idx" ON "AccreditationCriterion"("sectionId", "position");

-- CreateIndex
CREATE INDEX "AccreditationAssessment_organisationId_createdAt_idx" ON "AccreditationAssessment"("organisationId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AccreditationAssessment_frameworkId_status_idx" ON "AccreditationAssessment"("frameworkId", "status");

-- CreateIndex
CREATE INDEX "AccreditationEvent_assessmentId_at_idx" ON "AccreditationEvent"("assessmentId", "at");

-- AddForeignKey
ALTER TABLE "AccreditationFramework" ADD CONSTRAINT "AccreditationFramework_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccreditationFramework" ADD CONSTRAINT "AccreditationFramework_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccreditationSection" ADD CONSTRAINT "AccreditationSection_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "AccreditationFramework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccreditationCriterion" ADD CONSTRAINT "AccreditationCriterion_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "AccreditationSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccreditationCriterion" ADD CONSTRAINT "AccreditationCriterion_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "AccreditationFramework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccreditationCriterion" ADD CONSTRAINT "AccreditationCriterion_requiredCertificateTypeId_fkey" FOREIGN KEY ("requiredCertificateTypeId") REFERENCES "CertificateType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccreditationAssessment" ADD CONSTRAINT "AccreditationAssessment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccreditationAssessment" ADD CONSTRAINT "AccreditationAssessment_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "AccreditationFramework"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccreditationAssessment" ADD CONSTRAINT "AccreditationAssessment_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccreditationAnswer" ADD CONSTRAINT "AccreditationAnswer_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "AccreditationAssessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccreditationAnswer" ADD CONSTRAINT "AccreditationAnswer_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "AccreditationCriterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccreditationEvent" ADD CONSTRAINT "AccreditationEvent_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "AccreditationAssessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccreditationEvent" ADD CONSTRAINT "AccreditationEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
