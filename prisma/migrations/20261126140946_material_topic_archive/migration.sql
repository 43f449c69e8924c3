-- AlterTable
ALTER TABLE "MaterialTopic" ADD COLUMN     "archivedAt" TIMESTAMPTZ(3);
