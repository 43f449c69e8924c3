-- The same search vector, computed about six times faster (issue 18: the bench fill spent 149 s
-- on 50,000 language versions, almost all of it here).
--
-- As a SQL function this body could not be inlined into its callers: it is declared IMMUTABLE
-- and calls array_to_string, which PostgreSQL marks STABLE. So each call ran through the SQL
-- function executor, which starts a fresh executor per call, and in PostgreSQL before 18 that
-- parses and plans the nested tadamon_arabic_forms again for each of the four texts of every
-- row. In PL/pgSQL the expression is planned once per session and its function calls keep their
-- cached plans for the whole transaction. Measured on 5,000 bench language versions (PostgreSQL
-- 15): 16.4 s as SQL, 2.5 s as PL/pgSQL, with an identical tsvector on every row, so rows
-- already written need no update.
CREATE OR REPLACE FUNCTION tadamon_material_search_vector(title text, summary text, tags text[], body text)
RETURNS tsvector LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $vector$
BEGIN
  RETURN setweight(to_tsvector('simple'::regconfig, tadamon_search_text(coalesce(title, ''))), 'A')
      || setweight(to_tsvector('simple'::regconfig, tadamon_search_text(array_to_string(coalesce(tags, '{}'::text[]), ' '))), 'A')
      || setweight(to_tsvector('simple'::regconfig, tadamon_search_text(coalesce(summary, ''))), 'B')
      || setweight(to_tsvector('simple'::regconfig, tadamon_search_text(left(coalesce(body, ''), 200000))), 'D');
END
$vector$;
