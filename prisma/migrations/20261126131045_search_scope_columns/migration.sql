-- AlterTable
ALTER TABLE "Material" ADD COLUMN     "published" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "MaterialTranslation" ADD COLUMN     "scopeAudience" "MaterialAudience",
ADD COLUMN     "scopeCustomTopicId" UUID,
ADD COLUMN     "scopeKind" "MaterialKind",
ADD COLUMN     "scopeNetworkId" UUID,
ADD COLUMN     "scopeOrganisationId" UUID,
ADD COLUMN     "scopePublished" BOOLEAN,
ADD COLUMN     "scopeStandardTopic" "MaterialStandardTopic",
ADD COLUMN     "scopeVisibility" "MaterialVisibility";

-- CreateIndex
CREATE INDEX "Material_updatedAt_id_idx" ON "Material"("updatedAt" DESC, "id" DESC);

-- Search reads one MaterialTranslation row per match: the material's columns that visibility and
-- the filters need are copied onto it ("scope…"), and whether the material is published (some
-- language version has a link or a READY current file) is kept on Material. Triggers keep both
-- right inside the transaction that changes their source, whatever code path writes.

-- Recomputes Material.published; an UPDATE only when it changed, so the copy trigger below
-- fires only then.
CREATE OR REPLACE FUNCTION tadamon_material_refresh_published(material uuid) RETURNS void
LANGUAGE sql AS $refresh$
  UPDATE "Material" m SET "published" = p.value
    FROM (SELECT EXISTS (
            SELECT 1 FROM "MaterialTranslation" t LEFT JOIN "MaterialFile" f ON f."id" = t."currentFileId"
             WHERE t."materialId" = material AND (t."externalUrl" IS NOT NULL OR f."status" = 'READY')) AS value) p
   WHERE m."id" = material AND m."published" IS DISTINCT FROM p.value
$refresh$;

CREATE OR REPLACE FUNCTION tadamon_material_translation_published() RETURNS trigger
LANGUAGE plpgsql AS $trigger$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM tadamon_material_refresh_published(OLD."materialId");
  ELSE
    PERFORM tadamon_material_refresh_published(NEW."materialId");
  END IF;
  RETURN NULL;
END
$trigger$;

CREATE TRIGGER "MaterialTranslation_published"
  AFTER INSERT OR DELETE OR UPDATE OF "currentFileId", "externalUrl" ON "MaterialTranslation"
  FOR EACH ROW EXECUTE FUNCTION tadamon_material_translation_published();

CREATE OR REPLACE FUNCTION tadamon_material_file_published() RETURNS trigger
LANGUAGE plpgsql AS $trigger$
BEGIN
  PERFORM tadamon_material_refresh_published(t."materialId")
     FROM "MaterialTranslation" t WHERE t."currentFileId" = NEW."id";
  RETURN NULL;
END
$trigger$;

CREATE TRIGGER "MaterialFile_published"
  AFTER UPDATE OF "status" ON "MaterialFile"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status")
  EXECUTE FUNCTION tadamon_material_file_published();

-- A new language version takes the material's columns.
CREATE OR REPLACE FUNCTION tadamon_material_translation_scope() RETURNS trigger
LANGUAGE plpgsql AS $trigger$
BEGIN
  SELECT m."networkId", m."organisationId", m."visibility", m."published", m."kind",
         m."standardTopic", m."customTopicId", m."audience"
    INTO NEW."scopeNetworkId", NEW."scopeOrganisationId", NEW."scopeVisibility", NEW."scopePublished",
         NEW."scopeKind", NEW."scopeStandardTopic", NEW."scopeCustomTopicId", NEW."scopeAudience"
    FROM "Material" m WHERE m."id" = NEW."materialId";
  RETURN NEW;
END
$trigger$;

CREATE TRIGGER "MaterialTranslation_scope"
  BEFORE INSERT OR UPDATE OF "materialId" ON "MaterialTranslation"
  FOR EACH ROW EXECUTE FUNCTION tadamon_material_translation_scope();

-- Existing rows, before the trigger below exists, so each language version is written once.
UPDATE "Material" m SET "published" = EXISTS (
  SELECT 1 FROM "MaterialTranslation" t LEFT JOIN "MaterialFile" f ON f."id" = t."currentFileId"
   WHERE t."materialId" = m."id" AND (t."externalUrl" IS NOT NULL OR f."status" = 'READY'));
UPDATE "MaterialTranslation" t
   SET "scopeNetworkId" = m."networkId", "scopeOrganisationId" = m."organisationId",
       "scopeVisibility" = m."visibility", "scopePublished" = m."published", "scopeKind" = m."kind",
       "scopeStandardTopic" = m."standardTopic", "scopeCustomTopicId" = m."customTopicId",
       "scopeAudience" = m."audience"
  FROM "Material" m WHERE m."id" = t."materialId";

-- A change to the material reaches all its language versions.
CREATE OR REPLACE FUNCTION tadamon_material_scope_changed() RETURNS trigger
LANGUAGE plpgsql AS $trigger$
BEGIN
  UPDATE "MaterialTranslation" t
     SET "scopeNetworkId" = NEW."networkId", "scopeOrganisationId" = NEW."organisationId",
         "scopeVisibility" = NEW."visibility", "scopePublished" = NEW."published", "scopeKind" = NEW."kind",
         "scopeStandardTopic" = NEW."standardTopic", "scopeCustomTopicId" = NEW."customTopicId",
         "scopeAudience" = NEW."audience"
   WHERE t."materialId" = NEW."id";
  RETURN NULL;
END
$trigger$;

CREATE TRIGGER "Material_scope"
  AFTER UPDATE OF "networkId", "organisationId", "visibility", "published", "kind", "standardTopic", "customTopicId", "audience"
  ON "Material" FOR EACH ROW
  WHEN ((OLD."networkId", OLD."organisationId", OLD."visibility", OLD."published", OLD."kind",
         OLD."standardTopic", OLD."customTopicId", OLD."audience")
        IS DISTINCT FROM (NEW."networkId", NEW."organisationId", NEW."visibility", NEW."published", NEW."kind",
         NEW."standardTopic", NEW."customTopicId", NEW."audience"))
  EXECUTE FUNCTION tadamon_material_scope_changed();
