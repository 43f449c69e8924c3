-- An organisation's own time zone (issue 20): meeting invitations show the chosen time in each
-- invited organisation's zone. Null means "the network's zone", so existing rows need no value.
ALTER TABLE "Organisation" ADD COLUMN "timeZone" TEXT;
