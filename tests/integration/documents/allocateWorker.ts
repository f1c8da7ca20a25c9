/** Child process for the concurrency test: allocates N numbers in its own connection. */
import { createHandlers } from '../../../electron/core/handlers'
import { dispatch } from '../../../electron/core/dispatch'
import { Workspace } from '../../../electron/core/workspace'

async function main(): Promise<void> {
  const [dataDir, countText, prefix, startAtText] = process.argv.slice(2)
  const ws = new Workspace(dataDir)
  const handlers = createHandlers(ws)
  const taken: number[] = []
  // Both workers start at the same instant, after their (slow) start-up.
  await new Promise((r) => setTimeout(r, Math.max(0, Number(startAtText) - Date.now())))
  for (let i = 0; i < Number(countText); i++) {
    const r = await dispatch(handlers, 'numbers.allocate', { prefix, year: 2024, title: `并发测试 ${process.pid}-${i}` })
    if (!r.ok) throw new Error(r.error.message)
    taken.push((r.data as { seq: number }).seq)
  }
  ws.close()
  process.stdout.write(JSON.stringify(taken))
}

main().catch((e) => {
  process.stderr.write(String(e))
  process.exit(1)
})
