import { readFileSync } from 'node:fs'
import { basename, extname } from 'node:path'
import type Database from 'better-sqlite3'
import type { FileRef } from '../../../shared/files/types'
import type { StoredAttachment } from '../../../shared/supervision/types'
import { evidenceData, keepEvidence, putEvidence, SUPERVISION_YEAR, supervisionKey } from '../evidence/evidenceRepository'
import { fileStore } from '../files/fileStore'
import type { Workspace } from '../workspace'

/**
 * Files kept with a visit (photos, the signed record: owner 'visit') or a 销号 (evidence: owner 'entry'),
 * stored like the 学前教育 / 优质均衡 evidence: inside the database (evidence/evidenceRepository.ts, module
 * 'supervision'), written in the record's own transaction, so a database backup carries them. The record
 * keeps the list (StoredAttachment: name and size); the bytes are looked up by owner, id and name.
 */
export type AttachmentOwner = 'visit' | 'entry'

/** An input file read for storing: its name on the record (de-duplicated), size in bytes and content. */
export interface ReadAttachment extends StoredAttachment {
  data: Buffer
}

/**
 * Reads the given input files (not yet released) and names them for the record: characters a file name
 * cannot hold become `_`, a name already taken (by `existing` or an earlier file of the batch) gets
 * ` (2)`, ` (3)` … before its extension.
 * @throws UserError from the file store when a file id is unknown or expired
 */
export function readAttachments(ws: Workspace, refs: readonly FileRef[], existing: readonly StoredAttachment[] = []): ReadAttachment[] {
  const taken = new Set(existing.map((a) => a.name))
  return refs.map((ref) => {
    const input = fileStore(ws).resolveInput(ref)
    const clean = basename(input.name).replace(/[\\/:*?"<>|]/g, '_') || '附件'
    let name = clean
    for (let n = 2; taken.has(name); n++) name = clean.replace(/(\.[^.]*)?$/, (ext) => ` (${n})${ext}`)
    taken.add(name)
    const data = readFileSync(input.path)
    return { name, size: data.length, data }
  })
}

/** Releases the input files once they are stored (after the transaction committed). */
export function releaseInputs(ws: Workspace, refs: readonly FileRef[]): void {
  for (const ref of refs) fileStore(ws).release(ref.fileId)
}

/**
 * Sets a record's files inside the caller's transaction: stores `added`, then keeps only `names` (the ones
 * dropped are deleted, with contents no record names any more). An empty `names` drops all (record deleted).
 */
export function syncAttachments(
  db: Database.Database,
  owner: AttachmentOwner,
  id: number,
  added: readonly ReadAttachment[],
  names: readonly string[],
): void {
  const key = supervisionKey(owner, id)
  for (const f of added) putEvidence(db, 'supervision', SUPERVISION_YEAR, key, f.name, f.data)
  keepEvidence(db, 'supervision', SUPERVISION_YEAR, key, names)
}

/** The bytes of one stored file, or null when the record has no file of that name. */
export function attachmentData(db: Database.Database, owner: AttachmentOwner, id: number, name: string): Buffer | null {
  return evidenceData(db, 'supervision', SUPERVISION_YEAR, supervisionKey(owner, id), name)
}

const MIME: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.bmp': 'image/bmp',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.txt': 'text/plain',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.wps': 'application/vnd.ms-works',
  '.ofd': 'application/ofd',
  '.zip': 'application/zip',
  '.mp4': 'video/mp4',
  '.mp3': 'audio/mpeg',
}

/** The MIME type of a stored file by its extension (application/octet-stream when unknown). */
export function attachmentMime(name: string): string {
  return MIME[extname(name).toLowerCase()] ?? 'application/octet-stream'
}
