/** 0001: the office profile (a single row). */
export default /* sql */ `
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
);
`
