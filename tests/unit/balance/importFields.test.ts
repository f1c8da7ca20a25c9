import { describe, expect, it } from 'vitest'
import { parseSchoolType, parseStage, splitStageSuffix, stageOfName, stageOfText } from '../../../shared/balance/importFields'

describe('优质均衡 import words', () => {
  it('reads the 学段 of a whole file from its sheet name, title or file name', () => {
    expect(stageOfText('教基3112_小学')).toBe('小学')
    expect(stageOfText('教基3115')).toBe('初中')
    expect(stageOfText('Sheet1', '贺兰县初级中学基本情况（2024/2025学年初）')).toBe('初中')
    expect(stageOfText('基础基312')).toBe('小学')
    expect(stageOfText('全县中小学情况')).toBe(null)
    expect(stageOfText('小学和初中')).toBe(null)
  })
  it('splits 一贯制 part names as the 申报表 writes them', () => {
    expect(splitStageSuffix('贺兰县第三中学（小学部）')).toEqual({ name: '贺兰县第三中学', stage: '小学' })
    expect(splitStageSuffix('贺兰县第三中学初中部')).toEqual({ name: '贺兰县第三中学', stage: '初中' })
    expect(splitStageSuffix('贺兰县第一小学')).toEqual({ name: '贺兰县第一小学', stage: null })
    expect(stageOfName('贺兰县第一小学')).toBe('小学')
    expect(stageOfName('金山村教学点')).toBe('小学')
    expect(stageOfName('贺兰县第二初级中学')).toBe('初中')
    expect(stageOfName('贺兰县第一中学')).toBe(null)
  })
  it('takes 办学类型 by code or name and 学段 with 部 / 段', () => {
    expect(parseSchoolType('312')).toEqual({ value: '312' })
    expect(parseSchoolType('九年一贯制学校')).toEqual({ value: '312' })
    expect(parseSchoolType('小学教学点')).toEqual({ value: '218' })
    expect('error' in parseSchoolType('幼儿园')).toBe(true)
    expect(parseStage('初中部')).toEqual({ value: '初中' })
    expect('error' in parseStage('大学')).toBe(true)
  })
})
