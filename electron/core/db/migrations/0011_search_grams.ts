/**
 * 0011: search terms of one or two characters through an index, and only the text a user sees indexed.
 *
 * - `documents_grams`: a contentless FTS5 table (detail=none: document ids only, no positions) whose tokens
 *   are the two-character pieces of every indexed text — each character with the one after it, and the
 *   last character of a text alone — with a prefix index of one character. A two-character term is one
 *   token (`"均衡"`), a one-character term one prefix (`"督"*`): both exact, with no LIKE over the content
 *   (documentRepository.listDocuments). About 6.5 MiB at ten thousand documents of 2,000 characters.
 *   `search_positions` (the numbers 1…10,000) lets the triggers cut the pieces with a join.
 *   The tokenizer keeps letters, marks, digits, punctuation and symbols in tokens, so only white space
 *   separates them; a term holding any other character still falls back to LIKE.
 * - The indexed text of the body (both indexes) is every string value of the content except the number
 *   and title (their own columns) and what no user reads: the item-numbering switch, block kinds, image
 *   formats, image bytes (base64 — before this migration `iVBOR` or `png` found every document with a
 *   picture) and table column alignments. Table cells and captions are indexed, in 正文 and attachments.
 *   documentRepository.searchTextOf is the same rule in TypeScript (snippets; tests compare the two).
 * - The trigram index is rebuilt with that rule.
 * - `documents_heads`: a small trigram index of the number and title alone (about 1 MiB at ten thousand
 *   documents), from which the relevance order learns in which column a term was found without decoding
 *   the body's occurrences of the term a second and third time.
 */
const BODY_VALUES = (row: string) =>
  `SELECT value FROM json_tree(${row}.content) WHERE type = 'text' ` +
  `AND fullkey NOT IN ('$.docNumber', '$.title', '$.itemNumbering') ` +
  `AND key NOT IN ('kind', 'format', 'data', 'fallbackPng') AND path NOT LIKE '%.align'`

const BODY_TEXT = (row: string) => `(SELECT group_concat(value, char(10)) FROM (${BODY_VALUES(row)}))`

/** Longest text whose pieces are cut by a join with search_positions; longer ones (none since the 10,000-character paragraph limit) by recursion. */
const POSITIONS = 10000

/**
 * The two-character pieces of the number, the title and every body value, separated by spaces: each
 * position of a text joined with the rows of search_positions up to its length (3–4 times faster than a
 * recursive count, which is kept for the rest of a text longer than POSITIONS).
 */
const GRAMS = (
  row: string,
) => `(WITH RECURSIVE t(v) AS (SELECT ${row}.doc_number UNION ALL SELECT ${row}.title UNION ALL ${BODY_VALUES(row)}),
  g(v, i) AS (SELECT v, ${POSITIONS + 1} FROM t WHERE length(v) > ${POSITIONS} UNION ALL SELECT v, i + 1 FROM g WHERE i < length(v))
  SELECT group_concat(p, ' ') FROM (
    SELECT substr(t.v, n.i, 2) AS p FROM t JOIN search_positions n ON n.i BETWEEN 1 AND length(t.v)
    UNION ALL SELECT substr(v, i, 2) FROM g))`

export default /* sql */ `
DROP TRIGGER documents_fts_insert;
DROP TRIGGER documents_fts_delete;
DROP TRIGGER documents_fts_update;
DROP TABLE documents_fts;

CREATE VIRTUAL TABLE documents_fts USING fts5(
  doc_number, title, body,
  content = '', contentless_delete = 1, tokenize = 'trigram'
);
INSERT INTO documents_fts (rowid, doc_number, title, body)
  SELECT d.id, d.doc_number, d.title, ${BODY_TEXT('d')} FROM documents d;

CREATE TABLE search_positions (i INTEGER PRIMARY KEY);
INSERT INTO search_positions (i) WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < ${POSITIONS}) SELECT i FROM c;

CREATE VIRTUAL TABLE documents_grams USING fts5(
  grams,
  content = '', contentless_delete = 1, detail = none, prefix = '1',
  tokenize = "unicode61 remove_diacritics 0 categories 'L* M* N* P* S*'"
);
INSERT INTO documents_grams (rowid, grams) SELECT d.id, ${GRAMS('d')} FROM documents d;

CREATE VIRTUAL TABLE documents_heads USING fts5(
  doc_number, title,
  content = '', contentless_delete = 1, tokenize = 'trigram'
);
INSERT INTO documents_heads (rowid, doc_number, title) SELECT d.id, d.doc_number, d.title FROM documents d;

CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts (rowid, doc_number, title, body) VALUES (new.id, new.doc_number, new.title, ${BODY_TEXT('new')});
  INSERT INTO documents_grams (rowid, grams) VALUES (new.id, ${GRAMS('new')});
  INSERT INTO documents_heads (rowid, doc_number, title) VALUES (new.id, new.doc_number, new.title);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  DELETE FROM documents_fts WHERE rowid = old.id;
  DELETE FROM documents_grams WHERE rowid = old.id;
  DELETE FROM documents_heads WHERE rowid = old.id;
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF doc_number, title, content ON documents BEGIN
  DELETE FROM documents_fts WHERE rowid = old.id;
  INSERT INTO documents_fts (rowid, doc_number, title, body) VALUES (new.id, new.doc_number, new.title, ${BODY_TEXT('new')});
  DELETE FROM documents_grams WHERE rowid = old.id;
  INSERT INTO documents_grams (rowid, grams) VALUES (new.id, ${GRAMS('new')});
  DELETE FROM documents_heads WHERE rowid = old.id;
  INSERT INTO documents_heads (rowid, doc_number, title) VALUES (new.id, new.doc_number, new.title);
END;
`
