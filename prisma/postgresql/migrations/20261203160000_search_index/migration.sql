-- PostgreSQL twin of prisma/migrations/20261203160000_search_index (the same step, written for PostgreSQL).
-- The ranked text index (docs/decisions/0013-search-index.md): a tsvector per idea (its title, weight
-- A, and its folded search text, weight B; words without diacritics through unaccent) and per
-- experiment, with GIN indexes. Search boxes find the query's word stems as word prefixes, ranked
-- by ts_rank; similar ideas rank any of a text's stems by BM25. A trigger keeps each tsvector
-- current in the change's own transaction. unaccent is a trusted extension: the database's owner
-- may create it. The trigram indexes of 20261202180000_security served the substring scan this
-- index replaces: dropped.
DROP INDEX "Idea_searchText_trgm_idx";
DROP INDEX "Experiment_searchText_trgm_idx";
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE FUNCTION "idea_search_vector"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := setweight(to_tsvector('simple', lower(unaccent(NEW."title"))), 'A') || setweight(to_tsvector('simple', NEW."searchText"), 'B');
  RETURN NEW;
END
$$;

CREATE FUNCTION "experiment_search_vector"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := to_tsvector('simple', NEW."searchText");
  RETURN NEW;
END
$$;

ALTER TABLE "Idea" ADD COLUMN "searchVector" tsvector;
ALTER TABLE "Experiment" ADD COLUMN "searchVector" tsvector;
CREATE TRIGGER "Idea_search" BEFORE INSERT OR UPDATE OF "title", "searchText" ON "Idea" FOR EACH ROW EXECUTE FUNCTION "idea_search_vector"();
CREATE TRIGGER "Experiment_search" BEFORE INSERT OR UPDATE OF "searchText" ON "Experiment" FOR EACH ROW EXECUTE FUNCTION "experiment_search_vector"();

-- The idea's users affected joins its search text (what the app folds and stores from now on); the
-- update also fills every row's tsvector through the trigger.
UPDATE "Idea" SET "searchText" = "searchText" || CASE WHEN "usersAffected" <> '' THEN E'\n' || lower(unaccent("usersAffected")) ELSE '' END;
UPDATE "Experiment" SET "searchText" = "searchText";

CREATE INDEX "Idea_searchVector_idx" ON "Idea" USING GIN ("searchVector");
CREATE INDEX "Experiment_searchVector_idx" ON "Experiment" USING GIN ("searchVector");
