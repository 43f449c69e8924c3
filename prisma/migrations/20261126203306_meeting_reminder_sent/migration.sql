-- CreateTable
CREATE TABLE "MeetingReminderSent" (
    "meetingId" UUID NOT NULL,
    "occurrenceStart" TIMESTAMPTZ(3) NOT NULL,
    "minutesBefore" INTEGER NOT NULL,
    "userId" UUID NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingReminderSent_pkey" PRIMARY KEY ("meetingId","occurrenceStart","minutesBefore","userId")
);

-- AddForeignKey
ALTER TABLE "MeetingReminderSent" ADD CONSTRAINT "MeetingReminderSent_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
