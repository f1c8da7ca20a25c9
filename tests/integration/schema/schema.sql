-- index doc_numbers_document
CREATE UNIQUE INDEX doc_numbers_document ON doc_numbers (document_id) WHERE document_id IS NOT NULL;

-- index document_history_document
CREATE INDEX document_history_document ON document_history (document_id);

-- index documents_effective_year
CREATE INDEX documents_effective_year ON documents (coalesce(year, CAST(substr(json_extract(content, '$.signedDate'), 1, 4) AS INTEGER)));

-- index documents_kind
CREATE INDEX documents_kind ON documents (kind);

-- index documents_number_order
CREATE INDEX documents_number_order ON documents (year, series_id, CAST(substr(doc_number, instr(doc_number, '〕') + 1) AS INTEGER), id);

-- index documents_series
CREATE INDEX documents_series ON documents (series_id);

-- index documents_signed_date
CREATE INDEX documents_signed_date ON documents (json_extract(content, '$.signedDate'), id);

-- index documents_status
CREATE INDEX documents_status ON documents (status);

-- index documents_status_order
CREATE INDEX documents_status_order ON documents ((CASE status WHEN 'draft' THEN 0 WHEN 'signed' THEN 1 WHEN 'printed' THEN 2 ELSE 3 END), updated_at, id);

-- index documents_updated
CREATE INDEX documents_updated ON documents (updated_at, id);

-- index documents_year
CREATE INDEX documents_year ON documents (year, series_id);

-- index evidence_files_blob
CREATE INDEX evidence_files_blob ON evidence_files (sha256);

-- index institutions_kind
CREATE INDEX institutions_kind ON institutions (kind, name);

-- index institutions_name
CREATE UNIQUE INDEX institutions_name ON institutions (kind, name) WHERE code IS NULL;

-- index kindergarten_years_year
CREATE INDEX kindergarten_years_year ON kindergarten_years (stat_year);

-- index school_stage_years_year
CREATE INDEX school_stage_years_year ON school_stage_years (stat_year);

-- index school_years_year
CREATE INDEX school_years_year ON school_years (stat_year);

-- index supervision_entries_found
CREATE INDEX supervision_entries_found ON supervision_entries (found_date);

-- index supervision_entries_institution
CREATE INDEX supervision_entries_institution ON supervision_entries (institution_id);

-- index supervision_entries_status
CREATE INDEX supervision_entries_status ON supervision_entries (status, deadline);

-- index supervision_entries_visit
CREATE INDEX supervision_entries_visit ON supervision_entries (visit_id);

-- index supervision_entry_documents_document
CREATE INDEX supervision_entry_documents_document ON supervision_entry_documents (document_id);

-- index supervision_generated_documents_kind
CREATE INDEX supervision_generated_documents_kind ON supervision_generated_documents (kind, period);

-- index supervision_inspectors_name
CREATE UNIQUE INDEX supervision_inspectors_name ON supervision_inspectors (name);

-- index supervision_serial_numbers_document
CREATE INDEX supervision_serial_numbers_document ON supervision_serial_numbers (document_id);

-- index supervision_visits_date
CREATE INDEX supervision_visits_date ON supervision_visits (visit_date);

-- index supervision_visits_inspector
CREATE INDEX supervision_visits_inspector ON supervision_visits (inspector_id, visit_date);

-- index supervision_visits_institution
CREATE INDEX supervision_visits_institution ON supervision_visits (institution_id, visit_date);

-- index supervision_zone_institutions_zone
CREATE INDEX supervision_zone_institutions_zone ON supervision_zone_institutions (zone_id);

-- table balance_judgements
CREATE TABLE balance_judgements (
  stat_year  INTEGER NOT NULL CHECK (stat_year BETWEEN 1949 AND 2100),
  item_key   TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('met','partlyMet','notMet')),
  note       TEXT NOT NULL DEFAULT '',
  evidence   TEXT NOT NULL DEFAULT '[]',
  updated_at TEXT NOT NULL,
  PRIMARY KEY (stat_year, item_key)
);

