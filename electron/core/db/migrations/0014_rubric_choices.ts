/**
 * 0014: the rubric chosen per year becomes generic (every module: base rubric id + year → rubric id), owned
 * with rubric_variants by electron/core/rubrics/. The 学前教育 choices stored in county_preschool_years.rubric_id
 * are copied over; that column is no longer read.
 */
export default /* sql */ `
CREATE TABLE rubric_choices (
  base_id     TEXT NOT NULL,
  stat_year   INTEGER NOT NULL CHECK (stat_year BETWEEN 1949 AND 2100),
  rubric_id   TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (base_id, stat_year)
);

INSERT INTO rubric_choices (base_id, stat_year, rubric_id, updated_at)
  SELECT 'preschool-universality-2020', stat_year, rubric_id, updated_at FROM county_preschool_years WHERE rubric_id IS NOT NULL;
`
