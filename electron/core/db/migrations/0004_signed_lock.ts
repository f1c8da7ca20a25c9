/**
 * 0004: after 签发 the text is what was approved. A signed (已签发) document is locked as a printed one
 * is frozen: its title, kind, format, series, number and content cannot change, except the 印发日期
 * written when it is printed; 「退回修改」 (status back to draft, recorded in the history) is the only
 * way back to editing. A document whose number was voided (已作废) is closed the same way.
 */
export default /* sql */ `
CREATE TRIGGER documents_signed_locked BEFORE UPDATE OF content, title, kind, format, doc_number, series_id ON documents
WHEN old.status = 'signed' AND new.status = 'signed' AND (
  new.title IS NOT old.title OR new.kind IS NOT old.kind OR new.format IS NOT old.format
  OR new.doc_number IS NOT old.doc_number OR new.series_id IS NOT old.series_id
  OR json_remove(new.content, '$.printedDate') IS NOT json_remove(old.content, '$.printedDate')
) BEGIN
  SELECT RAISE(ABORT, '已签发的公文已锁定，如需修改请先退回修改');
END;

CREATE TRIGGER documents_voided_locked BEFORE UPDATE OF content, title, kind, format, doc_number, series_id ON documents
WHEN old.status = 'voided' BEGIN
  SELECT RAISE(ABORT, '该公文的文号已作废，不能再修改');
END;
`