-- table county_balance_years
CREATE TABLE county_balance_years (
  stat_year  INTEGER PRIMARY KEY CHECK (stat_year BETWEEN 1949 AND 2100),
  figures    TEXT NOT NULL DEFAULT '{}',
  source     TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);

-- table county_preschool_years
CREATE TABLE county_preschool_years (
  stat_year              INTEGER PRIMARY KEY CHECK (stat_year BETWEEN 1949 AND 2100),
  age_population         INTEGER CHECK (age_population IS NULL OR age_population >= 0),
  population_by_township TEXT NOT NULL DEFAULT '{}',
  satisfied_responses    INTEGER,
  survey_responses       INTEGER,
  rubric_id              TEXT,
  source                 TEXT NOT NULL DEFAULT '',
  updated_at             TEXT NOT NULL
);

-- table doc_numbers
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

-- table document_history
CREATE TABLE document_history (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents(id),
  at           TEXT NOT NULL,
  action       TEXT NOT NULL,
  note         TEXT NOT NULL DEFAULT ''
);

-- table documents
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
  revision      INTEGER NOT NULL DEFAULT 1,
  revision_of   INTEGER REFERENCES documents(id),
  superseded_by INTEGER REFERENCES documents(id),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  signed_at     TEXT,
  printed_at    TEXT
);

-- table documents_fts
CREATE VIRTUAL TABLE documents_fts USING fts5(
  doc_number, title, body,
  content = '', contentless_delete = 1, tokenize = 'trigram'
);

-- table documents_fts_config
CREATE TABLE 'documents_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table documents_fts_data
CREATE TABLE 'documents_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table documents_fts_docsize
CREATE TABLE 'documents_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);

-- table documents_fts_idx
CREATE TABLE 'documents_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table documents_grams
CREATE VIRTUAL TABLE documents_grams USING fts5(
  grams,
  content = '', contentless_delete = 1, detail = none, prefix = '1',
  tokenize = "unicode61 remove_diacritics 0 categories 'L* M* N* P* S*'"
);

-- table documents_grams_config
CREATE TABLE 'documents_grams_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table documents_grams_data
CREATE TABLE 'documents_grams_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table documents_grams_docsize
CREATE TABLE 'documents_grams_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);

-- table documents_grams_idx
CREATE TABLE 'documents_grams_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table documents_heads
CREATE VIRTUAL TABLE documents_heads USING fts5(
  doc_number, title,
  content = '', contentless_delete = 1, tokenize = 'trigram'
);

-- table documents_heads_config
CREATE TABLE 'documents_heads_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table documents_heads_data
CREATE TABLE 'documents_heads_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table documents_heads_docsize
CREATE TABLE 'documents_heads_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);

-- table documents_heads_idx
CREATE TABLE 'documents_heads_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table evidence_blobs
CREATE TABLE evidence_blobs (
  sha256      TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size        INTEGER NOT NULL CHECK (size >= 0),
  data        BLOB NOT NULL,
  created_at  TEXT NOT NULL
);

-- table evidence_files
CREATE TABLE evidence_files (
  module      TEXT NOT NULL CHECK (module IN ('preschool', 'balance', 'supervision')),
  stat_year   INTEGER NOT NULL CHECK (
                CASE module WHEN 'supervision' THEN stat_year = 0 ELSE stat_year BETWEEN 1949 AND 2100 END),
  item_key    TEXT NOT NULL CHECK (item_key <> ''),
  name        TEXT NOT NULL CHECK (name <> ''),
  sha256      TEXT NOT NULL REFERENCES evidence_blobs (sha256),
  added_at    TEXT NOT NULL,
  PRIMARY KEY (module, stat_year, item_key, name)
);

