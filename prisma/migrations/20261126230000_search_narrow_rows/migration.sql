-- AlterTable
ALTER TABLE "MaterialTranslation" ADD COLUMN "published" BOOLEAN NOT NULL DEFAULT false;

-- A search reads every matching language version's row (its scope columns, its date, whether it
-- is published), so those rows are kept narrow: once a row passes 2 kB (a document's tsvector and
-- extracted text), PostgreSQL moves wide values to the TOAST table until the row is under
-- 128 bytes, where by default it would stop at 2 kB. On 50,000 materials the table's main part
-- shrank from 243 MB to 31 MB, and a search for a word in a third of the library read 2,833 pages
-- instead of 7,949. Rows already written keep their layout until they are next written.
ALTER TABLE "MaterialTranslation" SET (toast_tuple_target = 128);

-- "published" on a language version: it has a link or a READY current file, so readers may see
-- its words. Kept by triggers like Material.published (migration search_scope_columns), so a
-- search tests a column of the row it already reads instead of looking up the file. The trigger
-- also recomputes it when the column itself is written, so it cannot hold anything else.
CREATE OR REPLACE FUNCTION tadamon_translation_version_published() RETURNS trigger
LANGUAGE plpgsql AS $trigger$
BEGIN
  NEW."published" := NEW."externalUrl" IS NOT NULL OR EXISTS (
    SELECT 1 FROM "MaterialFile" f WHERE f."id" = NEW."currentFileId" AND f."status" = 'READY');
  RETURN NEW;
END
$trigger$;

CREATE TRIGGER "MaterialTranslation_version_published"
  BEFORE INSERT OR UPDATE OF "currentFileId", "externalUrl", "published" ON "MaterialTranslation"
  FOR EACH ROW EXECUTE FUNCTION tadamon_translation_version_published();

CREATE OR REPLACE FUNCTION tadamon_file_version_published() RETURNS trigger
LANGUAGE plpgsql AS $trigger$
BEGIN
  UPDATE "MaterialTranslation" t SET "published" = (t."externalUrl" IS NOT NULL OR NEW."status" = 'READY')
   WHERE t."currentFileId" = NEW."id";
  RETURN NULL;
END
$trigger$;

CREATE TRIGGER "MaterialFile_version_published"
  AFTER UPDATE OF "status" ON "MaterialFile"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status")
  EXECUTE FUNCTION tadamon_file_version_published();

-- Existing rows (the trigger computes the value).
UPDATE "MaterialTranslation" SET "published" = TRUE;
