/**
 * `npm start` / `npm run web`: builds when the sources are newer than the build, then launches
 * Electron, or browser mode when `--web` is given, the Electron binary is not available, or the
 * database module was compiled for Node rather than for Electron (see ./launchDecision).
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot, runWeb } from './doors/webMain'
import { decideLaunch, gatherLaunchFacts } from './launchDecision'

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

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (needsBuild()) {
    console.log('正在构建界面……')
    const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
    if (r.status !== 0) throw new Error('构建失败，请查看上面的输出')
  }
  const decision = decideLaunch(gatherLaunchFacts(root, args))
  if (decision.mode === 'refuse') throw new Error(decision.message)
  if (decision.mode === 'electron') {
    const child = spawn(decision.binary, [root, ...args], { stdio: 'inherit' })
    child.on('exit', (code) => process.exit(code ?? 0))
    return
  }
  if (decision.notice) console.log(decision.notice)
  // `npm start` falling back opens the browser itself; `npm run web` prints the login URL.
  await runWeb(args, { open: !args.includes('--web') })
}

main().catch((e) => {
  console.error(`错误：${(e as Error).message}`)
  process.exit(1)
})
