import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { FileRef } from '../../../shared/files/types'
import type { StoredAttachment } from '../../../shared/supervision/types'
import { fileStore } from '../files/fileStore'
import type { Workspace } from '../workspace'

/**
 * Files kept with a visit (photos, the signed record) or a 销号 (evidence), stored like the 学前教育 /
 * 优质均衡 evidence: copied into the data folder (`evidence/supervision/visits/<id>/`,
 * `evidence/supervision/entries/<id>/`) so a backup of the folder keeps them; the record keeps names.
 */
export function supervisionFileDir(ws: Workspace, owner: 'visits' | 'entries', id: number): string {
  return join(ws.dataDir, 'evidence', 'supervision', owner, String(id))
}

/**
 * Copies the given input files into the folder and releases them; a name already there gets ` (2)`,
 * ` (3)` … before its extension. Returns what was stored.
 */
export function storeFiles(ws: Workspace, dir: string, refs: FileRef[], existing: StoredAttachment[] = []): StoredAttachment[] {
  const taken = new Set(existing.map((a) => a.name))
  const out: StoredAttachment[] = []
  for (const ref of refs) {
    const input = fileStore(ws).resolveInput(ref)
    mkdirSync(dir, { recursive: true })
    const clean = basename(input.name).replace(/[\\/:*?"<>|]/g, '_') || '附件'
    let name = clean
    for (let n = 2; taken.has(name); n++) name = clean.replace(/(\.[^.]*)?$/, (ext) => ` (${n})${ext}`)
    copyFileSync(input.path, join(dir, name))
    fileStore(ws).release(ref.fileId)
    taken.add(name)
    out.push({ name, size: statSync(join(dir, name)).size })
  }
  return out
}

/** Deletes stored files no longer listed (after the record was saved without them). */
export function removeFiles(dir: string, names: string[]): void {
  for (const n of names) rmSync(join(dir, basename(n)), { force: true })
}

/** Deletes a record's whole folder (the record was deleted). */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}
