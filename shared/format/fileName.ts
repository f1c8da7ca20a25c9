/** Characters Windows forbids in file names, and control characters. */
const FORBIDDEN_IN_FILE_NAMES = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g
/** Names Windows reserves for devices, whatever the extension (CON.docx opens the console). */
const RESERVED_DEVICE_NAMES = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i

/**
 * A file name Windows (and every other system) accepts: `贺政教督发〔2024〕4号 关于….docx`.
 * Forbidden characters (\ / : * ? " < > |, control characters) become `_`, runs of spaces one
 * space, leading and trailing dots and spaces are dropped, a device name (CON, NUL, COM1…) gets a
 * `_` prefix, and the name (without extension) is at most 120 characters.
 */
export function safeFileName(base: string, ext: string, fallback = '未命名'): string {
  let name = base
    .replace(/[\t\r\n]+/g, ' ')
    .replace(FORBIDDEN_IN_FILE_NAMES, '_')
    .replace(/\s+/g, ' ')
  name = [...name].slice(0, 120).join('')
  name = name.replace(/^[\s.]+|[\s.]+$/g, '')
  if (!name) name = fallback
  if (RESERVED_DEVICE_NAMES.test(name.split('.')[0])) name = `_${name}`
  return `${name}${ext}`
}

/** `贺政教督发〔2024〕4号 关于…`, or `草稿 …` while unnumbered: the base name of a document's files (.docx, PDF). */
export function documentFileBase(doc: { docNumber: string; title: string }): string {
  return `${doc.docNumber || '草稿'} ${doc.title || '未命名公文'}`
}
