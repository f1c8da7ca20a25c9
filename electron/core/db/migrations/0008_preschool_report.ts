/** 0008: the 自评报告's narrative sections, edited in the app and saved per statistical year. */
export default /* sql */ `
CREATE TABLE preschool_reports (
  stat_year   INTEGER PRIMARY KEY CHECK (stat_year BETWEEN 1949 AND 2100),
  sections    TEXT NOT NULL DEFAULT '{}',
  updated_at  TEXT NOT NULL
);
`
