#!/usr/bin/env node
import { resolve } from 'node:path'
import { defaultDataDir } from '../core/dataDir'
import { createHandlers } from '../core/handlers'
import { Workspace } from '../core/workspace'
import { runCli } from './cli'

let workspace: Workspace | undefined
runCli(
  process.argv.slice(2),
  (dataDir) => {
    workspace = new Workspace(dataDir ? resolve(dataDir) : defaultDataDir())
    return createHandlers(workspace)
  },
  { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) },
).then(async (code) => {
  await workspace?.idle() // today's automatic backup, when this command was the first use of the day
  workspace?.close()
  process.exitCode = code
})
