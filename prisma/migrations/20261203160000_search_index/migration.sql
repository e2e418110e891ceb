-- The ranked text index (docs/decisions/0013-search-index.md): FTS5 word indexes (unicode61,
-- diacritics removed) over each idea's title and folded search text (title, summary, problem,
-- solution, users affected) and over each experiment's folded search text. Search boxes find the
-- query's word stems as word prefixes, ranked by bm25; similar ideas rank any of a text's stems.
-- The indexes read their text from the tables (external content) and triggers keep them current
-- in the change's own transaction.

-- The idea's users affected join its search text (what the app folds and stores from now on);
-- the index folds diacritics itself, and `npm run search:rebuild` refolds every row.
UPDATE "Idea" SET "searchText" = "searchText" || char(10) || lower("usersAffected") WHERE "usersAffected" <> '';

CREATE VIRTUAL TABLE "IdeaWords" USING fts5("title", "searchText", content='Idea', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE "ExperimentWords" USING fts5("searchText", content='Experiment', content_rowid='id', tokenize='unicode61 remove_diacritics 2');

CREATE TRIGGER "Idea_search_insert" AFTER INSERT ON "Idea" BEGIN
  INSERT INTO "IdeaWords"("rowid", "title", "searchText") VALUES (new."id", new."title", new."searchText");
END;
CREATE TRIGGER "Idea_search_delete" AFTER DELETE ON "Idea" BEGIN
  INSERT INTO "IdeaWords"("IdeaWords", "rowid", "title", "searchText") VALUES ('delete', old."id", old."title", old."searchText");
END;
CREATE TRIGGER "Idea_search_update" AFTER UPDATE OF "title", "searchText" ON "Idea" BEGIN
  INSERT INTO "IdeaWords"("IdeaWords", "rowid", "title", "searchText") VALUES ('delete', old."id", old."title", old."searchText");
  INSERT INTO "IdeaWords"("rowid", "title", "searchText") VALUES (new."id", new."title", new."searchText");
END;

CREATE TRIGGER "Experiment_search_insert" AFTER INSERT ON "Experiment" BEGIN
  INSERT INTO "ExperimentWords"("rowid", "searchText") VALUES (new."id", new."searchText");
END;
CREATE TRIGGER "Experiment_search_delete" AFTER DELETE ON "Experiment" BEGIN
  INSERT INTO "ExperimentWords"("ExperimentWords", "rowid", "searchText") VALUES ('delete', old."id", old."searchText");
END;
CREATE TRIGGER "Experiment_search_update" AFTER UPDATE OF "searchText" ON "Experiment" BEGIN
  INSERT INTO "ExperimentWords"("ExperimentWords", "rowid", "searchText") VALUES ('delete', old."id", old."searchText");
  INSERT INTO "ExperimentWords"("rowid", "searchText") VALUES (new."id", new."searchText");
END;

INSERT INTO "IdeaWords"("IdeaWords") VALUES ('rebuild');
INSERT INTO "ExperimentWords"("ExperimentWords") VALUES ('rebuild');
