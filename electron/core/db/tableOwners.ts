/**
 * Which domain owns which table: only files under `electron/core/<owner>/` write it (INSERT, UPDATE,
 * DELETE); another domain changes it through the owner's repository functions, passing its open
 * transaction (`db`). Checked by tests/unit/shell/architecture.test.ts; listed in electron/core/README.md.
 * FTS shadow tables (documents_fts*) are written by triggers only.
 */
export const TABLE_OWNERS: Record<string, string> = {
  office: 'office',
  number_series: 'numbers',
  doc_numbers: 'numbers',
  documents: 'documents',
  document_history: 'documents',
  documents_fts: 'documents',
  institutions: 'institutions',
  kindergarten_years: 'preschool',
  county_preschool_years: 'preschool',
  preschool_judgements: 'preschool',
  rubric_variants: 'preschool',
  preschool_reports: 'preschool',
  school_stage_years: 'balance',
  school_years: 'balance',
  county_balance_years: 'balance',
  balance_judgements: 'balance',
  supervision_inspectors: 'supervision',
  supervision_zones: 'supervision',
  supervision_zone_institutions: 'supervision',
  supervision_items: 'supervision',
  supervision_plans: 'supervision',
  supervision_settings: 'supervision',
  supervision_visits: 'supervision',
  supervision_entries: 'supervision',
  supervision_entry_documents: 'supervision',
  supervision_numbering_rules: 'supervision',
  supervision_serial_numbers: 'supervision',
  supervision_generated_documents: 'supervision',
  schema_migrations: 'db',
}
