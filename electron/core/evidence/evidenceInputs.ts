import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { FileRef } from '../../../shared/files/types'
import { fileStore } from '../files/fileStore'
import type { Workspace } from '../workspace'

/** An uploaded evidence file ready to store: its name made safe for a file list, its bytes. */
export interface EvidenceInput {
  name: string
  data: Buffer
}

/**
 * Saves a judged item's verdict with newly uploaded evidence files (学前教育, 优质均衡): reads each input file
 * (name cleaned of path and reserved characters), hands them to `save` with the verdict's file list (`kept`
 * plus the new names, each once), and releases the uploads only once `save` has succeeded — a refused save
 * leaves them for a retry.
 * @throws whatever `save` throws; UserError from the file store for an unknown or expired file id
 */
export function saveWithEvidence<T>(
  ws: Workspace,
  addFiles: readonly FileRef[],
  kept: readonly string[],
  save: (evidence: string[], added: EvidenceInput[]) => T,
): T {
  const added = addFiles.map((ref) => {
    const input = fileStore(ws).resolveInput(ref)
    return { name: basename(input.name).replace(/[\\/:*?"<>|]/g, '_'), data: readFileSync(input.path) }
  })
  const saved = save([...new Set([...kept, ...added.map((f) => f.name)])], added)
  for (const ref of addFiles) fileStore(ws).release(ref.fileId)
  return saved
}
