-- CreateTable
CREATE TABLE "LibraryGeneration" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "value" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "LibraryGeneration_pkey" PRIMARY KEY ("id")
);

-- The library list and search answers are cached per reader scope under this counter (see
-- LibraryListCache). Every transaction that writes a table the list reads raises it, inside that
-- transaction: the new value becomes visible in the same commit as the change, so a
-- reader that sees the value never caches a page computed from older rows under it. Triggers,
-- not application code, so that no write path (jobs, cascades, SQL by hand) can forget it.
-- Once per transaction (the first row written raises it; later ones see the mark), and only
-- when a row really changed.
-- Library writers therefore queue on the counter's row from their first write to their commit;
-- they are short and rare next to reads. (Constraint triggers deferred to the commit would
-- shorten that, but the schema engine cannot read a database that has them.)
INSERT INTO "LibraryGeneration" ("id", "value") VALUES (1, 0);

CREATE OR REPLACE FUNCTION tadamon_library_changed() RETURNS trigger
LANGUAGE plpgsql AS $changed$
BEGIN
  IF current_setting('tadamon.library_changed_in', true) IS DISTINCT FROM txid_current()::text THEN
    UPDATE "LibraryGeneration" SET "value" = "value" + 1 WHERE "id" = 1;
    PERFORM set_config('tadamon.library_changed_in', txid_current()::text, true);
  END IF;
  RETURN NULL;
END
$changed$;

CREATE TRIGGER "Material_library_changed" AFTER INSERT OR UPDATE OR DELETE ON "Material"
  FOR EACH ROW EXECUTE FUNCTION tadamon_library_changed();
CREATE TRIGGER "MaterialTranslation_library_changed" AFTER INSERT OR UPDATE OR DELETE ON "MaterialTranslation"
  FOR EACH ROW EXECUTE FUNCTION tadamon_library_changed();
CREATE TRIGGER "MaterialFile_library_changed" AFTER INSERT OR UPDATE OR DELETE ON "MaterialFile"
  FOR EACH ROW EXECUTE FUNCTION tadamon_library_changed();
CREATE TRIGGER "MaterialFileDerivative_library_changed" AFTER INSERT OR UPDATE OR DELETE ON "MaterialFileDerivative"
  FOR EACH ROW EXECUTE FUNCTION tadamon_library_changed();
CREATE TRIGGER "MaterialTopic_library_changed" AFTER INSERT OR UPDATE OR DELETE ON "MaterialTopic"
  FOR EACH ROW EXECUTE FUNCTION tadamon_library_changed();
CREATE TRIGGER "Organisation_library_changed" AFTER INSERT OR UPDATE OR DELETE ON "Organisation"
  FOR EACH ROW EXECUTE FUNCTION tadamon_library_changed();
CREATE TRIGGER "Network_library_changed" AFTER INSERT OR UPDATE OR DELETE ON "Network"
  FOR EACH ROW EXECUTE FUNCTION tadamon_library_changed();
