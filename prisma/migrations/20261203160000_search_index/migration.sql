-- The ranked text index (docs/decisions/0013-search-index.md). Two FTS5 indexes over each idea's
-- title and folded search text (title, summary, problem, users affected, solution):
--   IdeaWords, words (unicode61, diacritics removed): similar ideas, ranked by bm25, word stems as prefixes;
--   IdeaTrigrams, trigrams (diacritics removed): the search boxes, a stem found inside any word form.
-- And one over each experiment's folded search text, for the lessons library. They read their text
-- from the tables (external content) and triggers keep them current in the change's own transaction.

-- The idea's users affected joins its search text (what the app folds and stores from now on);
-- the indexes fold diacritics themselves, and `npm run search:rebuild` refolds every row.
UPDATE "Idea" SET "searchText" = "searchText" || char(10) || lower("usersAffected") WHERE "usersAffected" <> '';

CREATE VIRTUAL TABLE "IdeaWords" USING fts5("title", "searchText", content='Idea', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE "IdeaTrigrams" USING fts5("title", "searchText", content='Idea', content_rowid='id', tokenize='trigram remove_diacritics 1');
CREATE VIRTUAL TABLE "ExperimentTrigrams" USING fts5("searchText", content='Experiment', content_rowid='id', tokenize='trigram remove_diacritics 1');

CREATE TRIGGER "Idea_search_insert" AFTER INSERT ON "Idea" BEGIN
  INSERT INTO "IdeaWords"("rowid", "title", "searchText") VALUES (new."id", new."title", new."searchText");
  INSERT INTO "IdeaTrigrams"("rowid", "title", "searchText") VALUES (new."id", new."title", new."searchText");
END;
CREATE TRIGGER "Idea_search_delete" AFTER DELETE ON "Idea" BEGIN
  INSERT INTO "IdeaWords"("IdeaWords", "rowid", "title", "searchText") VALUES ('delete', old."id", old."title", old."searchText");
  INSERT INTO "IdeaTrigrams"("IdeaTrigrams", "rowid", "title", "searchText") VALUES ('delete', old."id", old."title", old."searchText");
END;
CREATE TRIGGER "Idea_search_update" AFTER UPDATE OF "title", "searchText" ON "Idea" BEGIN
  INSERT INTO "IdeaWords"("IdeaWords", "rowid", "title", "searchText") VALUES ('delete', old."id", old."title", old."searchText");
  INSERT INTO "IdeaTrigrams"("IdeaTrigrams", "rowid", "title", "searchText") VALUES ('delete', old."id", old."title", old."searchText");
  INSERT INTO "IdeaWords"("rowid", "title", "searchText") VALUES (new."id", new."title", new."searchText");
  INSERT INTO "IdeaTrigrams"("rowid", "title", "searchText") VALUES (new."id", new."title", new."searchText");
END;

CREATE TRIGGER "Experiment_search_insert" AFTER INSERT ON "Experiment" BEGIN
  INSERT INTO "ExperimentTrigrams"("rowid", "searchText") VALUES (new."id", new."searchText");
END;
CREATE TRIGGER "Experiment_search_delete" AFTER DELETE ON "Experiment" BEGIN
  INSERT INTO "ExperimentTrigrams"("ExperimentTrigrams", "rowid", "searchText") VALUES ('delete', old."id", old."searchText");
END;
CREATE TRIGGER "Experiment_search_update" AFTER UPDATE OF "searchText" ON "Experiment" BEGIN
  INSERT INTO "ExperimentTrigrams"("ExperimentTrigrams", "rowid", "searchText") VALUES ('delete', old."id", old."searchText");
  INSERT INTO "ExperimentTrigrams"("rowid", "searchText") VALUES (new."id", new."searchText");
END;

INSERT INTO "IdeaWords"("IdeaWords") VALUES ('rebuild');
INSERT INTO "IdeaTrigrams"("IdeaTrigrams") VALUES ('rebuild');
INSERT INTO "ExperimentTrigrams"("ExperimentTrigrams") VALUES ('rebuild');
