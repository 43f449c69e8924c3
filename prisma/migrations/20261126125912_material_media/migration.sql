-- CreateEnum
CREATE TYPE "MaterialDerivativeKind" AS ENUM ('THUMBNAIL', 'VIDEO_LOW', 'AUDIO');

-- CreateEnum
CREATE TYPE "MaterialDerivativeStatus" AS ENUM ('PROCESSING', 'READY', 'FAILED', 'UNAVAILABLE');

-- AlterTable
ALTER TABLE "MaterialFile" ADD COLUMN     "durationMs" INTEGER,
ADD COLUMN     "height" INTEGER,
ADD COLUMN     "width" INTEGER;

-- CreateTable
CREATE TABLE "MaterialFileDerivative" (
    "id" UUID NOT NULL,
    "fileId" UUID NOT NULL,
    "kind" "MaterialDerivativeKind" NOT NULL,
    "status" "MaterialDerivativeStatus" NOT NULL DEFAULT 'PROCESSING',
    "failureReason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "storageKey" TEXT,
    "mimeType" TEXT,
    "sizeBytes" BIGINT,
    "width" INTEGER,
    "height" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MaterialFileDerivative_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MaterialFileDerivative_fileId_kind_key" ON "MaterialFileDerivative"("fileId", "kind");

-- AddForeignKey
ALTER TABLE "MaterialFileDerivative" ADD CONSTRAINT "MaterialFileDerivative_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "MaterialFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;
