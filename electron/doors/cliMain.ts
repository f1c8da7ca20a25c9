#!/usr/bin/env node
import { resolve } from 'node:path'
import { defaultDataDir } from '../core/dataDir'
import { createHandlers } from '../core/handlers'
import { Workspace } from '../core/workspace'
import { fitToColumns, runCli } from './cli'

let workspace: Workspace | undefined
runCli(
  process.argv.slice(2),
  (dataDir) => {
    workspace = new Workspace(dataDir ? resolve(dataDir) : defaultDataDir())
    return { workspace, handlers: createHandlers(workspace) }
  },
  {
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    // A progress line on a terminal only (never in pipes or --json output): redrawn in place, cleared at the end.
    progress: process.stderr.isTTY
      ? (line) => process.stderr.write(line === null ? '\r\x1b[K' : `\r\x1b[K${fitToColumns(line, (process.stderr.columns || 80) - 1)}`)
      : undefined,
  },
).then(async (code) => {
  await workspace?.idle() // today's automatic backup, when this command was the first use of the day
  workspace?.close()
  process.exitCode = code
})
