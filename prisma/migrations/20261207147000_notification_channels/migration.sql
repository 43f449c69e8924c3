-- Notification channels (issue 15): per-kind channel choices, messages and their deliveries,
-- provider status callbacks, per-network monthly budgets, SMS codes.

-- CreateEnum
CREATE TYPE "MessageChannel" AS ENUM ('EMAIL', 'SMS', 'WHATSAPP');

-- CreateEnum
CREATE TYPE "MessageKind" AS ENUM ('INVITATION', 'PASSWORD_CODE', 'MEETING', 'CERTIFICATE_EXPIRY', 'COURSE_DUE');

-- CreateEnum
CREATE TYPE "MessageDeliveryStatus" AS ENUM ('QUEUED', 'SENT', 'DELIVERED', 'READ', 'FAILED');

-- CreateTable
CREATE TABLE "MessageChannelPreference" (
    "userId" UUID NOT NULL,
    "kind" "MessageKind" NOT NULL,
    "channels" "MessageChannel"[],
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MessageChannelPreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateTable
CREATE TABLE "OutboundMessage" (
    "id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "userId" UUID,
    "kind" "MessageKind" NOT NULL,
    "networkId" UUID,
    "payload" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboundMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageDelivery" (
    "id" UUID NOT NULL,
    "messageId" UUID NOT NULL,
    "channel" "MessageChannel" NOT NULL,
    "provider" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "providerMessageId" TEXT,
    "status" "MessageDeliveryStatus" NOT NULL,
    "units" INTEGER NOT NULL DEFAULT 0,
    "errorCode" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MessageDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageDeliveryEvent" (
    "id" UUID NOT NULL,
    "deliveryId" UUID NOT NULL,
    "status" "MessageDeliveryStatus" NOT NULL,
    "providerStatus" TEXT NOT NULL,
    "errorCode" TEXT,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageDeliveryEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageBudget" (
    "networkId" UUID NOT NULL,
    "month" CHAR(7) NOT NULL,
    "used" INTEGER NOT NULL DEFAULT 0,
    "nearlyAlertedAt" TIMESTAMPTZ(3),
    "exhaustedAlertedAt" TIMESTAMPTZ(3),

    CONSTRAINT "MessageBudget_pkey" PRIMARY KEY ("networkId","month")
);

-- CreateTable
CREATE TABLE "PhoneCode" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "purpose" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PhoneCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboundMessage_reason_key" ON "OutboundMessage"("reason");

-- CreateIndex
CREATE UNIQUE INDEX "MessageDelivery_messageId_channel_key" ON "MessageDelivery"("messageId", "channel");

-- CreateIndex
CREATE UNIQUE INDEX "MessageDelivery_provider_providerMessageId_key" ON "MessageDelivery"("provider", "providerMessageId");

-- CreateIndex
CREATE INDEX "MessageDeliveryEvent_deliveryId_idx" ON "MessageDeliveryEvent"("deliveryId");

-- CreateIndex
CREATE INDEX "PhoneCode_userId_purpose_createdAt_idx" ON "PhoneCode"("userId", "purpose", "createdAt");

-- AddForeignKey
ALTER TABLE "MessageChannelPreference" ADD CONSTRAINT "MessageChannelPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundMessage" ADD CONSTRAINT "OutboundMessage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundMessage" ADD CONSTRAINT "OutboundMessage_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageDelivery" ADD CONSTRAINT "MessageDelivery_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "OutboundMessage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageDeliveryEvent" ADD CONSTRAINT "MessageDeliveryEvent_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "MessageDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageBudget" ADD CONSTRAINT "MessageBudget_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhoneCode" ADD CONSTRAINT "PhoneCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
