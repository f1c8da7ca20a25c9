import type Database from 'better-sqlite3'
import type { Office, OfficeProfile } from '../../../shared/office/office'

interface OfficeRow {
  full_name: string
  short_name: string
  masthead_text: string
  county: string
  superior: string
  contact_name: string
  contact_phone: string
  font_profile: OfficeProfile['fontProfile']
  imprint_page_number: OfficeProfile['imprintPageNumber']
  updated_at: string
}

export function readOffice(db: Database.Database): Office | null {
  const row = db.prepare('SELECT * FROM office WHERE id = 1').get() as OfficeRow | undefined
  if (!row) return null
  return {
    fullName: row.full_name,
    shortName: row.short_name,
    mastheadText: row.masthead_text,
    county: row.county,
    superior: row.superior,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    fontProfile: row.font_profile,
    imprintPageNumber: row.imprint_page_number,
    updatedAt: row.updated_at,
  }
}

/** Saves the office profile (one row); without imprintPageNumber the 版记 page number follows the standard. */
export function writeOffice(
  db: Database.Database,
  p: Omit<OfficeProfile, 'imprintPageNumber'> & Partial<Pick<OfficeProfile, 'imprintPageNumber'>>,
): void {
  db.prepare(
    `INSERT INTO office (id, full_name, short_name, masthead_text, county, superior, contact_name, contact_phone, font_profile, imprint_page_number, updated_at)
     VALUES (1, @fullName, @shortName, @mastheadText, @county, @superior, @contactName, @contactPhone, @fontProfile, @imprintPageNumber, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET
       full_name = excluded.full_name, short_name = excluded.short_name, masthead_text = excluded.masthead_text,
       county = excluded.county, superior = excluded.superior, contact_name = excluded.contact_name,
       contact_phone = excluded.contact_phone, font_profile = excluded.font_profile,
       imprint_page_number = excluded.imprint_page_number, updated_at = excluded.updated_at`,
  ).run({ imprintPageNumber: 'standard', ...p, updatedAt: new Date().toISOString() })
}
