import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { UserError } from '../errors'
import { JobCancelled } from './jobRunner'

/** The worker scripts of the core (`workers/<name>.ts`; built to `out/main/<name>.js`, see electron.vite.config.mts). */
export type WorkerName = 'docxExportWorker'

/** Messages a worker script posts to its parent. */
export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; message: string }
  | { type: 'result'; data: unknown }
  | { type: 'error'; message: string; userError: boolean }

/**
 * Starts a worker script. Built (electron-vite bundles the main process and the CLI into out/main,
 * the worker beside them, possibly seen from out/main/chunks), the .js file runs directly; from source
 * (tsx, vitest) the .ts file runs through tsx's require hook.
 */
function startWorker(name: WorkerName, workerData: unknown): Worker {
  for (const dir of [__dirname, join(__dirname, '..')]) {
    const built = join(dir, `${name}.js`)
    if (existsSync(built)) return new Worker(built, { workerData })
  }
  const source = join(__dirname, 'workers', `${name}.ts`)
  if (!existsSync(source)) throw new Error(`worker script ${name} not found next to ${__dirname}`)
  const tsx = createRequire(join(__dirname, 'workerThread.ts')).resolve('tsx/cjs/api')
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)})`, { eval: true, workerData })
}

/** At most this many worker threads run at once (each export holds its document and the writer's model in memory); others wait. */
export const MAX_WORKERS = 2
let active = 0
const queue: (() => void)[] = []

/** Waits for a worker slot; rejects with JobCancelled when aborted while waiting. */
function acquire(signal?: AbortSignal): Promise<() => void> {
  const release = () => {
    active--
    queue.shift()?.()
  }
  if (active < MAX_WORKERS) {
    active++
    return Promise.resolve(release)
  }
  return new Promise((resolveSlot, reject) => {
    const take = () => {
      signal?.removeEventListener('abort', onAbort)
      active++
      resolveSlot(release)
    }
    const onAbort = () => {
      const i = queue.indexOf(take)
      if (i >= 0) queue.splice(i, 1)
      reject(new JobCancelled())
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    queue.push(take)
  })
}

/**
 * Runs a worker script off the main thread, so CPU-bound work (the .docx writer) never blocks the
 * requests the doors serve meanwhile.
 * @param input passed to the script as `workerData` (structured clone)
 * @param options.signal aborting terminates the worker; the promise then rejects with JobCancelled
 * @param options.onProgress receives the script's progress messages
 * @returns the script's result (as posted)
 * @throws UserError when the script reports one; Error for a crash; JobCancelled when aborted (also while
 *   waiting for one of the MAX_WORKERS slots)
 */
export async function runWorker<T>(
  name: WorkerName,
  input: unknown,
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number, message: string) => void } = {},
): Promise<T> {
  const release = await acquire(options.signal)
  try {
    return await runOne<T>(name, input, options)
  } finally {
    release()
  }
}

function runOne<T>(
  name: WorkerName,
  input: unknown,
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number, message: string) => void },
): Promise<T> {
  return new Promise<T>((resolveRun, reject) => {
    if (options.signal?.aborted) return reject(new JobCancelled())
    const worker = startWorker(name, input)
    let settled = false
    const settle = (fn: () => void) => {
      if (settled) return
      settled = true
      options.signal?.removeEventListener('abort', onAbort)
      fn()
    }
    const onAbort = () => {
      settle(() => reject(new JobCancelled()))
      void worker.terminate()
    }
    options.signal?.addEventListener('abort', onAbort)
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') options.onProgress?.(m.done, m.total, m.message)
      else if (m.type === 'result') settle(() => resolveRun(m.data as T))
      else settle(() => reject(m.userError ? new UserError(m.message) : new Error(m.message)))
    })
    worker.on('error', (e) => settle(() => reject(e)))
    worker.on('exit', (code) => settle(() => reject(new Error(`后台线程意外退出（代码 ${code}）`))))
  })
}
