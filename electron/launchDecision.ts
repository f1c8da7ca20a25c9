/**
 * What `npm start` / `npm run web` should start, decided from facts about this machine.
 *
 * better-sqlite3 is a native module compiled for one ABI (`NODE_MODULE_VERSION`): Node 20 is 115,
 * Electron 45 is 150. `npm install` builds (or downloads) it for the Node that runs npm, which is
 * what the tests, the CLI and browser mode need; Electron cannot load that build, and every
 * channel of the desktop window would fail. So the launcher reads the ABI the module was compiled
 * for (from the `node_register_module_v<ABI>` symbol every non-N-API addon exports, readable in
 * ELF, PE and Mach-O files alike, no Electron needed) and compares it with Node's and Electron's.
 *
 * `decideLaunch` is pure; `gatherLaunchFacts` does the file reading.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export interface LaunchFacts {
  /** `--web` was given (`npm run web`). */
  webRequested: boolean
  /** Path of the Electron executable, or null when it is not installed (not downloadable here). */
  electronBinary: string | null
  /** ABI of the installed Electron, or null when unknown. */
  electronAbi: number | null
  /** ABI of the Node running the launcher (`process.versions.modules`). */
  nodeAbi: number
  /** ABI better-sqlite3's native file was compiled for, or null when it could not be read. */
  moduleAbi: number | null
}

export type LaunchDecision =
  { mode: 'electron'; binary: string; notice: null } | { mode: 'web'; notice: string | null } | { mode: 'refuse'; message: string }

/** One-line Chinese notices and refusals of the launcher. */
export const LAUNCH_MESSAGES = {
  noElectron: '未找到 Electron 可执行文件（本机无法下载），改为以浏览器模式启动。',
  moduleForNode: (moduleAbi: number, electronAbi: number) =>
    `数据库模块 better-sqlite3 是为 Node.js 编译的（ABI ${moduleAbi}），Electron 需要 ABI ${electronAbi}，桌面窗口无法使用数据库，改为以浏览器模式启动（获得桌面窗口的方法见 README「桌面窗口」）。`,
  moduleForElectron: (moduleAbi: number, nodeAbi: number) =>
    `数据库模块 better-sqlite3 是为 Electron 编译的（ABI ${moduleAbi}），浏览器模式运行在 Node.js（ABI ${nodeAbi}）上无法使用：请运行 npm rebuild better-sqlite3 后重试。`,
  moduleForNeither: (moduleAbi: number, nodeAbi: number, electronAbi: number | null) =>
    `数据库模块 better-sqlite3 的编译版本（ABI ${moduleAbi}）与 Node.js（ABI ${nodeAbi}）${electronAbi === null ? '' : `和 Electron（ABI ${electronAbi}）`}都不符：请运行 npm rebuild better-sqlite3 后重试。`,
} as const

/**
 * Decides between the Electron window, browser mode and a refusal:
 * - the Electron window when its binary is installed and the module was compiled for it (or
 *   either ABI is unknown: nothing proves a mismatch, so the user's desktop start is honoured);
 * - browser mode when asked, when there is no Electron binary, or when the module was compiled
 *   for Node (with a one-line notice);
 * - a refusal when browser mode would be needed but the module cannot load in Node either.
 */
export function decideLaunch(f: LaunchFacts): LaunchDecision {
  const loadsInNode = f.moduleAbi === null || f.moduleAbi === f.nodeAbi
  const web = (notice: string | null): LaunchDecision => {
    if (loadsInNode) return { mode: 'web', notice }
    const forElectron = f.electronAbi !== null && f.moduleAbi === f.electronAbi
    return {
      mode: 'refuse',
      message: forElectron
        ? LAUNCH_MESSAGES.moduleForElectron(f.moduleAbi!, f.nodeAbi)
        : LAUNCH_MESSAGES.moduleForNeither(f.moduleAbi!, f.nodeAbi, f.electronAbi),
    }
  }
  if (f.webRequested) return web(null)
  if (!f.electronBinary) return web(LAUNCH_MESSAGES.noElectron)
  if (f.moduleAbi === null || f.electronAbi === null || f.moduleAbi === f.electronAbi) {
    return { mode: 'electron', binary: f.electronBinary, notice: null }
  }
  if (f.moduleAbi === f.nodeAbi) return web(LAUNCH_MESSAGES.moduleForNode(f.moduleAbi, f.electronAbi))
  return { mode: 'refuse', message: LAUNCH_MESSAGES.moduleForNeither(f.moduleAbi, f.nodeAbi, f.electronAbi) }
}

/** The ABI a native addon was compiled for, from its `node_register_module_v<N>` export; null if absent. */
export function moduleAbiOf(bytes: Buffer): number | null {
  const m = /node_register_module_v(\d{2,4})/.exec(bytes.toString('latin1'))
  return m ? Number(m[1]) : null
}

/** Where `bindings` finds better-sqlite3's addon (build/Release first), or null. */
export function betterSqliteAddon(root: string): string | null {
  let pkgDir: string
  try {
    pkgDir = dirname(createRequire(join(root, 'package.json')).resolve('better-sqlite3/package.json'))
  } catch {
    return null
  }
  const candidates = ['build/Release', 'build/Debug', 'build', 'out/Release', 'Release'].map((d) => join(pkgDir, d, 'better_sqlite3.node'))
  return candidates.find((f) => existsSync(f)) ?? null
}

/** Path of the Electron binary if it is installed, without triggering Electron's lazy download. */
export function electronBinary(root: string): string | null {
  const pkg = join(root, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return null
  const bin = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(bin) ? bin : null
}

/** ABI of the installed Electron: its package's `abi_version` file, else node-abi's table; null if unknown. */
export function electronAbi(root: string): number | null {
  const pkg = join(root, 'node_modules', 'electron')
  const abiFile = join(pkg, 'abi_version')
  if (existsSync(abiFile)) {
    const n = Number(readFileSync(abiFile, 'utf8').trim())
    if (Number.isInteger(n) && n > 0) return n
  }
  try {
    const version = (JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string }).version
    const nodeAbi = createRequire(join(root, 'package.json'))('node-abi') as { getAbi(v: string, t: string): string }
    const n = Number(nodeAbi.getAbi(version, 'electron'))
    return Number.isInteger(n) && n > 0 ? n : null
  } catch {
    return null
  }
}

/** Reads the facts of this machine for {@link decideLaunch}. */
export function gatherLaunchFacts(root: string, args: string[]): LaunchFacts {
  const addon = betterSqliteAddon(root)
  let moduleAbi: number | null = null
  if (addon) {
    try {
      moduleAbi = moduleAbiOf(readFileSync(addon))
    } catch {
      moduleAbi = null
    }
  }
  return {
    webRequested: args.includes('--web'),
    electronBinary: electronBinary(root),
    electronAbi: electronAbi(root),
    nodeAbi: Number(process.versions.modules),
    moduleAbi,
  }
}
