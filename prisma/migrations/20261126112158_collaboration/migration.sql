-- CreateEnum
CREATE TYPE "GroupAudience" AS ENUM ('NETWORK', 'ORGANISATIONS');

-- CreateEnum
CREATE TYPE "JointDocumentKind" AS ENUM ('LETTER', 'OP_ED', 'STATEMENT', 'CAMPAIGN_TEXT');

-- CreateEnum
CREATE TYPE "JointDocumentStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'OPEN_FOR_SIGNATURE', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "SignatureStatus" AS ENUM ('INVITED', 'SIGNED', 'DECLINED');

-- CreateEnum
CREATE TYPE "DocumentCommentState" AS ENUM ('OPEN', 'ACCEPTED', 'RESOLVED');

-- CreateEnum
CREATE TYPE "NotificationEmailMode" AS ENUM ('IMMEDIATE', 'DAILY', 'OFF');

-- CreateTable
CREATE TABLE "WorkingGroup" (
    "id" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "audience" "GroupAudience" NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkingGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkingGroupOrganisation" (
    "groupId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,

    CONSTRAINT "WorkingGroupOrganisation_pkey" PRIMARY KEY ("groupId","organisationId")
);

-- CreateTable
CREATE TABLE "WorkingGroupCoordinator" (
    "groupId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "WorkingGroupCoordinator_pkey" PRIMARY KEY ("groupId","userId")
);

-- CreateTable
CREATE TABLE "WorkingGroupFollower" (
    "groupId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "WorkingGroupFollower_pkey" PRIMARY KEY ("groupId","userId")
);

-- CreateTable
CREATE TABLE "DiscussionThread" (
    "id" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "authorId" UUID,
    "lockedAt" TIMESTAMPTZ(3),
    "hiddenAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastPostAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DiscussionThread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DiscussionPost" (
    "id" UUID NOT NULL,
    "threadId" UUID NOT NULL,
    "authorId" UUID,
    "body" TEXT NOT NULL,
    "mentions" UUID[] DEFAULT ARRAY[]::UUID[],
    "hiddenAt" TIMESTAMPTZ(3),
    "editedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DiscussionPost_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DiscussionPostRevision" (
    "id" UUID NOT NULL,
    "postId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DiscussionPostRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DiscussionReport" (
    "id" UUID NOT NULL,
    "postId" UUID NOT NULL,
    "reporterId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),

    CONSTRAINT "DiscussionReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JointDocument" (
    "id" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "ownerOrganisationId" UUID NOT NULL,
    "kind" "JointDocumentKind" NOT NULL,
    "status" "JointDocumentStatus" NOT NULL DEFAULT 'DRAFT',
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "statusChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JointDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JointDocumentVersion" (
    "id" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "language" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JointDocumentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JointDocumentRevision" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "authorId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JointDocumentRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JointDocumentSignatory" (
    "documentId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "status" "SignatureStatus" NOT NULL DEFAULT 'INVITED',
    "decidedById" UUID,
    "decidedByName" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "invitedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JointDocumentSignatory_pkey" PRIMARY KEY ("documentId","organisationId")
);

-- CreateTable
CREATE TABLE "JointDocumentComment" (
    "id" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "language" TEXT NOT NULL,
    "quote" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "authorId" UUID,
    "state" "DocumentCommentState" NOT NULL DEFAULT 'OPEN',
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JointDocumentComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "eventKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "link" TEXT NOT NULL,
    "readAt" TIMESTAMPTZ(3),
    "emailedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" UUID NOT NULL,
    "emailMode" "NotificationEmailMode" NOT NULL DEFAULT 'IMMEDIATE',

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "WorkingGroup_networkId_name_idx" ON "WorkingGroup"("networkId", "name");

-- CreateIndex
CREATE INDEX "WorkingGroupOrganisation_organisationId_idx" ON "WorkingGroupOrganisation"("organisationId");

-- CreateIndex
CREATE INDEX "WorkingGroupFollower_userId_idx" ON "WorkingGroupFollower"("userId");

-- CreateIndex
CREATE INDEX "DiscussionThread_groupId_lastPostAt_idx" ON "DiscussionThread"("groupId", "lastPostAt");

-- CreateIndex
CREATE INDEX "DiscussionPost_threadId_createdAt_idx" ON "DiscussionPost"("threadId", "createdAt");

-- CreateIndex
CREATE INDEX "DiscussionPostRevision_postId_createdAt_idx" ON "DiscussionPostRevision"("postId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DiscussionReport_postId_reporterId_key" ON "DiscussionReport"("postId", "reporterId");

-- CreateIndex
CREATE INDEX "JointDocument_groupId_createdAt_idx" ON "JointDocument"("groupId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "JointDocumentVersion_documentId_language_key" ON "JointDocumentVersion"("documentId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "JointDocumentRevision_versionId_revision_key" ON "JointDocumentRevision"("versionId", "revision");

-- CreateIndex
CREATE INDEX "JointDocumentSignatory_organisationId_idx" ON "JointDocumentSignatory"("organisationId");

-- CreateIndex
CREATE INDEX "JointDocumentComment_documentId_createdAt_idx" ON "JointDocumentComment"("documentId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_eventKey_key" ON "Notification"("userId", "eventKey");

-- AddForeignKey
ALTER TABLE "WorkingGroup" ADD CONSTRAINT "WorkingGroup_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkingGroupOrganisation" ADD CONSTRAINT "WorkingGroupOrganisation_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkingGroupOrganisation" ADD CONSTRAINT "WorkingGroupOrganisation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkingGroupCoordinator" ADD CONSTRAINT "WorkingGroupCoordinator_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkingGroupCoordinator" ADD CONSTRAINT "WorkingGroupCoordinator_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkingGroupFollower" ADD CONSTRAINT "WorkingGroupFollower_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkingGroupFollower" ADD CONSTRAINT "WorkingGroupFollower_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscussionThread" ADD CONSTRAINT "DiscussionThread_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscussionPost" ADD CONSTRAINT "DiscussionPost_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "DiscussionThread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscussionPost" ADD CONSTRAINT "DiscussionPost_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscussionPostRevision" ADD CONSTRAINT "DiscussionPostRevision_postId_fkey" FOREIGN KEY ("postId") REFERENCES "DiscussionPost"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscussionReport" ADD CONSTRAINT "DiscussionReport_postId_fkey" FOREIGN KEY ("postId") REFERENCES "DiscussionPost"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointDocument" ADD CONSTRAINT "JointDocument_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointDocument" ADD CONSTRAINT "JointDocument_ownerOrganisationId_fkey" FOREIGN KEY ("ownerOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointDocumentVersion" ADD CONSTRAINT "JointDocumentVersion_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "JointDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointDocumentRevision" ADD CONSTRAINT "JointDocumentRevision_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "JointDocumentVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointDocumentRevision" ADD CONSTRAINT "JointDocumentRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointDocumentSignatory" ADD CONSTRAINT "JointDocumentSignatory_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "JointDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointDocumentSignatory" ADD CONSTRAINT "JointDocumentSignatory_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointDocumentComment" ADD CONSTRAINT "JointDocumentComment_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "JointDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointDocumentComment" ADD CONSTRAINT "JointDocumentComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
