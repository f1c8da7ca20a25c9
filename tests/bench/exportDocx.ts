/**
 * Export time of the .docx writer: a 3-page notice and a ~30-page document with attachments.
 *   npx tsx tests/bench/exportDocx.ts
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { exportDocumentDocx } from '../../electron/core/export/docx/officialDocument'
import type { BodyBlock, DocumentSpec } from '../../shared/documents/types'

const demo = JSON.parse(readFileSync(join(__dirname, '../../seeds/demo/documents/notice-2024-4.json'), 'utf8')) as DocumentSpec
const workPlan = demo.content.attachments[0].body

/** The demo notice with a 1.5-page 工作要点 as its body: 3 pages. */
const threePages: DocumentSpec = {
  ...demo,
  content: { ...demo.content, body: [...demo.content.body, ...workPlan.slice(0, 10)], attachments: [] },
}

/** The 4-page 工作要点 six times over as the body of six attachments, plus the notice: about 30 pages. */
const thirtyPages: DocumentSpec = {
  ...demo,
  content: {
    ...demo.content,
    attachments: Array.from({ length: 6 }, (_, i) => ({
      title: `贺兰县2024年教育督导工作要点（第${i + 1}部分）`,
      body: [...workPlan, ...workPlan.slice(1, 8)] as BodyBlock[],
    })),
  },
}

async function time(name: string, spec: DocumentSpec, runs: number): Promise<void> {
  await exportDocumentDocx(spec) // warm-up: module initialisation, JIT
  const times: number[] = []
  let size = 0
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    const buffer = await exportDocumentDocx(spec)
    times.push(performance.now() - t0)
    size = buffer.length
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]
  const paragraphs = spec.content.body.length + spec.content.attachments.reduce((n, a) => n + a.body.length, 0)
  console.log(
    `${name}: ${paragraphs} paragraphs, ${(size / 1024).toFixed(0)} KiB — median ${median.toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms (${runs} runs)`,
  )
}

async function main(): Promise<void> {
  const t0 = performance.now()
  await exportDocumentDocx(threePages)
  console.log(`first export (cold, includes loading docx): ${(performance.now() - t0).toFixed(1)} ms`)
  await time('3-page notice', threePages, 30)
  await time('~30-page document with 6 attachments', thirtyPages, 10)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
