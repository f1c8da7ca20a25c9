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
);

-- table schema_migrations
CREATE TABLE schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  );
