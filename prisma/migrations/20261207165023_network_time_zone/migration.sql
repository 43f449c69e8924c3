-- A network's own time zone (platform administration, issue 17): the default for its
-- meetings and reminders. Existing networks start in UTC until an admin sets theirs.
ALTER TABLE "Network" ADD COLUMN "timeZone" TEXT NOT NULL DEFAULT 'UTC';
