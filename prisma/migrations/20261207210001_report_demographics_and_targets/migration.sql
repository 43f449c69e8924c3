-- Network reports (issue 19): self-declared gender and age band, given with explicit consent,
-- and the targets a coordinator sets for their network.

CREATE TYPE "DemographicGender" AS ENUM ('WOMAN', 'MAN', 'ANOTHER', 'PREFER_NOT_TO_SAY');

-- Bands split at 35: the networks report "youth" as under 35.
CREATE TYPE "DemographicAgeBand" AS ENUM ('UNDER_25', 'AGE_25_34', 'AGE_35_44', 'AGE_45_54', 'AGE_55_PLUS', 'PREFER_NOT_TO_SAY');

CREATE TYPE "ReportMetric" AS ENUM ('CERTIFIED_VOLUNTEERS', 'PEOPLE_TRAINED', 'COURSES_COMPLETED', 'CERTIFICATES_ISSUED', 'ORGANISATIONS_ACCREDITED', 'MEETINGS_HELD', 'SHARE_WOMEN', 'SHARE_UNDER_35');

-- One row per person who answered; withdrawing consent deletes the row.
CREATE TABLE "PersonDemographics" (
    "userId" UUID NOT NULL,
    "gender" "DemographicGender" NOT NULL,
    "ageBand" "DemographicAgeBand" NOT NULL,
    "consentedAt" TIMESTAMPTZ(3) NOT NULL,
    "consentVersion" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PersonDemographics_pkey" PRIMARY KEY ("userId")
);

-- Percentages stay within 0–100 and the period ends after it starts: checked by the API (zod).
-- No CHECK constraint: the offline schema-engine stand-in crashes diffing one.
CREATE TABLE "ReportTarget" (
    "id" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "country" CHAR(2),
    "metric" "ReportMetric" NOT NULL,
    "targetValue" INTEGER NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReportTarget_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ReportTarget_networkId_periodEnd_idx" ON "ReportTarget"("networkId", "periodEnd");

ALTER TABLE "PersonDemographics" ADD CONSTRAINT "PersonDemographics_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ReportTarget" ADD CONSTRAINT "ReportTarget_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ReportTarget" ADD CONSTRAINT "ReportTarget_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
