import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHandlers } from '../../electron/core/handlers'
import { Workspace } from '../../electron/core/workspace'

/** A workspace in a fresh temp folder; `dispose()` closes it and deletes the folder. */
export function tempWorkspace(prefix = 'dudao-test-') {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const ws = new Workspace(dir)
  return {
    dir,
    ws,
    handlers: createHandlers(ws),
    dispose() {
      ws.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export const SAMPLE_PROFILE = {
  fullName: '固原市人民政府教育督导委员会办公室',
  shortName: '固原市教育督导办',
  mastheadText: '固原市人民政府教育督导委员会办公室文件',
  county: '原州区',
  superior: '宁夏回族自治区人民政府教育督导室',
  contactName: '王芳',
  contactPhone: '0954-2031234',
  fontProfile: 'windows' as const,
  imprintPageNumber: 'standard' as const,
}
