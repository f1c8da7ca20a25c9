/**
 * 0004: the one registry of institutions every module shares (kindergartens now; schools and
 * supervision zones next), and the 学前教育 tables: kindergarten figures per statistical year, the
 * county's figures per year, judged items with evidence, the rubric chosen per year and rubric variants.
 */
export default /* sql */ `
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
CREATE UNIQUE INDEX institutions_name ON institutions (kind, name) WHERE code IS NULL;
CREATE INDEX institutions_kind ON institutions (kind, name);

CREATE TABLE kindergarten_years (
  institution_id   INTEGER NOT NULL REFERENCES institutions(id),
  stat_year        INTEGER NOT NULL CHECK (stat_year BETWEEN 1949 AND 2100),
  children_total   INTEGER NOT NULL CHECK (children_total >= 0),
  figures          TEXT NOT NULL,
  source           TEXT NOT NULL DEFAULT '',
  updated_at       TEXT NOT NULL,
  PRIMARY KEY (institution_id, stat_year)
);
CREATE INDEX kindergarten_years_year ON kindergarten_years (stat_year);

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

CREATE TABLE preschool_judgements (
  stat_year   INTEGER NOT NULL CHECK (stat_year BETWEEN 1949 AND 2100),
  item_key    TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('met','partlyMet','notMet')),
  note        TEXT NOT NULL DEFAULT '',
  evidence    TEXT NOT NULL DEFAULT '[]',
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (stat_year, item_key)
);

CREATE TABLE rubric_variants (
  id          TEXT PRIMARY KEY,
  base_id     TEXT NOT NULL,
  spec        TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
`
