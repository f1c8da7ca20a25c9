import { createHandlers } from '../../electron/core/handlers'
import { Workspace } from '../../electron/core/workspace'
import { runCli } from '../../electron/doors/cli'

/**
 * Runs one command line in this process as cliMain does (a workspace per `--data-dir`, closed after):
 * the exit code and what was printed on stdout and stderr.
 */
export async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const opened: Workspace[] = []
  const code = await runCli(
    args,
    (dataDir) => {
      const ws = new Workspace(dataDir!)
      opened.push(ws)
      return { workspace: ws, handlers: createHandlers(ws) }
    },
    { out: (t) => out.push(t), err: (t) => err.push(t) },
  )
  opened.forEach((w) => w.close())
  return { code, out: out.join('\n'), err: err.join('\n') }
}
