-- CreateEnum
CREATE TYPE "MeetingPollChoice" AS ENUM ('YES', 'IF_NEED_BE', 'NO');

-- CreateEnum
CREATE TYPE "MeetingAttendanceStatus" AS ENUM ('PRESENT', 'ABSENT', 'EXCUSED');

-- CreateEnum
CREATE TYPE "MeetingActionStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE');

-- AlterEnum
ALTER TYPE "MeetingStatus" ADD VALUE 'PLANNING';

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "pollChosenSlotId" UUID,
ADD COLUMN     "pollClosedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "MeetingPollSlot" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MeetingPollSlot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingPollAnswer" (
    "slotId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "choice" "MeetingPollChoice" NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MeetingPollAnswer_pkey" PRIMARY KEY ("slotId","userId")
);

-- CreateTable
CREATE TABLE "MeetingOccurrenceMove" (
    "meetingId" UUID NOT NULL,
    "originalStart" TIMESTAMPTZ(3) NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MeetingOccurrenceMove_pkey" PRIMARY KEY ("meetingId","originalStart")
);

-- CreateTable
CREATE TABLE "MeetingMinutes" (
    "meetingId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "publishedAt" TIMESTAMPTZ(3),
    "updatedById" UUID NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MeetingMinutes_pkey" PRIMARY KEY ("meetingId")
);

-- CreateTable
CREATE TABLE "MeetingAttendance" (
    "meetingId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "status" "MeetingAttendanceStatus" NOT NULL,
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingAttendance_pkey" PRIMARY KEY ("meetingId","userId")
);

-- CreateTable
CREATE TABLE "MeetingActionItem" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "assigneeOrganisationId" UUID NOT NULL,
    "dueDate" DATE,
    "status" "MeetingActionStatus" NOT NULL DEFAULT 'OPEN',
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MeetingActionItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MeetingPollSlot_meetingId_position_key" ON "MeetingPollSlot"("meetingId", "position");

-- CreateIndex
CREATE INDEX "MeetingPollAnswer_userId_idx" ON "MeetingPollAnswer"("userId");

-- CreateIndex
CREATE INDEX "MeetingActionItem_meetingId_idx" ON "MeetingActionItem"("meetingId");

-- CreateIndex
CREATE INDEX "MeetingActionItem_assigneeOrganisationId_status_dueDate_idx" ON "MeetingActionItem"("assigneeOrganisationId", "status", "dueDate");

-- AddForeignKey
ALTER TABLE "MeetingPollSlot" ADD CONSTRAINT "MeetingPollSlot_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingPollAnswer" ADD CONSTRAINT "MeetingPollAnswer_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "MeetingPollSlot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingOccurrenceMove" ADD CONSTRAINT "MeetingOccurrenceMove_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingMinutes" ADD CONSTRAINT "MeetingMinutes_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingActionItem" ADD CONSTRAINT "MeetingActionItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