-- table institutions
CREATE TABLE institutions (
  id               INTEGER PRIMARY KEY,
  code             TEXT UNIQUE CHECK (code IS NULL OR code <> ''),
  name             TEXT NOT NULL CHECK (name <> ''),
  kind             TEXT NOT NULL CHECK (kind IN ('kindergarten','school','zone')),
  institution_type TEXT,
  sponsor          TEXT,
  urban_rural      TEXT CHECK (urban_rural IS NULL OR urban_rural IN ('城区','镇区','乡村')),
  urban_rural_code TEXT,
  township         TEXT,
  closed_year      INTEGER CHECK (closed_year IS NULL OR closed_year BETWEEN 1949 AND 2100),
  attributes       TEXT NOT NULL DEFAULT '{}',
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);

-- table kindergarten_years
CREATE TABLE kindergarten_years (
  institution_id   INTEGER NOT NULL REFERENCES institutions(id),
  stat_year        INTEGER NOT NULL CHECK (stat_year BETWEEN 1949 AND 2100),
  children_total   INTEGER NOT NULL CHECK (children_total >= 0),
  figures          TEXT NOT NULL,
  source           TEXT NOT NULL DEFAULT '',
  updated_at       TEXT NOT NULL,
  PRIMARY KEY (institution_id, stat_year)
);

-- table number_series
CREATE TABLE number_series (
  id          INTEGER PRIMARY KEY,
  prefix      TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL DEFAULT '',
  sort_order  INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL
);

-- table office
CREATE TABLE office (
  id             INTEGER PRIMARY KEY CHECK (id = 1),
  full_name      TEXT NOT NULL,
  short_name     TEXT NOT NULL,
  masthead_text  TEXT NOT NULL,
  county         TEXT NOT NULL,
  superior       TEXT NOT NULL DEFAULT '',
  contact_name   TEXT NOT NULL DEFAULT '',
  contact_phone  TEXT NOT NULL DEFAULT '',
  updated_at     TEXT NOT NULL
, font_profile TEXT NOT NULL DEFAULT 'gb2312' CHECK (font_profile IN ('gb2312', 'windows')), imprint_page_number TEXT NOT NULL DEFAULT 'standard' CHECK (imprint_page_number IN ('standard', 'unnumbered')));

-- table preschool_judgements
CREATE TABLE preschool_judgements (
  stat_year   INTEGER NOT NULL CHECK (stat_year BETWEEN 1949 AND 2100),
  item_key    TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('met','partlyMet','notMet')),
  note        TEXT NOT NULL DEFAULT '',
  evidence    TEXT NOT NULL DEFAULT '[]',
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (stat_year, item_key)
);

-- table preschool_reports
CREATE TABLE preschool_reports (
  stat_year   INTEGER PRIMARY KEY CHECK (stat_year BETWEEN 1949 AND 2100),
  sections    TEXT NOT NULL DEFAULT '{}',
  updated_at  TEXT NOT NULL
);

-- table rubric_choices
CREATE TABLE rubric_choices (
  base_id     TEXT NOT NULL,
  stat_year   INTEGER NOT NULL CHECK (stat_year BETWEEN 1949 AND 2100),
  rubric_id   TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (base_id, stat_year)
);

-- table rubric_variants
CREATE TABLE rubric_variants (
  id          TEXT PRIMARY KEY,
  base_id     TEXT NOT NULL,
  spec        TEXT NOT NULL,
  created_at  TEXT NOT NULL
);

-- table schema_migrations
CREATE TABLE schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  );

-- table school_stage_years
CREATE TABLE school_stage_years (
  institution_id INTEGER NOT NULL REFERENCES institutions(id),
  stat_year      INTEGER NOT NULL CHECK (stat_year BETWEEN 1949 AND 2100),
  stage          TEXT NOT NULL CHECK (stage IN ('小学','初中','高中')),
  students       INTEGER NOT NULL CHECK (students >= 0),
  figures        TEXT NOT NULL,
  source         TEXT NOT NULL DEFAULT '',
  updated_at     TEXT NOT NULL,
  PRIMARY KEY (institution_id, stat_year, stage)
);

