/**
 * 0006: 义务教育优质均衡 (issue 12). Schools live in the institution registry (kind 'school'); their
 * figures per statistical year are kept per 学段 (students, classes, teachers: the statistics report them
 * per 学段) and once per school (areas, equipment, rooms: reported for the whole school and split by the
 * rubric's weights at evaluation time). The county's yearly figures and the judged checklist items.
 */
export default /* sql */ `
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
CREATE INDEX school_stage_years_year ON school_stage_years (stat_year);

CREATE TABLE school_years (
  institution_id INTEGER NOT NULL REFERENCES institutions(id),
  stat_year      INTEGER NOT NULL CHECK (stat_year BETWEEN 1949 AND 2100),
  resources      TEXT NOT NULL DEFAULT '{}',
  source         TEXT NOT NULL DEFAULT '',
  updated_at     TEXT NOT NULL,
  PRIMARY KEY (institution_id, stat_year)
);
CREATE INDEX school_years_year ON school_years (stat_year);

CREATE TABLE county_balance_years (
  stat_year  INTEGER PRIMARY KEY CHECK (stat_year BETWEEN 1949 AND 2100),
  figures    TEXT NOT NULL DEFAULT '{}',
  source     TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);

CREATE TABLE balance_judgements (
  stat_year  INTEGER NOT NULL CHECK (stat_year BETWEEN 1949 AND 2100),
  item_key   TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('met','partlyMet','notMet')),
  note       TEXT NOT NULL DEFAULT '',
  evidence   TEXT NOT NULL DEFAULT '[]',
  updated_at TEXT NOT NULL,
  PRIMARY KEY (stat_year, item_key)
);
`
