/**
 * Versions of the stored document content JSON (DocumentContent): what each version added and how older
 * content is brought up to the current one. Readers call upgradeContent on what they parse; a database
 * migration that reshapes stored bodies (electron/core/db/migrations, a Migration with `run`) calls it too.
 *
 * 1 — no `version` field; 正文 and attachment bodies are paragraphs { level, text }.
 * 2 — `version: 2`; a body block may also be a table { kind: 'table', level: 0, text: caption, table } or an
 *     image { kind: 'image', level: 0, text: caption, image } (types.ts BodyBlock). A version-1 body is a
 *     valid version-2 body: the step only stamps the version.
 */
import { CONTENT_VERSION, type DocumentContent } from './types'

/** One step per version: content of version n → content of version n + 1. */
const STEPS: Record<number, (content: Record<string, unknown>) => Record<string, unknown>> = {
  1: (c) => ({ ...c, version: 2 }),
}

/** The version of stored content: its `version`, or 1 when it has none. */
export function contentVersion(content: { version?: unknown }): number {
  return typeof content.version === 'number' ? content.version : 1
}

/**
 * Brings parsed content JSON of any known version up to CONTENT_VERSION (a new object; the input is not
 * changed). Throws RangeError with a Chinese message for content written by a newer version of the program.
 */
export function upgradeContent(raw: unknown): DocumentContent {
  let content = { ...(raw as Record<string, unknown>) }
  let version = contentVersion(content)
  if (version > CONTENT_VERSION) throw new RangeError(`公文内容由更新版本的程序保存（内容版本 ${version}），请升级后再打开`)
  while (version < CONTENT_VERSION) {
    content = STEPS[version](content)
    version = contentVersion(content)
  }
  return content as unknown as DocumentContent
}