-- table school_years
CREATE TABLE school_years (
  institution_id INTEGER NOT NULL REFERENCES institutions(id),
  stat_year      INTEGER NOT NULL CHECK (stat_year BETWEEN 1949 AND 2100),
  resources      TEXT NOT NULL DEFAULT '{}',
  source         TEXT NOT NULL DEFAULT '',
  updated_at     TEXT NOT NULL,
  PRIMARY KEY (institution_id, stat_year)
);

-- table search_positions
CREATE TABLE search_positions (i INTEGER PRIMARY KEY);

-- table supervision_entries
CREATE TABLE supervision_entries (
  id                 INTEGER PRIMARY KEY,
  code               TEXT NOT NULL UNIQUE,
  source             TEXT NOT NULL CHECK (source IN ('经常性督导','专项督导','投诉','自查','上级交办')),
  found_date         TEXT NOT NULL CHECK (found_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  inspector_id       INTEGER REFERENCES supervision_inspectors(id),
  institution_id     INTEGER NOT NULL REFERENCES institutions(id),
  item_key           TEXT,
  month_theme        TEXT NOT NULL DEFAULT '',
  description        TEXT NOT NULL CHECK (description <> ''),
  level              TEXT NOT NULL CHECK (level IN ('无意见','小问题','一般问题','严重问题','复杂问题')),
  responsible_unit   TEXT NOT NULL DEFAULT '',
  responsible_person TEXT NOT NULL DEFAULT '',
  measures           TEXT NOT NULL DEFAULT '',
  deadline           TEXT,
  visit_id           INTEGER REFERENCES supervision_visits(id) ON DELETE SET NULL,
  finding_index      INTEGER,
  progress           TEXT NOT NULL DEFAULT '[]',
  report_date        TEXT,
  review_date        TEXT,
  reviewer           TEXT NOT NULL DEFAULT '',
  review_result      TEXT CHECK (review_result IS NULL OR review_result IN ('passed','failed')),
  review_note        TEXT NOT NULL DEFAULT '',
  closed_date        TEXT,
  close_basis        TEXT NOT NULL DEFAULT '',
  close_evidence     TEXT NOT NULL DEFAULT '[]',
  status             TEXT NOT NULL CHECK (status IN ('pending','notified','reported','verified','closed')),
  history            TEXT NOT NULL DEFAULT '[]',
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  CHECK (status <> 'closed' OR (closed_date IS NOT NULL AND review_result = 'passed'))
);

-- table supervision_entry_documents
CREATE TABLE supervision_entry_documents (
  entry_id    INTEGER NOT NULL REFERENCES supervision_entries(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL,
  role        TEXT NOT NULL CHECK (role IN ('整改通知书','督办单','督导通报','月度通知','协商意见书')),
  linked_at   TEXT NOT NULL,
  PRIMARY KEY (entry_id, document_id, role)
);

-- table supervision_generated_documents
CREATE TABLE supervision_generated_documents (
  document_id    INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('monthlyNotice','rectificationNotice','urgingNotice','bulletin')),
  numbering      TEXT NOT NULL CHECK (numbering IN ('serial','series')),
  period         TEXT NOT NULL DEFAULT '',
  institution_id INTEGER,
  created_at     TEXT NOT NULL
);

-- table supervision_inspectors
CREATE TABLE supervision_inspectors (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (name <> ''),
  kind        TEXT NOT NULL CHECK (kind IN ('专职','兼职')),
  unit        TEXT NOT NULL DEFAULT '',
  phone       TEXT NOT NULL DEFAULT '',
  active_from INTEGER NOT NULL CHECK (active_from BETWEEN 1949 AND 2100),
  active_to   INTEGER CHECK (active_to IS NULL OR active_to >= active_from),
  note        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

-- table supervision_items
CREATE TABLE supervision_items (
  key         TEXT PRIMARY KEY CHECK (key <> ''),
  title       TEXT NOT NULL CHECK (title <> ''),
  description TEXT NOT NULL DEFAULT '',
  sort_order  INTEGER NOT NULL DEFAULT 0,
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
);

-- table supervision_numbering_rules
CREATE TABLE supervision_numbering_rules (
  kind       TEXT PRIMARY KEY CHECK (kind IN ('rectificationNotice','urgingNotice')),
  mode       TEXT NOT NULL CHECK (mode IN ('serial','series')),
  pattern    TEXT NOT NULL DEFAULT '',
  series_id  INTEGER REFERENCES number_series(id),
  updated_at TEXT NOT NULL,
  CHECK (mode <> 'serial' OR pattern <> ''),
  CHECK (mode <> 'series' OR series_id IS NOT NULL)
);

-- table supervision_plans
CREATE TABLE supervision_plans (
  year               INTEGER PRIMARY KEY CHECK (year BETWEEN 1949 AND 2100),
  standing_checklist TEXT NOT NULL DEFAULT '[]',
  months             TEXT NOT NULL DEFAULT '[]',
  updated_at         TEXT NOT NULL
);

-- table supervision_serial_numbers
CREATE TABLE supervision_serial_numbers (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('rectificationNotice','urgingNotice')),
  year        INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  seq         INTEGER NOT NULL CHECK (seq >= 1),
  number      TEXT NOT NULL,
  document_id INTEGER,
  status      TEXT NOT NULL DEFAULT 'used' CHECK (status IN ('used','voided')),
  void_reason TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  UNIQUE (kind, year, seq)
);

-- table supervision_settings
CREATE TABLE supervision_settings (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  settings   TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- table supervision_visits
CREATE TABLE supervision_visits (
  id             INTEGER PRIMARY KEY,
  visit_date     TEXT NOT NULL CHECK (visit_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  inspector_id   INTEGER NOT NULL REFERENCES supervision_inspectors(id),
  companion_ids  TEXT NOT NULL DEFAULT '[]',
  institution_id INTEGER NOT NULL REFERENCES institutions(id),
  theme          TEXT NOT NULL DEFAULT '',
  item_keys      TEXT NOT NULL DEFAULT '[]',
  methods        TEXT NOT NULL DEFAULT '{}',
  findings       TEXT NOT NULL DEFAULT '[]',
  good_practice  TEXT NOT NULL DEFAULT '',
  opinion        TEXT NOT NULL DEFAULT '',
  attachments    TEXT NOT NULL DEFAULT '[]',
  school_signed  INTEGER NOT NULL DEFAULT 0 CHECK (school_signed IN (0,1)),
  recorded_at    TEXT NOT NULL,
  source         TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

-- table supervision_zone_institutions
CREATE TABLE supervision_zone_institutions (
  year           INTEGER NOT NULL,
  institution_id INTEGER NOT NULL REFERENCES institutions(id),
  zone_id        INTEGER NOT NULL REFERENCES supervision_zones(id) ON DELETE CASCADE,
  PRIMARY KEY (year, institution_id)
);

-- table supervision_zones
CREATE TABLE supervision_zones (
  id           INTEGER PRIMARY KEY,
  year         INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  name         TEXT NOT NULL CHECK (name <> ''),
  inspector_id INTEGER NOT NULL REFERENCES supervision_inspectors(id),
  note         TEXT NOT NULL DEFAULT '',
  UNIQUE (year, name)
);

-- trigger documents_frozen
CREATE TRIGGER documents_frozen BEFORE UPDATE OF content, title, kind, format, doc_number ON documents
WHEN old.status = 'printed' BEGIN
  SELECT RAISE(ABORT, '已印发的公文不能修改，请创建更正版本');
END;

-- trigger documents_fts_delete
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  DELETE FROM documents_fts WHERE rowid = old.id;
  DELETE FROM documents_grams WHERE rowid = old.id;
  DELETE FROM documents_heads WHERE rowid = old.id;
END;

-- trigger documents_fts_insert
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts (rowid, doc_number, title, body) VALUES (new.id, new.doc_number, new.title, (SELECT group_concat(value, char(10)) FROM (SELECT value FROM json_tree(new.content) WHERE type = 'text' AND fullkey NOT IN ('$.docNumber', '$.title', '$.itemNumbering') AND key NOT IN ('kind', 'format', 'data', 'fallbackPng') AND path NOT LIKE '%.align')));
  INSERT INTO documents_grams (rowid, grams) VALUES (new.id, (WITH RECURSIVE t(v) AS (SELECT new.doc_number UNION ALL SELECT new.title UNION ALL SELECT value FROM json_tree(new.content) WHERE type = 'text' AND fullkey NOT IN ('$.docNumber', '$.title', '$.itemNumbering') AND key NOT IN ('kind', 'format', 'data', 'fallbackPng') AND path NOT LIKE '%.align'),
  g(v, i) AS (SELECT v, 10001 FROM t WHERE length(v) > 10000 UNION ALL SELECT v, i + 1 FROM g WHERE i < length(v))
  SELECT group_concat(p, ' ') FROM (
    SELECT substr(t.v, n.i, 2) AS p FROM t JOIN search_positions n ON n.i BETWEEN 1 AND length(t.v)
    UNION ALL SELECT substr(v, i, 2) FROM g)));
  INSERT INTO documents_heads (rowid, doc_number, title) VALUES (new.id, new.doc_number, new.title);
END;

-- trigger documents_fts_update
CREATE TRIGGER documents_fts_update AFTER UPDATE OF doc_number, title, content ON documents BEGIN
  DELETE FROM documents_fts WHERE rowid = old.id;
  INSERT INTO documents_fts (rowid, doc_number, title, body) VALUES (new.id, new.doc_number, new.title, (SELECT group_concat(value, char(10)) FROM (SELECT value FROM json_tree(new.content) WHERE type = 'text' AND fullkey NOT IN ('$.docNumber', '$.title', '$.itemNumbering') AND key NOT IN ('kind', 'format', 'data', 'fallbackPng') AND path NOT LIKE '%.align')));
  DELETE FROM documents_grams WHERE rowid = old.id;
  INSERT INTO documents_grams (rowid, grams) VALUES (new.id, (WITH RECURSIVE t(v) AS (SELECT new.doc_number UNION ALL SELECT new.title UNION ALL SELECT value FROM json_tree(new.content) WHERE type = 'text' AND fullkey NOT IN ('$.docNumber', '$.title', '$.itemNumbering') AND key NOT IN ('kind', 'format', 'data', 'fallbackPng') AND path NOT LIKE '%.align'),
  g(v, i) AS (SELECT v, 10001 FROM t WHERE length(v) > 10000 UNION ALL SELECT v, i + 1 FROM g WHERE i < length(v))
  SELECT group_concat(p, ' ') FROM (
    SELECT substr(t.v, n.i, 2) AS p FROM t JOIN search_positions n ON n.i BETWEEN 1 AND length(t.v)
    UNION ALL SELECT substr(v, i, 2) FROM g)));
  DELETE FROM documents_heads WHERE rowid = old.id;
  INSERT INTO documents_heads (rowid, doc_number, title) VALUES (new.id, new.doc_number, new.title);
END;

-- trigger documents_signed_locked
CREATE TRIGGER documents_signed_locked BEFORE UPDATE OF content, title, kind, format, doc_number, series_id ON documents
WHEN old.status = 'signed' AND new.status = 'signed' AND (
  new.title IS NOT old.title OR new.kind IS NOT old.kind OR new.format IS NOT old.format
  OR new.doc_number IS NOT old.doc_number OR new.series_id IS NOT old.series_id
  OR json_remove(new.content, '$.printedDate') IS NOT json_remove(old.content, '$.printedDate')
) BEGIN
  SELECT RAISE(ABORT, '已签发的公文已锁定，如需修改请先退回修改');
END;

-- trigger documents_voided_locked
CREATE TRIGGER documents_voided_locked BEFORE UPDATE OF content, title, kind, format, doc_number, series_id ON documents
WHEN old.status = 'voided' BEGIN
  SELECT RAISE(ABORT, '该公文的文号已作废，不能再修改');
END;
