import { describe, expect, it } from 'vitest'
import { applyLedgerCommand, canApply, LedgerTransitionError, statusOn, type LedgerCommand } from '../../../shared/supervision/ledger'
import type { LedgerEntry } from '../../../shared/supervision/types'
import { entry } from './fixtures'

const AT = '2025-04-01T01:00:00.000Z'
const run = (e: LedgerEntry, ...cmds: LedgerCommand[]) => cmds.reduce((x, c) => applyLedgerCommand(x, c, AT), e)
const reviewPassed: LedgerCommand = { action: 'review', date: '2025-03-22', result: 'passed', reviewer: '李明' }

describe('the ledger state machine', () => {
  it('待整改 → 已发整改通知 → 已报整改结果 → 复查通过 → 已销号', () => {
    const e = run(entry(), { action: 'notify', date: '2025-03-06' }, { action: 'report', date: '2025-03-20' }, reviewPassed, {
      action: 'close',
      date: '2025-03-25',
      basis: '复查照片',
    })
    expect(e.status).toBe('closed')
    expect(e).toMatchObject({
      reportDate: '2025-03-20',
      reviewDate: '2025-03-22',
      reviewer: '李明',
      closedDate: '2025-03-25',
      closeBasis: '复查照片',
    })
    expect(e.history.map((h) => [h.action, h.from, h.to])).toEqual([
      ['create', null, 'pending'],
      ['notify', 'pending', 'notified'],
      ['report', 'notified', 'reported'],
      ['reviewPassed', 'reported', 'verified'],
      ['close', 'verified', 'closed'],
    ])
  })

  it('no 销号 without an accepted 复查, in every status before it', () => {
    const close: LedgerCommand = { action: 'close', date: '2025-03-25', basis: '已整改' }
    for (const e of [
      entry(),
      run(entry(), { action: 'notify', date: '2025-03-06' }),
      run(entry(), { action: 'report', date: '2025-03-20' }),
    ]) {
      expect(() => applyLedgerCommand(e, close, AT)).toThrow(LedgerTransitionError)
    }
    expect(() => applyLedgerCommand(entry(), close, AT)).toThrow('问题 2025-0001（待整改）不能销号：复查通过之后才能销号。')
    const failed = run(entry(), { action: 'report', date: '2025-03-20' }, { ...reviewPassed, result: 'failed' })
    expect(() => applyLedgerCommand(failed, close, AT)).toThrow('不能销号')
  })

  it('复查 needs a 整改报告 first and a 复查人; 销号 needs its 依据', () => {
    expect(() => applyLedgerCommand(entry(), reviewPassed, AT)).toThrow('不能复查：学校报来整改结果（整改报告）之后才能复查。')
    const reported = run(entry(), { action: 'report', date: '2025-03-20' })
    expect(() => applyLedgerCommand(reported, { ...reviewPassed, reviewer: ' ' }, AT)).toThrow('请填写复查人')
    const ok = run(reported, reviewPassed)
    expect(() => applyLedgerCommand(ok, { action: 'close', date: '2025-03-25', basis: '' }, AT)).toThrow(
      '销号需要写明销号依据或附上佐证材料',
    )
    expect(
      applyLedgerCommand(ok, { action: 'close', date: '2025-03-25', basis: '', evidence: [{ name: '照片.jpg', size: 10 }] }, AT).status,
    ).toBe('closed')
  })

  it('复查不通过 goes back to the school: 已发整改通知 when a notice went out, else 待整改', () => {
    const noNotice = run(entry(), { action: 'report', date: '2025-03-20' }, { ...reviewPassed, result: 'failed' })
    expect(noNotice.status).toBe('pending')
    const notice = run(
      entry(),
      { action: 'notify', date: '2025-03-06' },
      { action: 'report', date: '2025-03-20' },
      { ...reviewPassed, result: 'failed' },
    )
    expect(notice).toMatchObject({ status: 'notified', reviewResult: 'failed' })
    // and round again
    const again = run(notice, { action: 'report', date: '2025-03-24' }, { ...reviewPassed, date: '2025-03-25' })
    expect(again.status).toBe('verified')
  })

  it('reopening keeps the history: the earlier 复查 and 销号 stay as events, nothing is overwritten', () => {
    const closed = run(entry(), { action: 'report', date: '2025-03-20' }, reviewPassed, {
      action: 'close',
      date: '2025-03-25',
      basis: '复查照片',
    })
    const reopened = applyLedgerCommand(closed, { action: 'reopen', date: '2025-04-10', reason: '回访发现问题反弹' }, AT)
    expect(reopened).toMatchObject({ status: 'pending', closedDate: null, closeBasis: '', reviewResult: null, reportDate: null })
    expect(reopened.history.slice(0, closed.history.length)).toEqual(closed.history)
    expect(reopened.history.at(-1)).toMatchObject({ action: 'reopen', from: 'closed', to: 'pending', note: '回访发现问题反弹' })
    expect(closed.status).toBe('closed') // the input is not changed
    expect(() => applyLedgerCommand(closed, { action: 'reopen', date: '2025-04-10', reason: '' }, AT)).toThrow('重新打开需要写明原因')
    expect(() => applyLedgerCommand(entry(), { action: 'reopen', date: '2025-04-10', reason: 'x' }, AT)).toThrow('问题仍在整改中')
    // a reopened entry is 销号 again only after a new 复查
    expect(canApply(reopened, { action: 'close', date: '2025-04-20', basis: 'x' })).toBe(false)
  })

  it('refuses dates before the 发现日期 or before the last change of status', () => {
    expect(() => applyLedgerCommand(entry(), { action: 'notify', date: '2025-03-04' }, AT)).toThrow('早于发现日期 2025-03-05')
    const reported = run(entry(), { action: 'report', date: '2025-03-20' })
    expect(() => applyLedgerCommand(reported, { ...reviewPassed, date: '2025-03-19' }, AT)).toThrow('早于')
  })

  it('progress notes and 督办 keep the status; both refused once rectified', () => {
    const e = run(entry(), { action: 'progress', date: '2025-03-10', text: '已清理一半' }, { action: 'urge', date: '2025-04-02' })
    expect(e.status).toBe('pending')
    expect(e.progress).toEqual([{ date: '2025-03-10', text: '已清理一半', by: '', at: AT }])
    const done = run(entry(), { action: 'report', date: '2025-03-20' }, reviewPassed)
    expect(canApply(done, { action: 'urge', date: '2025-04-02' })).toBe(false)
    expect(canApply(done, { action: 'progress', date: '2025-04-02', text: 'x' })).toBe(false)
  })

  it('statusOn reads the status at a past day from the dated history', () => {
    const e = run(entry(), { action: 'notify', date: '2025-03-06' }, { action: 'report', date: '2025-03-20' }, reviewPassed)
    expect(statusOn(e, '2025-03-04')).toBeNull()
    expect(statusOn(e, '2025-03-05')).toBe('pending')
    expect(statusOn(e, '2025-03-19')).toBe('notified')
    expect(statusOn(e, '2025-03-21')).toBe('reported')
    expect(statusOn(e, '2025-03-31')).toBe('verified')
  })
})
