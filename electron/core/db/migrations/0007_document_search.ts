/**
 * 0006: document search that stays fast and small at ten thousand documents.
 *
 * - The text was stored three times (content JSON, `search_text`, and the external-content FTS table
 *   that read it back). `search_text` is dropped; the trigram index becomes contentless
 *   (`content=''`, `contentless_delete=1`), fed by triggers straight from the content JSON: every string
 *   value except the number, title (their own columns) and the item-numbering switch. Snippets are cut
 *   from the content of the page's rows, so nothing needs the index to hold text.
 * - Indexes for each order the list offers (最后修改, 成文日期, 文号, 状态) and for the filters, so a page
 *   of 20 reads 20 rows instead of sorting every row with its full text.
 * Terms of 1–2 characters, which trigrams cannot serve, are matched with LIKE on the content
 * (`documentRepository.listDocuments`).
 */
const BODY_TEXT = (row: string) =>
  `(SELECT group_concat(value, char(10)) FROM json_tree(${row}.content) WHERE type = 'text' AND fullkey NOT IN ('$.docNumber', '$.title', '$.itemNumbering'))`

export default /* sql */ `
DROP TRIGGER documents_fts_insert;
DROP TRIGGER documents_fts_delete;
DROP TRIGGER documents_fts_update;
DROP TABLE documents_fts;
ALTER TABLE documents DROP COLUMN search_text;

CREATE VIRTUAL TABLE documents_fts USING fts5(
  doc_number, title, body,
  content = '', contentless_delete = 1, tokenize = 'trigram'
);
INSERT INTO documents_fts (rowid, doc_number, title, body)
  SELECT d.id, d.doc_number, d.title, ${BODY_TEXT('d')} FROM documents d;

CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts (rowid, doc_number, title, body) VALUES (new.id, new.doc_number, new.title, ${BODY_TEXT('new')});
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  DELETE FROM documents_fts WHERE rowid = old.id;
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF doc_number, title, content ON documents BEGIN
  DELETE FROM documents_fts WHERE rowid = old.id;
  INSERT INTO documents_fts (rowid, doc_number, title, body) VALUES (new.id, new.doc_number, new.title, ${BODY_TEXT('new')});
END;

CREATE INDEX documents_updated ON documents (updated_at, id);
CREATE INDEX documents_signed_date ON documents (json_extract(content, '$.signedDate'), id);
CREATE INDEX documents_effective_year ON documents (coalesce(year, CAST(substr(json_extract(content, '$.signedDate'), 1, 4) AS INTEGER)));
CREATE INDEX documents_number_order ON documents (year, series_id, CAST(substr(doc_number, instr(doc_number, '〕') + 1) AS INTEGER), id);
CREATE INDEX documents_status_order ON documents ((CASE status WHEN 'draft' THEN 0 WHEN 'signed' THEN 1 WHEN 'printed' THEN 2 ELSE 3 END), updated_at, id);
CREATE INDEX documents_kind ON documents (kind);
CREATE INDEX documents_series ON documents (series_id);
`
