/** Child process for the concurrency test: allocates N numbers in its own connection. */
import { createHandlers } from '../../../electron/core/handlers'
import { dispatch } from '../../../electron/core/dispatch'
import { Workspace } from '../../../electron/core/workspace'

async function main(): Promise<void> {
  const [dataDir, countText, prefix] = process.argv.slice(2)
  const ws = new Workspace(dataDir)
  const handlers = createHandlers(ws)
  const taken: number[] = []
  // Both workers start together: each says it is ready, then waits for the parent's go on stdin.
  ws.db()
  process.stderr.write('ready\n')
  await new Promise((r) => process.stdin.once('data', r))
  const startedAt = Date.now()
  for (let i = 0; i < Number(countText); i++) {
    const r = await dispatch(handlers, 'numbers.allocate', { prefix, year: 2024, title: `并发测试 ${process.pid}-${i}` })
    if (!r.ok) throw new Error(r.error.message)
    taken.push((r.data as { seq: number }).seq)
  }
  ws.close()
  process.stdout.write(JSON.stringify({ taken, startedAt, endedAt: Date.now() }))
  process.stdin.destroy()
}

main().catch((e) => {
  process.stderr.write(String(e))
  process.exit(1)
})
