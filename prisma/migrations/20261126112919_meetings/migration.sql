-- CreateEnum
CREATE TYPE "MeetingFormat" AS ENUM ('IN_PERSON', 'ONLINE', 'HYBRID');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('SCHEDULED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "MeetingOrganisationResponse" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED');

-- CreateEnum
CREATE TYPE "MeetingAnswer" AS ENUM ('YES', 'MAYBE', 'NO');

-- CreateEnum
CREATE TYPE "MeetingSeat" AS ENUM ('CONFIRMED', 'WAITING');

-- CreateTable
CREATE TABLE "Meeting" (
    "id" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "hostOrganisationId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "format" "MeetingFormat" NOT NULL,
    "address" TEXT,
    "onlineUrl" TEXT,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "timeZone" TEXT NOT NULL,
    "recurrence" TEXT,
    "excludedStarts" TIMESTAMPTZ(3)[],
    "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "interpretationNeeds" TEXT NOT NULL DEFAULT '',
    "wholeNetwork" BOOLEAN NOT NULL DEFAULT false,
    "capacity" INTEGER,
    "registrationDeadline" TIMESTAMPTZ(3),
    "reminderMinutes" INTEGER[] DEFAULT ARRAY[1440, 60]::INTEGER[],
    "status" "MeetingStatus" NOT NULL DEFAULT 'SCHEDULED',
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingAgendaItem" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "presenter" TEXT NOT NULL DEFAULT '',
    "durationMinutes" INTEGER NOT NULL,

    CONSTRAINT "MeetingAgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingInvitedOrganisation" (
    "meetingId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "response" "MeetingOrganisationResponse" NOT NULL DEFAULT 'PENDING',
    "respondedById" UUID,
    "respondedAt" TIMESTAMPTZ(3),

    CONSTRAINT "MeetingInvitedOrganisation_pkey" PRIMARY KEY ("meetingId","organisationId")
);

-- CreateTable
CREATE TABLE "MeetingRegistration" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "organisationId" UUID,
    "answer" "MeetingAnswer" NOT NULL,
    "seat" "MeetingSeat" NOT NULL DEFAULT 'CONFIRMED',
    "delegate" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MeetingRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarFeedToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CalendarFeedToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Meeting_networkId_startsAt_idx" ON "Meeting"("networkId", "startsAt");

-- CreateIndex
CREATE INDEX "Meeting_hostOrganisationId_idx" ON "Meeting"("hostOrganisationId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingAgendaItem_meetingId_position_key" ON "MeetingAgendaItem"("meetingId", "position");

-- CreateIndex
CREATE INDEX "MeetingInvitedOrganisation_organisationId_idx" ON "MeetingInvitedOrganisation"("organisationId");

-- CreateIndex
CREATE INDEX "MeetingRegistration_userId_idx" ON "MeetingRegistration"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingRegistration_meetingId_userId_key" ON "MeetingRegistration"("meetingId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeedToken_tokenHash_key" ON "CalendarFeedToken"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarFeedToken_userId_idx" ON "CalendarFeedToken"("userId");

-- AddForeignKey
ALTER TABLE "MeetingAgendaItem" ADD CONSTRAINT "MeetingAgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingInvitedOrganisation" ADD CONSTRAINT "MeetingInvitedOrganisation_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingRegistration" ADD CONSTRAINT "MeetingRegistration_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
