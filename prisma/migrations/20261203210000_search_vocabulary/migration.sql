-- The vocabulary of each word index (docs/decisions/0013-search-index.md): fts5vocab tables that
-- list the words FTS5 holds. A search looks up the words that begin with each of its stems and asks
-- for those words, not for the prefix: FTS5 reads a word's rows lazily, newest first, as far as a
-- page needs, but merges every row of every word of a prefix before it yields one. The tables are
-- views of the index: they hold nothing and need no trigger.
CREATE VIRTUAL TABLE "IdeaWords_terms" USING fts5vocab('IdeaWords', 'row');
CREATE VIRTUAL TABLE "ExperimentWords_terms" USING fts5vocab('ExperimentWords', 'row');
