import { describe, expect, it } from 'vitest'
import { formatJobEvent, parseEventStream } from '../../shared/jobs/eventStream'

describe('server-sent events parsing (browser mode job events)', () => {
  it('takes complete job blocks in order, skips comments and other events, keeps the unfinished rest', () => {
    const got: string[] = []
    const rest = parseEventStream(
      'retry: 2000\n\nevent: job\ndata: {"seq":1}\n\n: ping\n\nevent: other\ndata: x\n\nevent: job\ndata: {"seq":2}\n\nevent: job\ndata: {"se',
      (d) => got.push(d),
    )
    expect(got).toEqual(['{"seq":1}', '{"seq":2}'])
    expect(rest).toBe('event: job\ndata: {"se')
    parseEventStream(rest + 'q":3}\n\n', (d) => got.push(d))
    expect(got.at(-1)).toBe('{"seq":3}')
  })

  it('reads back what the door writes', () => {
    const e = {
      jobId: 'j_x',
      kind: 'k',
      title: '导出',
      state: 'running',
      done: 1,
      total: 2,
      message: '第一步\n第二行',
      cancellable: true,
      seq: 4,
    } as const
    const got: unknown[] = []
    expect(parseEventStream(formatJobEvent(e) + formatJobEvent({ ...e, seq: 5 }), (d) => got.push(JSON.parse(d)))).toBe('')
    expect(got).toEqual([e, { ...e, seq: 5 }])
  })
})
