import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { defaultDataDir } from '../core/dataDir'
import { createHandlers } from '../core/handlers'
import { Workspace } from '../core/workspace'
import { startHttpDoor, type HttpDoor } from './http'

/** The project folder (where package.json is), found from this file's location. */
export function projectRoot(from = __dirname): string {
  let dir = from
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir
    dir = dirname(dir)
  }
  return process.cwd()
}

export interface WebOptions {
  dataDir?: string
  port?: number
}

/** Starts browser mode: the built renderer and the API on 127.0.0.1. */
export async function startWeb(options: WebOptions = {}): Promise<{ door: HttpDoor; workspace: Workspace }> {
  const workspace = new Workspace(resolve(options.dataDir ?? defaultDataDir()))
  const door = await startHttpDoor({
    handlers: createHandlers(workspace),
    workspace,
    rendererDir: join(projectRoot(), 'out', 'renderer'),
    port: options.port,
  })
  return { door, workspace }
}

export function parseWebArgs(argv: string[]): WebOptions {
  const { values } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, web: { type: 'boolean' } },
    strict: false,
  })
  const port = values.port !== undefined ? Number(values.port) : undefined
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    throw new Error(`端口「${String(values.port)}」无效，应为 0–65535 的整数`)
  }
  return { dataDir: values['data-dir'] as string | undefined, port }
}

/** True when `command` is found on the PATH. */
function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((d) => d && existsSync(join(d, command)))
}

/**
 * Opens the user's browser on a one-time login URL without putting the key on a command line
 * (other accounts can read process arguments): a page in a private temp folder redirects to it.
 * Returns false when no browser could be started (the caller prints the URL anyway).
 */
export function openInBrowser(
  loginUrl: string,
  launch: (command: string, args: string[]) => void = (command, args) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true })
    child.on('error', () => undefined)
    child.unref()
  },
  platform: NodeJS.Platform = process.platform,
): { opened: boolean; cleanup(): void } {
  let dir: string | undefined
  const cleanup = () => {
    if (dir) rmSync(dir, { recursive: true, force: true })
    dir = undefined
  }
  if (platform !== 'win32' && platform !== 'darwin' && !onPath('xdg-open')) return { opened: false, cleanup }
  try {
    dir = mkdtempSync(join(tmpdir(), 'dudao-open-'))
    const file = join(dir, 'open.html')
    const escaped = loginUrl.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
    writeFileSync(
      file,
      `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${escaped}"><title>教育督导工作台</title>正在打开教育督导工作台……`,
      { mode: 0o600 },
    )
    launch(platform === 'win32' ? 'explorer.exe' : platform === 'darwin' ? 'open' : 'xdg-open', [file])
    return { opened: true, cleanup }
  } catch {
    cleanup()
    return { opened: false, cleanup }
  }
}

/** Runs browser mode until Ctrl+C: prints (and, with `open`, opens) the one-time login URL; Enter prints a new one. */
export async function runWeb(argv: string[], options: { open?: boolean } = {}): Promise<void> {
  const { door, workspace } = await startWeb(parseWebArgs(argv))
  console.log(`教育督导工作台（浏览器模式）已启动：${door.url}`)
  let opener: { opened: boolean; cleanup(): void } | undefined
  if (options.open) opener = openInBrowser(door.loginUrl)
  if (opener?.opened) {
    // The browser spends the first key; a second one is printed in case it did not open.
    console.log(`已在默认浏览器中打开。若没有打开，请在浏览器中打开一次性登录网址：${door.newLoginUrl()}`)
  } else {
    console.log(`请在浏览器中打开一次性登录网址（只能使用一次）：${door.loginUrl}`)
  }
  console.log(`数据目录：${workspace.dataDir}　${process.stdin.isTTY ? '按回车键获取新的登录网址，' : ''}按 Ctrl+C 退出`)
  const input = process.stdin.isTTY ? createInterface({ input: process.stdin }) : undefined
  input?.on('line', () => console.log(`新的一次性登录网址：${door.newLoginUrl()}`))
  const stop = () => {
    input?.close()
    opener?.cleanup()
    void door.close().then(() => {
      workspace.close()
      process.exit(0)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

if (require.main === module) {
  runWeb(process.argv.slice(2)).catch((e) => {
    console.error(`错误：${(e as Error).message}`)
    process.exit(1)
  })
}
