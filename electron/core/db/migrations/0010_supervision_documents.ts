/**
 * 0010: the documents the supervision ledger writes (issue 14). The office's numbering rule per kind (整改通知书,
 * 督办单): a serial 编号 in its own format, or a 发文字号 series of the register; the serial 编号 given (one row per
 * number ever given, UNIQUE per kind and year, taken at 签发 in an IMMEDIATE transaction, voided never reused); and
 * what each generated 公文 was made from (kind, month or term, institution), so a 通报 can name its month's notice
 * and a draft can be told apart from an ordinary 公文. `document_id` has no foreign key: a draft may be deleted and
 * its row then explains the gap.
 */
export default /* sql */ `
CREATE TABLE supervision_numbering_rules (
  kind       TEXT PRIMARY KEY CHECK (kind IN ('rectificationNotice','urgingNotice')),
  mode       TEXT NOT NULL CHECK (mode IN ('serial','series')),
  pattern    TEXT NOT NULL DEFAULT '',
  series_id  INTEGER REFERENCES number_series(id),
  updated_at TEXT NOT NULL,
  CHECK (mode <> 'serial' OR pattern <> ''),
  CHECK (mode <> 'series' OR series_id IS NOT NULL)
);

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
CREATE INDEX supervision_serial_numbers_document ON supervision_serial_numbers (document_id);

CREATE TABLE supervision_generated_documents (
  document_id    INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('monthlyNotice','rectificationNotice','urgingNotice','bulletin')),
  numbering      TEXT NOT NULL CHECK (numbering IN ('serial','series')),
  period         TEXT NOT NULL DEFAULT '',
  institution_id INTEGER,
  created_at     TEXT NOT NULL
);
CREATE INDEX supervision_generated_documents_kind ON supervision_generated_documents (kind, period);
`
