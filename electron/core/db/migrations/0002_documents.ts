/**
 * 0002: official documents (公文), number series (机关代字) and the number register (发文登记簿).
 * Uniqueness of a number is a constraint (series, year, seq), not only code; voided numbers keep
 * their row so a number is never issued twice.
 */
export default /* sql */ `
CREATE TABLE number_series (
  id          INTEGER PRIMARY KEY,
  prefix      TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL DEFAULT '',
  sort_order  INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL
);

CREATE TABLE documents (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('通知','通报','意见','报告','请示','函','纪要')),
  format        TEXT NOT NULL CHECK (format IN ('file','letter','minutes')),
  status        TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','signed','printed','voided')),
  series_id     INTEGER REFERENCES number_series(id),
  template_key  TEXT NOT NULL DEFAULT '',
  title         TEXT NOT NULL DEFAULT '',
  doc_number    TEXT NOT NULL DEFAULT '',
  year          INTEGER,
  content       TEXT NOT NULL,
  search_text   TEXT NOT NULL DEFAULT '',
  revision      INTEGER NOT NULL DEFAULT 1,
  revision_of   INTEGER REFERENCES documents(id),
  superseded_by INTEGER REFERENCES documents(id),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  signed_at     TEXT,
  printed_at    TEXT
);
CREATE INDEX documents_year ON documents (year, series_id);
CREATE INDEX documents_status ON documents (status);

CREATE TABLE doc_numbers (
  id           INTEGER PRIMARY KEY,
  series_id    INTEGER NOT NULL REFERENCES number_series(id),
  year         INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  seq          INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 99999),
  status       TEXT NOT NULL CHECK (status IN ('used','reserved','voided')),
  document_id  INTEGER REFERENCES documents(id),
  title        TEXT NOT NULL DEFAULT '',
  purpose      TEXT NOT NULL DEFAULT '',
  void_reason  TEXT NOT NULL DEFAULT '',
  voided_by    TEXT NOT NULL DEFAULT '',
  voided_at    TEXT,
  issued_on    TEXT,
  created_at   TEXT NOT NULL,
  UNIQUE (series_id, year, seq),
  CHECK (status <> 'voided' OR (void_reason <> '' AND voided_at IS NOT NULL))
);
CREATE UNIQUE INDEX doc_numbers_document ON doc_numbers (document_id) WHERE document_id IS NOT NULL;

CREATE TABLE document_history (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents(id),
  at           TEXT NOT NULL,
  action       TEXT NOT NULL,
  note         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX document_history_document ON document_history (document_id);

CREATE VIRTUAL TABLE documents_fts USING fts5(
  doc_number, title, search_text,
  content = 'documents', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts (rowid, doc_number, title, search_text) VALUES (new.id, new.doc_number, new.title, new.search_text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, doc_number, title, search_text) VALUES ('delete', old.id, old.doc_number, old.title, old.search_text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF doc_number, title, search_text ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, doc_number, title, search_text) VALUES ('delete', old.id, old.doc_number, old.title, old.search_text);
  INSERT INTO documents_fts (rowid, doc_number, title, search_text) VALUES (new.id, new.doc_number, new.title, new.search_text);
END;

-- A printed document is frozen: its content can no longer change.
CREATE TRIGGER documents_frozen BEFORE UPDATE OF content, title, kind, format, doc_number ON documents
WHEN old.status = 'printed' BEGIN
  SELECT RAISE(ABORT, '已印发的公文不能修改，请创建更正版本');
END;
`
