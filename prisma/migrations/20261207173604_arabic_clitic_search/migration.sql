-- Arabic search finds a word whatever prefixes are written onto it (issue 20): "صابون" finds
-- "وصابون", "بالصابون", "والصابون". Arabic writes the conjunctions و/ف, the prepositions ب/ك/ل
-- and the article ال (ل + ال = لل) as part of the word; the 'simple' configuration indexes
-- "وصابون" as one lexeme, so the stem never matched. PostgreSQL's 'arabic' snowball
-- configuration is no help here (it leaves "والمنظمات" as "والمنظما"), so each Arabic word
-- is indexed with its prefix-stripped forms beside it. Plain SQL, no extension beyond the
-- unaccent tadamon_fold already uses: it runs the same in the embedded PostgreSQL.
-- The query side (apps/api/src/common/text/arabic-clitics.ts) adds the stripped forms of what
-- the person typed, so "والصابون" finds "صابون" too. Accent and vowel folding is unchanged.

CREATE OR REPLACE FUNCTION tadamon_arabic_forms(folded text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $forms$
  SELECT coalesce(string_agg(form, ' '), '')
    FROM regexp_split_to_table(folded, '[^\u0621-\u064A]+') AS word
    CROSS JOIN LATERAL (VALUES
      -- conjunction: وصابون → صابون
      (substring(word FROM '^[وف]([\u0621-\u064A]{3,})$')),
      -- article, after an optional conjunction and preposition: وبالصابون → صابون
      (substring(word FROM '^[وف]?[بكل]?ال([\u0621-\u064A]{2,})$')),
      -- ل + ال written لل: للمتطوعين → متطوعين
      (substring(word FROM '^[وف]?لل([\u0621-\u064A]{2,})$')),
      -- preposition, keeping what follows: بالصابون → الصابون, لمنظمة → منظمة
      (substring(word FROM '^[وف]?[بكل]([\u0621-\u064A]{3,})$'))
    ) AS f(form)
   WHERE form IS NOT NULL
$forms$;

-- What search vectors index: the folded text, then the prefix-stripped forms of its Arabic words.
CREATE OR REPLACE FUNCTION tadamon_search_text(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $text$
  SELECT tadamon_fold(input) || ' ' || tadamon_arabic_forms(tadamon_fold(input))
$text$;

CREATE OR REPLACE FUNCTION tadamon_material_search_vector(title text, summary text, tags text[], body text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $vector$
  SELECT setweight(to_tsvector('simple'::regconfig, tadamon_search_text(coalesce(title, ''))), 'A')
      || setweight(to_tsvector('simple'::regconfig, tadamon_search_text(array_to_string(coalesce(tags, '{}'::text[]), ' '))), 'A')
      || setweight(to_tsvector('simple'::regconfig, tadamon_search_text(coalesce(summary, ''))), 'B')
      || setweight(to_tsvector('simple'::regconfig, tadamon_search_text(left(coalesce(body, ''), 200000))), 'D')
$vector$;

CREATE OR REPLACE FUNCTION tadamon_course_search() RETURNS trigger
LANGUAGE plpgsql AS $trigger$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('simple'::regconfig, tadamon_search_text(tadamon_json_texts(NEW."titles"))), 'A')
    || setweight(to_tsvector('simple'::regconfig, tadamon_search_text(tadamon_json_texts(NEW."summaries"))), 'B');
  RETURN NEW;
END
$trigger$;

-- Existing rows get the new vectors.
UPDATE "MaterialTranslation"
   SET "searchVector" = tadamon_material_search_vector("title", "summary", "tags", "extractedText");
UPDATE "Course" SET "titles" = "titles";
