/**
 * 0013: the office's habit for the page number of a 版记 page of its own (GB/T 9704 7.5): 'standard' — numbered
 * unless a blank page precedes it — or 'unnumbered' (never numbered). LayoutProfile imprint.ownPageNumber.
 */
export default /* sql */ `
ALTER TABLE office ADD COLUMN imprint_page_number TEXT NOT NULL DEFAULT 'standard' CHECK (imprint_page_number IN ('standard', 'unnumbered'));
`
