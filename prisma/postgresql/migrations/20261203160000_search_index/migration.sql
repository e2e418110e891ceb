-- PostgreSQL twin of prisma/migrations/20261203160000_search_index (the same step, written for PostgreSQL).
-- The ranked text index (docs/decisions/0013-search-index.md): a tsvector per idea (its title, weight
-- A, and its folded search text, weight B; words without diacritics through unaccent) for ranking
-- and similar ideas, and trigram indexes (pg_trgm) on the folded search texts of ideas and
-- experiments for the search boxes, where a word stem is found inside any word form. A trigger
-- keeps each tsvector current in the change's own transaction. Both extensions are trusted: the
-- database's owner may create them.
-- pg_trgm and the trigram indexes on "searchText" came with 20261202180000_security.
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
