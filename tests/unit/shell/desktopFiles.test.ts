import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DESKTOP_CHANNELS, JOB_EVENT_CHANNEL } from '../../../shared/contract/bridge'
import { fileStore } from '../../../electron/core/files/fileStore'
import { jobRunner } from '../../../electron/core/jobs/jobRunner'
import { Workspace } from '../../../electron/core/workspace'
import { cleanFilters, forwardJobEvents, registerDesktopFiles } from '../../../electron/main/desktopFiles'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

function setup(openPath: string | null, savePath: string | null) {
  const dir = mkdtempSync(join(tmpdir(), 'dudao-desktop-'))
  dirs.push(dir)
  const workspace = new Workspace(join(dir, 'data'))
  const handled = new Map<string, (...args: any[]) => Promise<unknown>>()
  const dialog = {
    showOpenDialog: vi.fn(async () => ({ canceled: openPath === null, filePaths: openPath ? [openPath] : [] })),
    showSaveDialog: vi.fn(async () => ({ canceled: savePath === null, filePath: savePath ?? '' })),
    showErrorBox: vi.fn(),
  }
  registerDesktopFiles({
    ipcMain: { handle: (channel: string, fn: any) => void handled.set(channel, fn) } as any,
    dialog: dialog as any,
    workspace,
    isTrustedSender: (e: any) => e.senderFrame.url === 'file:///app/index.html',
    ownerOf: () => null,
  })
  const trusted = { senderFrame: { url: 'file:///app/index.html' } }
  const evil = { senderFrame: { url: 'https://evil.example/' } }
  return { dir, workspace, handled, dialog, trusted, evil }
}

describe('desktop files (Electron main)', () => {
  it('pickFile: a native open dialog; the chosen file is registered and only its id reaches the renderer', async () => {
    const env = setup('', null)
    const file = join(env.dir, '幼儿园名单.xlsx')
    writeFileSync(file, 'xlsx bytes')
    env.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [file] })
    const picked = (await env.handled.get(DESKTOP_CHANNELS.pickFile)!(env.trusted, {
      title: '选择文件',
      filters: [{ name: 'Excel 工作簿', extensions: ['xlsx', '../x'] }],
    })) as any
    expect(env.dialog.showOpenDialog).toHaveBeenCalledWith({
      title: '选择文件',
      filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
      properties: ['openFile'],
    })
    expect(picked).toEqual({ fileId: expect.stringMatching(/^f_/), name: '幼儿园名单.xlsx', bytes: 10 })
    expect(JSON.stringify(picked)).not.toContain(env.dir)
    expect(fileStore(env.workspace).resolveInput({ fileId: picked.fileId }).path).toBe(file)
  })

  it('refuses other frames and returns null when the dialog is cancelled', async () => {
    const env = setup(null, null)
    expect(await env.handled.get(DESKTOP_CHANNELS.pickFile)!(env.evil, { title: 'x', filters: [] })).toBeNull()
    expect(env.dialog.showOpenDialog).not.toHaveBeenCalled()
    expect(await env.handled.get(DESKTOP_CHANNELS.pickFile)!(env.trusted, { title: 'x', filters: [] })).toBeNull()
    expect(await env.handled.get(DESKTOP_CHANNELS.saveDownload)!(env.evil, 'd_' + 'a'.repeat(32))).toBeNull()
  })

  it('saveDownload: a native save dialog named after the file, written through writeOutputFile, once', async () => {
    const env = setup(null, '')
    const target = join(env.dir, 'out.docx')
    env.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target })
    const out = fileStore(env.workspace).stash({
      fileName: '贺政教督发〔2024〕4号 通知.docx',
      mimeType: 'x',
      data: Buffer.from('docx bytes'),
    })
    expect(await env.handled.get(DESKTOP_CHANNELS.saveDownload)!(env.trusted, out.downloadId)).toBe(target)
    expect(env.dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: '贺政教督发〔2024〕4号 通知.docx', filters: [{ name: 'DOCX 文件', extensions: ['docx'] }] }),
    )
    expect(readFileSync(target, 'utf8')).toBe('docx bytes')
    // Delivered once: a second save finds nothing and says so.
    expect(await env.handled.get(DESKTOP_CHANNELS.saveDownload)!(env.trusted, out.downloadId)).toBeNull()
    expect(env.dialog.showErrorBox).toHaveBeenCalledWith('无法保存', expect.stringMatching(/已失效/))
  })

  it('a cancelled save dialog keeps the file for another try', async () => {
    const env = setup(null, null)
    const out = fileStore(env.workspace).stash({ fileName: 'a.xlsx', mimeType: 'x', data: Buffer.from('x') })
    expect(await env.handled.get(DESKTOP_CHANNELS.saveDownload)!(env.trusted, out.downloadId)).toBeNull()
    expect(fileStore(env.workspace).peek(out.downloadId)).not.toBeNull()
    expect(existsSync(join(env.dir, 'a.xlsx'))).toBe(false)
  })

  it('forwards job events to the window while it exists', async () => {
    const env = setup(null, null)
    const send = vi.fn()
    let alive = true
    forwardJobEvents(env.workspace, () => ({ send, isDestroyed: () => !alive }) as any)
    const { jobId } = jobRunner(env.workspace).start({ kind: 'test', title: '测试', cancellable: false }, async () => 42)
    await jobRunner(env.workspace).wait(jobId)
    expect(send.mock.calls.map(([channel, e]) => [channel, e.state, e.seq])).toEqual([
      [JOB_EVENT_CHANNEL, 'running', 1],
      [JOB_EVENT_CHANNEL, 'done', 2],
    ])
    alive = false
    await jobRunner(env.workspace).wait(
      jobRunner(env.workspace).start({ kind: 'test', title: '测试', cancellable: false }, async () => 1).jobId,
    )
    expect(send).toHaveBeenCalledTimes(2)
  })

  it('cleans dialog filters from the renderer', () => {
    expect(cleanFilters([{ name: 'x'.repeat(50), extensions: ['xlsx', 'a b', 7] }, { name: 'none', extensions: [] }, 'bad'])).toEqual([
      { name: 'x'.repeat(40), extensions: ['xlsx'] },
    ])
    expect(cleanFilters(null)).toEqual([])
  })
})
