/**
 * 0009: 责任督学挂牌督导 (issue 14). 督学, 责任区 per year (one 责任督学 per institution a year, by the
 * primary key of supervision_zone_institutions), the editable 督导事项 list, the 年度计划, the office's
 * settings, visits (督导记录), the 问题台账 with its progress and event history (JSON, append only), and
 * the links from entries to the 公文 generated from them. `document_id` has no foreign key on purpose:
 * a linked draft may be deleted, and the entry then shows it as 已删除 rather than losing the row.
 * Overdue is not stored anywhere: it is computed from 整改时限 and the local date.
 */
export default /* sql */ `
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
CREATE UNIQUE INDEX supervision_inspectors_name ON supervision_inspectors (name);

CREATE TABLE supervision_zones (
  id           INTEGER PRIMARY KEY,
  year         INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  name         TEXT NOT NULL CHECK (name <> ''),
  inspector_id INTEGER NOT NULL REFERENCES supervision_inspectors(id),
  note         TEXT NOT NULL DEFAULT '',
  UNIQUE (year, name)
);

CREATE TABLE supervision_zone_institutions (
  year           INTEGER NOT NULL,
  institution_id INTEGER NOT NULL REFERENCES institutions(id),
  zone_id        INTEGER NOT NULL REFERENCES supervision_zones(id) ON DELETE CASCADE,
  PRIMARY KEY (year, institution_id)
);
CREATE INDEX supervision_zone_institutions_zone ON supervision_zone_institutions (zone_id);

CREATE TABLE supervision_items (
  key         TEXT PRIMARY KEY CHECK (key <> ''),
  title       TEXT NOT NULL CHECK (title <> ''),
  description TEXT NOT NULL DEFAULT '',
  sort_order  INTEGER NOT NULL DEFAULT 0,
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
);

-- the eight areas of the 挂牌督导办法, in this office's words; the office edits the list
INSERT INTO supervision_items (key, title, description, sort_order) VALUES
  ('management', '学校管理与制度落实', '依法办学、学校章程与各项制度的执行、校务公开和民主管理', 1),
  ('admission', '招生、收费与学籍', '招生入学是否规范，收费项目与标准，学籍管理', 2),
  ('teaching', '课程与教学', '按国家规定开齐开足课程，课堂教学、教研和质量管理', 3),
  ('wellbeing', '学生课业负担与身心健康', '作业总量与课业负担，体育锻炼和课外活动，睡眠、视力与心理健康', 4),
  ('teachers', '教师队伍与师德师风', '师德表现，教师培训、专业发展和工作负担', 5),
  ('hygiene', '食堂、饮水与卫生', '食品安全与食堂管理，饮用水，宿舍和校园环境卫生', 6),
  ('safety', '校园及周边安全', '安全制度与责任落实，设施设备，应急演练，校园周边环境', 7),
  ('ethos', '校风教风学风', '德育和校园文化建设，家校协同育人', 8);

CREATE TABLE supervision_plans (
  year               INTEGER PRIMARY KEY CHECK (year BETWEEN 1949 AND 2100),
  standing_checklist TEXT NOT NULL DEFAULT '[]',
  months             TEXT NOT NULL DEFAULT '[]',
  updated_at         TEXT NOT NULL
);

CREATE TABLE supervision_settings (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  settings   TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

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
CREATE INDEX supervision_visits_date ON supervision_visits (visit_date);
CREATE INDEX supervision_visits_institution ON supervision_visits (institution_id, visit_date);
CREATE INDEX supervision_visits_inspector ON supervision_visits (inspector_id, visit_date);

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
CREATE INDEX supervision_entries_found ON supervision_entries (found_date);
CREATE INDEX supervision_entries_institution ON supervision_entries (institution_id);
CREATE INDEX supervision_entries_status ON supervision_entries (status, deadline);
CREATE INDEX supervision_entries_visit ON supervision_entries (visit_id);

CREATE TABLE supervision_entry_documents (
  entry_id    INTEGER NOT NULL REFERENCES supervision_entries(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL,
  role        TEXT NOT NULL CHECK (role IN ('整改通知书','督办单','督导通报','月度通知','协商意见书')),
  linked_at   TEXT NOT NULL,
  PRIMARY KEY (entry_id, document_id, role)
);
CREATE INDEX supervision_entry_documents_document ON supervision_entry_documents (document_id);
`
