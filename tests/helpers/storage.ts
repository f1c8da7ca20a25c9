import { createHandlers } from '../../electron/core/handlers'
import { Workspace } from '../../electron/core/workspace'
import { runCli } from '../../electron/doors/cli'

/** Runs one command line against a data folder in this process, as cliMain does; closes the workspace after. */
export async function runCliIn(dataDir: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  let ws: Workspace | undefined
  const code = await runCli(
    [...args, '--data-dir', dataDir],
    (dir) => {
      ws = new Workspace(dir!)
      return { workspace: ws, handlers: createHandlers(ws) }
    },
    { out: (t) => out.push(t), err: (t) => err.push(t) },
  )
  await ws?.idle()
  ws?.close()
  return { code, out: out.join('\n'), err: err.join('\n') }
}
