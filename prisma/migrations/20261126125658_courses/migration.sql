-- CreateEnum
CREATE TYPE "CourseStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "CourseEnrolmentPolicy" AS ENUM ('NETWORK', 'ORGANISATION', 'ASSIGNED');

-- CreateEnum
CREATE TYPE "CourseVersionState" AS ENUM ('DRAFT', 'PUBLISHED', 'RETIRED');

-- CreateEnum
CREATE TYPE "QuizQuestionType" AS ENUM ('SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TRUE_FALSE', 'ORDERING', 'SHORT_TEXT');

-- CreateEnum
CREATE TYPE "EnrolmentSource" AS ENUM ('SELF', 'ASSIGNED', 'COHORT');

-- CreateEnum
CREATE TYPE "EnrolmentStatus" AS ENUM ('ACTIVE', 'COMPLETED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "LessonProgressStatus" AS ENUM ('STARTED', 'COMPLETED');

-- CreateEnum
CREATE TYPE "PracticalResult" AS ENUM ('PASSED', 'NOT_YET');

-- CreateTable
CREATE TABLE "Course" (
    "id" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "organisationId" UUID,
    "standardTopic" "MaterialStandardTopic",
    "customTopicId" UUID,
    "audience" "MaterialAudience" NOT NULL,
    "enrolmentPolicy" "CourseEnrolmentPolicy" NOT NULL DEFAULT 'NETWORK',
    "status" "CourseStatus" NOT NULL DEFAULT 'DRAFT',
    "titles" JSONB NOT NULL DEFAULT '{}',
    "summaries" JSONB NOT NULL DEFAULT '{}',
    "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "estimatedMinutes" INTEGER NOT NULL DEFAULT 0,
    "publishedVersionId" UUID,
    "searchVector" tsvector,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Course_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseVersion" (
    "id" UUID NOT NULL,
    "courseId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "state" "CourseVersionState" NOT NULL DEFAULT 'DRAFT',
    "titles" JSONB NOT NULL DEFAULT '{}',
    "summaries" JSONB NOT NULL DEFAULT '{}',
    "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "estimatedMinutes" INTEGER NOT NULL DEFAULT 0,
    "requireAllLessons" BOOLEAN NOT NULL DEFAULT true,
    "requireQuizzesPassed" BOOLEAN NOT NULL DEFAULT true,
    "requirePracticalSignOff" BOOLEAN NOT NULL DEFAULT true,
    "publishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CourseVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseModule" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "titles" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "CourseModule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseLesson" (
    "id" UUID NOT NULL,
    "moduleId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "titles" JSONB NOT NULL DEFAULT '{}',
    "bodies" JSONB NOT NULL DEFAULT '{}',
    "materialId" UUID,
    "estimatedMinutes" INTEGER NOT NULL DEFAULT 5,
    "hasQuiz" BOOLEAN NOT NULL DEFAULT false,
    "quizPool" TEXT NOT NULL DEFAULT '',
    "quizQuestionCount" INTEGER,
    "quizPassPercent" INTEGER NOT NULL DEFAULT 70,
    "quizAttemptLimit" INTEGER,
    "quizRetryWaitMinutes" INTEGER NOT NULL DEFAULT 0,
    "requiresPractical" BOOLEAN NOT NULL DEFAULT false,
    "practicalInstructions" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "CourseLesson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuizQuestion" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "pool" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,
    "type" "QuizQuestionType" NOT NULL,
    "prompts" JSONB NOT NULL DEFAULT '{}',
    "options" JSONB NOT NULL DEFAULT '[]',
    "acceptedAnswers" JSONB NOT NULL DEFAULT '{}',
    "explanations" JSONB NOT NULL DEFAULT '{}',
    "points" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "QuizQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoursePrerequisite" (
    "courseId" UUID NOT NULL,
    "requiredCourseId" UUID NOT NULL,

    CONSTRAINT "CoursePrerequisite_pkey" PRIMARY KEY ("courseId","requiredCourseId")
);

-- CreateTable
CREATE TABLE "LearningPath" (
    "id" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "organisationId" UUID,
    "status" "CourseStatus" NOT NULL DEFAULT 'DRAFT',
    "titles" JSONB NOT NULL DEFAULT '{}',
    "summaries" JSONB NOT NULL DEFAULT '{}',
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LearningPath_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LearningPathCourse" (
    "pathId" UUID NOT NULL,
    "courseId" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "LearningPathCourse_pkey" PRIMARY KEY ("pathId","courseId")
);

-- CreateTable
CREATE TABLE "CourseCohort" (
    "id" UUID NOT NULL,
    "courseId" UUID NOT NULL,
    "organisationId" UUID,
    "name" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CourseCohort_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CourseEnrolment" (
    "id" UUID NOT NULL,
    "courseId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "source" "EnrolmentSource" NOT NULL,
    "status" "EnrolmentStatus" NOT NULL DEFAULT 'ACTIVE',
    "cohortId" UUID,
    "assignedById" UUID,
    "dueAt" TIMESTAMPTZ(3),
    "enrolledAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),
    "lastLessonId" UUID,
    "completedLessons" INTEGER NOT NULL DEFAULT 0,
    "totalLessons" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CourseEnrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LessonProgress" (
    "enrolmentId" UUID NOT NULL,
    "lessonId" UUID NOT NULL,
    "status" "LessonProgressStatus" NOT NULL DEFAULT 'STARTED',
    "positionSeconds" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LessonProgress_pkey" PRIMARY KEY ("enrolmentId","lessonId")
);

-- CreateTable
CREATE TABLE "QuizAttempt" (
    "id" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "lessonId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "questionIds" UUID[],
    "optionOrders" JSONB NOT NULL DEFAULT '{}',
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" TIMESTAMPTZ(3),
    "answers" JSONB,
    "scorePercent" INTEGER,
    "passed" BOOLEAN,

    CONSTRAINT "QuizAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PracticalSignOff" (
    "id" UUID NOT NULL,
    "enrolmentId" UUID NOT NULL,
    "lessonId" UUID NOT NULL,
    "result" "PracticalResult" NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "assessorId" UUID,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PracticalSignOff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificateTypeRule" (
    "certificateTypeId" UUID NOT NULL,
    "courseIds" UUID[],
    "learningPathId" UUID,
    "renewalCourseId" UUID,

    CONSTRAINT "CertificateTypeRule_pkey" PRIMARY KEY ("certificateTypeId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Course_publishedVersionId_key" ON "Course"("publishedVersionId");

-- CreateIndex
CREATE INDEX "Course_networkId_status_updatedAt_id_idx" ON "Course"("networkId", "status", "updatedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Course_organisationId_idx" ON "Course"("organisationId");

-- CreateIndex
CREATE INDEX "Course_searchVector_idx" ON "Course" USING GIN ("searchVector");

-- CreateIndex
CREATE UNIQUE INDEX "CourseVersion_courseId_number_key" ON "CourseVersion"("courseId", "number");

-- CreateIndex
CREATE INDEX "CourseModule_versionId_position_idx" ON "CourseModule"("versionId", "position");

-- CreateIndex
CREATE INDEX "CourseLesson_versionId_position_idx" ON "CourseLesson"("versionId", "position");

-- CreateIndex
CREATE INDEX "CourseLesson_moduleId_position_idx" ON "CourseLesson"("moduleId", "position");

-- CreateIndex
CREATE INDEX "CourseLesson_materialId_idx" ON "CourseLesson"("materialId");

-- CreateIndex
CREATE INDEX "QuizQuestion_versionId_pool_position_idx" ON "QuizQuestion"("versionId", "pool", "position");

-- CreateIndex
CREATE INDEX "CoursePrerequisite_requiredCourseId_idx" ON "CoursePrerequisite"("requiredCourseId");

-- CreateIndex
CREATE INDEX "LearningPath_networkId_status_idx" ON "LearningPath"("networkId", "status");

-- CreateIndex
CREATE INDEX "LearningPathCourse_courseId_idx" ON "LearningPathCourse"("courseId");

-- CreateIndex
CREATE INDEX "CourseCohort_courseId_idx" ON "CourseCohort"("courseId");

-- CreateIndex
CREATE INDEX "CourseEnrolment_userId_status_updatedAt_idx" ON "CourseEnrolment"("userId", "status", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "CourseEnrolment_organisationId_courseId_idx" ON "CourseEnrolment"("organisationId", "courseId");

-- CreateIndex
CREATE INDEX "CourseEnrolment_courseId_completedAt_idx" ON "CourseEnrolment"("courseId", "completedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CourseEnrolment_courseId_userId_key" ON "CourseEnrolment"("courseId", "userId");

-- CreateIndex
CREATE INDEX "LessonProgress_lessonId_idx" ON "LessonProgress"("lessonId");

-- CreateIndex
CREATE UNIQUE INDEX "QuizAttempt_enrolmentId_lessonId_number_key" ON "QuizAttempt"("enrolmentId", "lessonId", "number");

-- CreateIndex
CREATE INDEX "PracticalSignOff_enrolmentId_lessonId_recordedAt_idx" ON "PracticalSignOff"("enrolmentId", "lessonId", "recordedAt" DESC);

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_customTopicId_fkey" FOREIGN KEY ("customTopicId") REFERENCES "MaterialTopic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_publishedVersionId_fkey" FOREIGN KEY ("publishedVersionId") REFERENCES "CourseVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Course" ADD CONSTRAINT "Course_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseVersion" ADD CONSTRAINT "CourseVersion_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseModule" ADD CONSTRAINT "CourseModule_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "CourseVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseLesson" ADD CONSTRAINT "CourseLesson_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "CourseModule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseLesson" ADD CONSTRAINT "CourseLesson_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "CourseVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseLesson" ADD CONSTRAINT "CourseLesson_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "Material"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizQuestion" ADD CONSTRAINT "QuizQuestion_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "CourseVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoursePrerequisite" ADD CONSTRAINT "CoursePrerequisite_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoursePrerequisite" ADD CONSTRAINT "CoursePrerequisite_requiredCourseId_fkey" FOREIGN KEY ("requiredCourseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningPath" ADD CONSTRAINT "LearningPath_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningPath" ADD CONSTRAINT "LearningPath_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningPath" ADD CONSTRAINT "LearningPath_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningPathCourse" ADD CONSTRAINT "LearningPathCourse_pathId_fkey" FOREIGN KEY ("pathId") REFERENCES "LearningPath"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningPathCourse" ADD CONSTRAINT "LearningPathCourse_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseCohort" ADD CONSTRAINT "CourseCohort_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseCohort" ADD CONSTRAINT "CourseCohort_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseCohort" ADD CONSTRAINT "CourseCohort_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseEnrolment" ADD CONSTRAINT "CourseEnrolment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseEnrolment" ADD CONSTRAINT "CourseEnrolment_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "CourseVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseEnrolment" ADD CONSTRAINT "CourseEnrolment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseEnrolment" ADD CONSTRAINT "CourseEnrolment_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseEnrolment" ADD CONSTRAINT "CourseEnrolment_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "CourseCohort"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CourseEnrolment" ADD CONSTRAINT "CourseEnrolment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonProgress" ADD CONSTRAINT "LessonProgress_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "CourseEnrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonProgress" ADD CONSTRAINT "LessonProgress_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "CourseLesson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizAttempt" ADD CONSTRAINT "QuizAttempt_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "CourseEnrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuizAttempt" ADD CONSTRAINT "QuizAttempt_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "CourseLesson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticalSignOff" ADD CONSTRAINT "PracticalSignOff_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "CourseEnrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticalSignOff" ADD CONSTRAINT "PracticalSignOff_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "CourseLesson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticalSignOff" ADD CONSTRAINT "PracticalSignOff_assessorId_fkey" FOREIGN KEY ("assessorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CertificateTypeRule" ADD CONSTRAINT "CertificateTypeRule_certificateTypeId_fkey" FOREIGN KEY ("certificateTypeId") REFERENCES "CertificateType"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Catalogue search over a course's titles (weight A) and summaries (weight B) in every
-- language, folded like the library (tadamon_fold, see the materials migration). Kept by a
-- trigger for the reason given there.
CREATE OR REPLACE FUNCTION tadamon_json_texts(texts jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $texts$
  SELECT coalesce(string_agg(value, ' '), '') FROM jsonb_each_text(coalesce(texts, '{}'::jsonb))
$texts$;

CREATE OR REPLACE FUNCTION tadamon_course_search() RETURNS trigger
LANGUAGE plpgsql AS $trigger$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('simple'::regconfig, tadamon_fold(tadamon_json_texts(NEW."titles"))), 'A')
    || setweight(to_tsvector('simple'::regconfig, tadamon_fold(tadamon_json_texts(NEW."summaries"))), 'B');
  RETURN NEW;
END
$trigger$;

CREATE TRIGGER "Course_searchVector"
  BEFORE INSERT OR UPDATE OF "titles", "summaries" ON "Course"
  FOR EACH ROW EXECUTE FUNCTION tadamon_course_search();
