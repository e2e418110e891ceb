-- PostgreSQL twin of prisma/migrations/20261203210000_search_vocabulary (the same step, written for PostgreSQL).
-- SQLite's word indexes gain vocabulary tables there, so that a search asks for the words its stems
-- begin rather than for prefixes. PostgreSQL's GIN index finds a prefix's rows without a merge of
-- every row first, so this step changes nothing here.
SELECT 1;
