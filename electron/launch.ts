/**
 * `npm start` / `npm run web`: builds when the sources are newer than the build, then launches
 * Electron, or browser mode when the Electron binary is not available (or `--web` is given).
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot, runWeb } from './doors/webMain'

const root = projectRoot(__dirname)
const SOURCE_DIRS = ['electron', 'renderer', 'shared', 'seeds']
const BUILT = [join(root, 'out', 'renderer', 'index.html'), join(root, 'out', 'main', 'index.js'), join(root, 'out', 'preload', 'index.js')]

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)
  }
  return newest
}

function needsBuild(): boolean {
  if (!BUILT.every(existsSync)) return true
  const built = Math.min(...BUILT.map((f) => statSync(f).mtimeMs))
  return Math.max(...SOURCE_DIRS.map((d) => newestMtime(join(root, d)))) > built
}

/** Path of the Electron binary if it is installed, without triggering Electron's lazy download. */
function electronBinary(): string | null {
  const pkg = join(root, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return null
  const bin = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(bin) ? bin : null
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (needsBuild()) {
    console.log('正在构建界面……')
    const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
    if (r.status !== 0) throw new Error('构建失败，请查看上面的输出')
  }
  const bin = args.includes('--web') ? null : electronBinary()
  if (bin) {
    const child = spawn(bin, [root, ...args], { stdio: 'inherit' })
    child.on('exit', (code) => process.exit(code ?? 0))
    return
  }
  if (!args.includes('--web')) console.log('未找到 Electron 可执行文件（本机无法下载），改为以浏览器模式启动。')
  await runWeb(args)
}

main().catch((e) => {
  console.error(`错误：${(e as Error).message}`)
  process.exit(1)
})
