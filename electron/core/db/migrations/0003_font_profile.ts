/** 0003: the office's font profile for official documents (GB2312 faces or the Windows faces). */
export default /* sql */ `
ALTER TABLE office ADD COLUMN font_profile TEXT NOT NULL DEFAULT 'gb2312' CHECK (font_profile IN ('gb2312', 'windows'));
`
