import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
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

export async function runWeb(argv: string[]): Promise<void> {
  const { door, workspace } = await startWeb(parseWebArgs(argv))
  console.log(`教育督导工作台（浏览器模式）已启动：${door.url}`)
  console.log(`数据目录：${workspace.dataDir}　按 Ctrl+C 退出`)
  const stop = () => {
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
