-- CreateTable
CREATE TABLE "DiscussionPostAttachment" (
    "postId" UUID NOT NULL,
    "materialId" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "DiscussionPostAttachment_pkey" PRIMARY KEY ("postId","materialId")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "ownerOrganisationId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "goal" TEXT NOT NULL DEFAULT '',
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignMilestone" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "doneAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignOrganisation" (
    "campaignId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "joinedById" UUID,
    "joinedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignOrganisation_pkey" PRIMARY KEY ("campaignId","organisationId")
);

-- CreateTable
CREATE TABLE "CampaignDocument" (
    "campaignId" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "addedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignDocument_pkey" PRIMARY KEY ("campaignId","documentId")
);

-- CreateTable
CREATE TABLE "CampaignMeeting" (
    "campaignId" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "addedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignMeeting_pkey" PRIMARY KEY ("campaignId","meetingId")
);

-- CreateTable
CREATE TABLE "CampaignMaterial" (
    "campaignId" UUID NOT NULL,
    "materialId" UUID NOT NULL,
    "addedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignMaterial_pkey" PRIMARY KEY ("campaignId","materialId")
);

-- CreateIndex
CREATE INDEX "DiscussionPostAttachment_materialId_idx" ON "DiscussionPostAttachment"("materialId");

-- CreateIndex
CREATE INDEX "Campaign_groupId_createdAt_idx" ON "Campaign"("groupId", "createdAt");

-- CreateIndex
CREATE INDEX "CampaignMilestone_campaignId_dueOn_idx" ON "CampaignMilestone"("campaignId", "dueOn");

-- CreateIndex
CREATE INDEX "CampaignOrganisation_organisationId_idx" ON "CampaignOrganisation"("organisationId");

-- CreateIndex
CREATE INDEX "CampaignDocument_documentId_idx" ON "CampaignDocument"("documentId");

-- CreateIndex
CREATE INDEX "CampaignMeeting_meetingId_idx" ON "CampaignMeeting"("meetingId");

-- CreateIndex
CREATE INDEX "CampaignMaterial_materialId_idx" ON "CampaignMaterial"("materialId");

-- AddForeignKey
ALTER TABLE "DiscussionPostAttachment" ADD CONSTRAINT "DiscussionPostAttachment_postId_fkey" FOREIGN KEY ("postId") REFERENCES "DiscussionPost"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DiscussionPostAttachment" ADD CONSTRAINT "DiscussionPostAttachment_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "Material"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "WorkingGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_ownerOrganisationId_fkey" FOREIGN KEY ("ownerOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignMilestone" ADD CONSTRAINT "CampaignMilestone_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignOrganisation" ADD CONSTRAINT "CampaignOrganisation_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignOrganisation" ADD CONSTRAINT "CampaignOrganisation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignDocument" ADD CONSTRAINT "CampaignDocument_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignDocument" ADD CONSTRAINT "CampaignDocument_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "JointDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignMeeting" ADD CONSTRAINT "CampaignMeeting_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignMeeting" ADD CONSTRAINT "CampaignMeeting_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignMaterial" ADD CONSTRAINT "CampaignMaterial_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignMaterial" ADD CONSTRAINT "CampaignMaterial_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "Material"("id") ON DELETE CASCADE ON UPDATE CASCADE;
