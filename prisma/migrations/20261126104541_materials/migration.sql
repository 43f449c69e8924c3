-- Search folds case, Latin accents (unaccent) and Arabic short vowels, tatweel and alef/yeh
-- spelling variants, with the 'simple' configuration (no stemming: it works the same for all
-- five languages). unaccent() is only STABLE, so an IMMUTABLE wrapper with an explicit
-- dictionary is used. The vector is kept by a trigger rather than a GENERATED column because
-- Prisma's migration diff reads a generation expression as a column default and would keep
-- proposing to drop it; a trigger is invisible to that diff.
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE OR REPLACE FUNCTION tadamon_fold(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $fold$
  SELECT lower(translate(
    regexp_replace(public.unaccent('public.unaccent'::regdictionary, input), '[\u064B-\u065F\u0670\u0640]', '', 'g'),
    'أإآٱى', 'ااااي'))
$fold$;

CREATE OR REPLACE FUNCTION tadamon_material_search_vector(title text, summary text, tags text[], body text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $vector$
  SELECT setweight(to_tsvector('simple'::regconfig, tadamon_fold(coalesce(title, ''))), 'A')
      || setweight(to_tsvector('simple'::regconfig, tadamon_fold(array_to_string(coalesce(tags, '{}'::text[]), ' '))), 'A')
      || setweight(to_tsvector('simple'::regconfig, tadamon_fold(coalesce(summary, ''))), 'B')
      || setweight(to_tsvector('simple'::regconfig, tadamon_fold(left(coalesce(body, ''), 200000))), 'D')
$vector$;

-- CreateEnum
CREATE TYPE "MaterialKind" AS ENUM ('DOCUMENT', 'IMAGE', 'AUDIO', 'VIDEO', 'LINK');

-- CreateEnum
CREATE TYPE "MaterialStandardTopic" AS ENUM ('LEADERSHIP', 'ORGANISING', 'FUNDRAISING', 'FIRST_AID', 'HYGIENE', 'LEGAL_ADVOCACY');

-- CreateEnum
CREATE TYPE "MaterialAudience" AS ENUM ('LEADERS', 'VOLUNTEERS', 'EVERYONE');

-- CreateEnum
CREATE TYPE "MaterialVisibility" AS ENUM ('ORGANISATION', 'NETWORK', 'PUBLIC');

-- CreateEnum
CREATE TYPE "MaterialFileStatus" AS ENUM ('PROCESSING', 'READY', 'FAILED');

-- CreateTable
CREATE TABLE "MaterialTopic" (
    "id" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MaterialTopic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Material" (
    "id" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "organisationId" UUID,
    "kind" "MaterialKind" NOT NULL,
    "standardTopic" "MaterialStandardTopic",
    "customTopicId" UUID,
    "audience" "MaterialAudience" NOT NULL,
    "visibility" "MaterialVisibility" NOT NULL,
    "partner" TEXT NOT NULL DEFAULT '',
    "licence" TEXT NOT NULL DEFAULT '',
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Material_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaterialTranslation" (
    "id" UUID NOT NULL,
    "materialId" UUID NOT NULL,
    "language" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "externalUrl" TEXT,
    "currentFileId" UUID,
    "extractedText" TEXT NOT NULL DEFAULT '',
    "searchVector" tsvector,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MaterialTranslation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaterialFile" (
    "id" UUID NOT NULL,
    "translationId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "originalName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "status" "MaterialFileStatus" NOT NULL DEFAULT 'PROCESSING',
    "failureReason" TEXT,
    "pageCount" INTEGER,
    "extractedText" TEXT NOT NULL DEFAULT '',
    "uploadedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMPTZ(3),

    CONSTRAINT "MaterialFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MaterialTopic_networkId_name_key" ON "MaterialTopic"("networkId", "name");

-- CreateIndex
CREATE INDEX "Material_networkId_updatedAt_id_idx" ON "Material"("networkId", "updatedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Material_organisationId_idx" ON "Material"("organisationId");

-- CreateIndex
CREATE INDEX "Material_visibility_updatedAt_id_idx" ON "Material"("visibility", "updatedAt" DESC, "id");

-- CreateIndex
CREATE UNIQUE INDEX "MaterialTranslation_currentFileId_key" ON "MaterialTranslation"("currentFileId");

-- CreateIndex
CREATE INDEX "MaterialTranslation_searchVector_idx" ON "MaterialTranslation" USING GIN ("searchVector");

-- CreateIndex
CREATE UNIQUE INDEX "MaterialTranslation_materialId_language_key" ON "MaterialTranslation"("materialId", "language");

-- CreateIndex
CREATE UNIQUE INDEX "MaterialFile_storageKey_key" ON "MaterialFile"("storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "MaterialFile_translationId_version_key" ON "MaterialFile"("translationId", "version");

-- AddForeignKey
ALTER TABLE "MaterialTopic" ADD CONSTRAINT "MaterialTopic_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Material" ADD CONSTRAINT "Material_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Material" ADD CONSTRAINT "Material_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Material" ADD CONSTRAINT "Material_customTopicId_fkey" FOREIGN KEY ("customTopicId") REFERENCES "MaterialTopic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Material" ADD CONSTRAINT "Material_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaterialTranslation" ADD CONSTRAINT "MaterialTranslation_materialId_fkey" FOREIGN KEY ("materialId") REFERENCES "Material"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaterialTranslation" ADD CONSTRAINT "MaterialTranslation_currentFileId_fkey" FOREIGN KEY ("currentFileId") REFERENCES "MaterialFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaterialFile" ADD CONSTRAINT "MaterialFile_translationId_fkey" FOREIGN KEY ("translationId") REFERENCES "MaterialTranslation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaterialFile" ADD CONSTRAINT "MaterialFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Keeps "searchVector" in step with the searched columns on every write.
CREATE OR REPLACE FUNCTION tadamon_material_translation_search() RETURNS trigger
LANGUAGE plpgsql AS $trigger$
BEGIN
  NEW."searchVector" := tadamon_material_search_vector(NEW."title", NEW."summary", NEW."tags", NEW."extractedText");
  RETURN NEW;
END
$trigger$;

CREATE TRIGGER "MaterialTranslation_searchVector"
  BEFORE INSERT OR UPDATE OF "title", "summary", "tags", "extractedText" ON "MaterialTranslation"
  FOR EACH ROW EXECUTE FUNCTION tadamon_material_translation_search();
