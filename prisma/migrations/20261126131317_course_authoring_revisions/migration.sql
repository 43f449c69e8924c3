-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "LearningPath" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1;
