/** Child process for the concurrent serial-numbering test: signs the given serial-numbered drafts in its own connection. */
import { createHandlers } from '../../../electron/core/handlers'
import { dispatch } from '../../../electron/core/dispatch'
import { Workspace } from '../../../electron/core/workspace'

async function main(): Promise<void> {
  const [dataDir, idsText] = process.argv.slice(2)
  const ws = new Workspace(dataDir)
  const handlers = createHandlers(ws)
  const numbers: string[] = []
  ws.db()
  process.stderr.write('ready\n')
  await new Promise((r) => process.stdin.once('data', r))
  for (const id of idsText.split(',').map(Number)) {
    const r = await dispatch(handlers, 'supervisionDocuments.sign', { id })
    if (!r.ok) throw new Error(r.error.message)
    numbers.push((r.data as { docNumber: string }).docNumber)
  }
  ws.close()
  process.stdout.write(JSON.stringify({ numbers }))
  process.stdin.destroy()
}

main().catch((e) => {
  process.stderr.write(String(e))
  process.exit(1)
})
