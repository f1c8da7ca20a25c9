import { describe, expect, it } from 'vitest'
import { detectNumbering, normalizePunctuation, parsePastedText } from '../../../shared/documents/pasteText'
import { numberBlocks } from '../../../shared/documents/headingNumbering'
import type { BodyBlock } from '../../../shared/documents/types'
import { REFERENCE_002 } from './fixtures/reference002'

describe('normalizePunctuation', () => {
  it('turns half-width punctuation next to Chinese into full-width (reference 002 and 003)', () => {
    expect(normalizePunctuation('坚持以习近平新时代中国特色社会主义思想为指导,深入学')).toBe(
      '坚持以习近平新时代中国特色社会主义思想为指导，深入学',
    )
    expect(normalizePunctuation('各中小学、幼儿园:')).toBe('各中小学、幼儿园：')
    expect(normalizePunctuation('4.建强队伍,走向专业。')).toBe('4.建强队伍，走向专业。')
    expect(normalizePunctuation('总体要求是:坚持;落实!是否完成?')).toBe('总体要求是：坚持；落实！是否完成？')
    expect(normalizePunctuation('督导室 , 教体局')).toBe('督导室，教体局')
  })

  it('converts parentheses around or next to Chinese and leaves formulas alone', () => {
    expect(normalizePunctuation('若干意见》(教基〔2020〕5 号)，继续')).toBe('若干意见》（教基〔2020〕5号），继续')
    expect(normalizePunctuation('中小学幼儿园校(园)长任期')).toBe('中小学幼儿园校（园）长任期')
    expect(normalizePunctuation('《督学管理办法(试行)》')).toBe('《督学管理办法（试行）》')
    expect(normalizePunctuation('(1)加强督学培训')).toBe('（1）加强督学培训')
    expect(normalizePunctuation('f(x) = 2x + 1')).toBe('f(x) = 2x + 1')
    expect(normalizePunctuation('见附表(')).toBe('见附表（')
  })

  it('pairs straight double quotes as “…”', () => {
    expect(normalizePunctuation('坚持"督导就是服务"的工作理念')).toBe('坚持“督导就是服务”的工作理念')
    expect(normalizePunctuation('即"四强化""三提升""三落实"。')).toBe('即“四强化”“三提升”“三落实”。')
    // An unmatched quote stays straight rather than opening a quotation that never closes.
    expect(normalizePunctuation('"双减"作为"一号工程')).toBe('“双减”作为"一号工程')
    expect(normalizePunctuation("发挥督导'长牙齿'作用")).toBe('发挥督导‘长牙齿’作用')
    expect(normalizePunctuation("don't stop")).toBe("don't stop")
  })

  it('removes the spaces PDF extraction puts around numbers and between Chinese characters', () => {
    expect(normalizePunctuation('2024 年 3 月 22 日')).toBe('2024年3月22日')
    expect(normalizePunctuation('关于印发《贺兰县 2024 年教育督导工作要点》')).toBe('关于印发《贺兰县2024年教育督导工作要点》')
    expect(normalizePunctuation('全县共有幼儿园 60所，其中，公办园 39 所')).toBe('全县共有幼儿园60所，其中，公办园39所')
    expect(normalizePunctuation('固 原 市 人 民 政 府')).toBe('固原市人民政府')
    expect(normalizePunctuation('使用 WPS 软件')).toBe('使用WPS软件')
    expect(normalizePunctuation('力争 2024\u00A0年')).toBe('力争2024年')
  })

  it('keeps decimals, times, thousands, URLs and the level-3 number dot', () => {
    expect(normalizePunctuation('学前三年毛入园率为 98.01%，普惠性幼儿园覆盖率为 82.99%。')).toBe(
      '学前三年毛入园率为98.01%，普惠性幼儿园覆盖率为82.99%。',
    )
    expect(normalizePunctuation('上午 8:30 在县教体局会议室召开')).toBe('上午8:30在县教体局会议室召开')
    expect(normalizePunctuation('共 1,000 人')).toBe('共1,000人')
    expect(normalizePunctuation('详见 https://jyt.nx.gov.cn/a.php?id=1&b=2,3 网站')).toBe('详见https://jyt.nx.gov.cn/a.php?id=1&b=2,3网站')
    expect(normalizePunctuation('网址:http://www.example.com')).toBe('网址：http://www.example.com')
    expect(normalizePunctuation('1.强化领导，统一思想。')).toBe('1.强化领导，统一思想。')
    expect(normalizePunctuation('Hello world, 8:30')).toBe('Hello world, 8:30')
    expect(normalizePunctuation('时间:8:30')).toBe('时间：8:30')
    expect(normalizePunctuation('等...')).toBe('等...')
  })

  it('ends a Chinese sentence typed with a half-width full stop with 。', () => {
    expect(normalizePunctuation('做好各项工作落实.')).toBe('做好各项工作落实。')
    expect(normalizePunctuation('推进工作. 下一步')).toBe('推进工作。下一步')
    expect(normalizePunctuation('报告.docx')).toBe('报告.docx')
  })

  it('keeps line breaks and ideographic spaces, and leaves correct text unchanged', () => {
    expect(normalizePunctuation('第一行,\n第二行')).toBe('第一行，\n第二行')
    expect(normalizePunctuation('贺兰县人民政府教育督导室\u30002024年3月22日印发')).toBe('贺兰县人民政府教育督导室\u30002024年3月22日印发')
    const correct = '7.统筹推进，双普验收。“双普”创建启动以来，全县在园幼儿13619人（含民办园）；毛入园率为98.01%。'
    expect(normalizePunctuation(correct)).toBe(correct)
    expect(normalizePunctuation(normalizePunctuation('坚持"督导就是服务" , (试行) 2024 年'))).toBe(
      normalizePunctuation('坚持"督导就是服务" , (试行) 2024 年'),
    )
  })
})

describe('detectNumbering', () => {
  it.each([
    ['一、总体思路', 1, '总体思路'],
    ['十二、其他', 1, '其他'],
    ['一．总体思路', 1, '总体思路'],
    ['（一）强化学前教育督导评估。', 2, '强化学前教育督导评估。'],
    ['(一) 强化义务教育优质均衡发展工作督导。', 2, '强化义务教育优质均衡发展工作督导。'],
    ['(二)提升督导方式方法的改革创新。', 2, '提升督导方式方法的改革创新。'],
    ['1.强化领导，统一思想。', 3, '强化领导，统一思想。'],
    ['12.完成区、市政府教育督导部门安排的其他工作。', 3, '完成区、市政府教育督导部门安排的其他工作。'],
    ['1．强化领导', 3, '强化领导'],
    ['１．强化领导', 3, '强化领导'],
    ['1、进一步完善教育督导工作机制。', 3, '进一步完善教育督导工作机制。'],
    ['1. 强化领导', 3, '强化领导'],
    ['（1）按时上报', 4, '按时上报'],
    ['(1)按时上报', 4, '按时上报'],
    ['( 2 ) 按时上报', 4, '按时上报'],
  ])('%s → level %i', (line, level, text) => {
    expect(detectNumbering(line)).toEqual({ level, text })
  })

  it.each(['98.01%，普惠性幼儿', '2024 年春季全县共有幼儿园 60', '1.5倍', '2023年是全面贯彻', '（此件公开发布）', '“双普”创建'])(
    'leaves %s unnumbered',
    (line) => {
      expect(detectNumbering(line)).toEqual({ level: 0, text: line })
    },
  )
})

describe('parsePastedText on reference 002 (PDF extraction, a blank line between every line)', () => {
  const blocks = parsePastedText(REFERENCE_002)
  const find = (start: string) => blocks.findIndex((b) => b.text.startsWith(start))

  it('finds the level-1 heading and the level-3 item that follows it', () => {
    const i = blocks.findIndex((b) => b.text === '持续深化教育督导体制机制改革')
    expect(i).toBeGreaterThan(0)
    expect(blocks[i].level).toBe(1)
    expect(blocks[i + 1].level).toBe(3)
    expect(blocks[i + 1].text.startsWith('强化领导，统一思想。每月召开教育督导室专题工作会议，对标全年教育督导任务进行分工')).toBe(true)
    expect(blocks[i + 1].text.endsWith('动员和号召督学致力于从事“更专更高更强”的教育督导工作。')).toBe(true)
  })

  it('recovers the outline: four 一、 headings and twelve numbered items', () => {
    expect(blocks.filter((b) => b.level === 1).map((b) => b.text)).toEqual([
      '总体思路',
      '持续深化教育督导体制机制改革',
      '创新配齐建强督政督学督评队伍',
      '聚焦“国检区考市强”任务强力督导',
    ])
    const items = blocks.filter((b) => b.level === 3)
    expect(items).toHaveLength(12)
    expect(items[11].text).toBe('完成区、市政府教育督导部门安排的其他工作。')
    expect(blocks.some((b) => b.level === 2 || b.level === 4)).toBe(false)
  })

  it('keeps a short heading apart from the paragraph under it', () => {
    const i = blocks.findIndex((b) => b.text === '总体思路')
    expect(blocks[i + 1]).toMatchObject({ level: 0 })
    expect(blocks[i + 1].text.startsWith('坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神')).toBe(true)
    expect(blocks[i + 1].text.endsWith('护航贺兰教育高质量发展。')).toBe(true)
  })

  it('joins a paragraph across a page break (the leading space of " 力和违反…")', () => {
    const item2 = blocks[find('健全机制，真督实导。')]
    expect(item2.level).toBe(3)
    expect(item2.text).toContain('教育决策部署不力和违反有关教育法律法规的行为予以曝光、约谈和问责。')
    expect(blocks[find('健全机制') + 1].text.startsWith('明确职责，协同推进。')).toBe(true)
  })

  it('normalises the numbers and punctuation of item 7 and item 10', () => {
    const item7 = blocks[find('统筹推进，双普验收。')].text
    expect(item7).toContain('2024年春季全县共有幼儿园60所，其中，公办园39所，民办园21所；全县在园幼儿13619人')
    expect(item7).toContain(
      '学前三年毛入园率为98.01%，普惠性幼儿园覆盖率为82.99%，公办园在园幼儿占比为67.33%。力争2024年通过国家审核认定。',
    )
    const item10 = blocks[find('常态化做好控辍保学工作。')].text
    expect(item10).toContain('若干意见》（教基〔2020〕5号），继续落实')
    expect(blocks[find('建强队伍，走向专业。')].text).toContain('配齐专（兼）职督学')
  })

  it('leaves no PDF spacing, no stray half-width commas and no numbering in the text', () => {
    for (const b of blocks) {
      expect(b.text).not.toMatch(/\s/)
      expect(b.text).not.toMatch(/\p{Script=Han},|,\p{Script=Han}/u)
      expect(b.text).not.toMatch(/^(\d+[.．、]|[一二三四五六七八九十]+、)/)
    }
  })

  it('keeps the 正文 items separate and numbers them again with numberBlocks', () => {
    const numbered = numberBlocks(blocks).filter((b) => b.label)
    expect(numbered.slice(0, 4).map((b) => b.label + b.text.slice(0, 4))).toEqual([
      '一、总体思路',
      '二、持续深化',
      '1.强化领导',
      '2.健全机制',
    ])
  })

  it('keeps the document parts before the plan as separate short blocks', () => {
    expect(blocks.map((b) => b.text)).toEqual(
      expect.arrayContaining([
        '贺政教督发〔2024〕4号',
        '各中小学、幼儿园：',
        '贺兰县人民政府教育督导室',
        '2024年3月22日',
        '（此件公开发布）',
        '贺兰县2024年教育督导工作要点',
      ]),
    )
    expect(blocks[find('现将《贺兰县2024年教育督导工作要点》')].text).toBe(
      '现将《贺兰县2024年教育督导工作要点》印发给你们，请遵照要点要求，做好各项工作落实。',
    )
  })

  it('gives the same blocks when the blank lines are missing (a PDF extractor without them)', () => {
    const single = REFERENCE_002.replace(/\n\s*\n/g, '\n')
    expect(single.split('\n').filter((l) => l.trim() === '').length).toBeLessThan(3)
    expect(parsePastedText(single)).toEqual(blocks)
  })

  it('gives the same blocks for Windows line endings and a pasted excerpt', () => {
    expect(parsePastedText(REFERENCE_002.replace(/\n/g, '\r\n'))).toEqual(blocks)
    const excerpt = REFERENCE_002.slice(REFERENCE_002.indexOf('二、持续深化'), REFERENCE_002.indexOf('三、创新配齐'))
    expect(parsePastedText(excerpt)).toEqual(blocks.slice(find('持续深化'), find('创新配齐')))
  })
})

describe('parsePastedText, other sources', () => {
  it('reads one paragraph per line with blank lines between (reference 001) and rejoins a paragraph split by a page break', () => {
    const text = [
      '一、以“四强化”为出发点，拓宽教育督导工作思路',
      '',
      '(一) 强化义务教育优质均衡发展工作督导。开展义务教育优质均衡全面自查整改工作，按照“对标对表，抓住重点、积极推进”目标要求，对照评价指标，逐项逐校进行自评自查，重点查摆我区在义务教育优质均衡发展中存在的薄弱环节和关',
      '',
      '键问题，制定整改计划，建立问题台账，落实责任，挂图作战，逐条逐项进行销号整改，力争 2025 年全面达到国家义务教育优质均衡发展标准，顺利通过省和国家督导评估。',
      '',
      '（二）强化学前教育督导评估。聚焦学前教育普及普惠目标任务，力争公办园幼儿占比达到 50%以上、普惠园覆盖率达到 80%以上。',
      '',
      '二、以“三提升”为着力点，促进教育督导高质量发展',
      '',
      '洮北区人民政府教育督导委员会办公室',
      '',
      '2023 年 2 月 20 日',
    ].join('\n')
    expect(parsePastedText(text)).toEqual([
      { level: 1, text: '以“四强化”为出发点，拓宽教育督导工作思路' },
      {
        level: 2,
        text: '强化义务教育优质均衡发展工作督导。开展义务教育优质均衡全面自查整改工作，按照“对标对表，抓住重点、积极推进”目标要求，对照评价指标，逐项逐校进行自评自查，重点查摆我区在义务教育优质均衡发展中存在的薄弱环节和关键问题，制定整改计划，建立问题台账，落实责任，挂图作战，逐条逐项进行销号整改，力争2025年全面达到国家义务教育优质均衡发展标准，顺利通过省和国家督导评估。',
      },
      { level: 2, text: '强化学前教育督导评估。聚焦学前教育普及普惠目标任务，力争公办园幼儿占比达到50%以上、普惠园覆盖率达到80%以上。' },
      { level: 1, text: '以“三提升”为着力点，促进教育督导高质量发展' },
      { level: 0, text: '洮北区人民政府教育督导委员会办公室' },
      { level: 0, text: '2023年2月20日' },
    ])
  })

  it('joins a short page-broken line that holds clause punctuation but keeps a long bare heading alone (reference 003)', () => {
    const text = [
      '2023年广西壮族自治区教育督导工作要点',
      '',
      '二、进一步压实政府履行教育职责',
      '',
      '充分发挥教育督导督政优势,通过优化评估方式、健全奖惩',
      '',
      '制度、强化结果运用，持续完善评价办法，继续组织做好 2022 年度市县人民政府履行教育职责评价工作。',
      '',
      '四、加快推进全区县域学前教育普及普惠和义务教育优质均衡发展督导评估工作',
      '',
      '全面加强对全区县域学前教育普及普惠和义务教育优质均衡发展督导评估工作的统筹指导。',
    ].join('\n')
    expect(parsePastedText(text)).toEqual([
      { level: 0, text: '2023年广西壮族自治区教育督导工作要点' },
      { level: 1, text: '进一步压实政府履行教育职责' },
      {
        level: 0,
        text: '充分发挥教育督导督政优势，通过优化评估方式、健全奖惩制度、强化结果运用，持续完善评价办法，继续组织做好2022年度市县人民政府履行教育职责评价工作。',
      },
      { level: 1, text: '加快推进全区县域学前教育普及普惠和义务教育优质均衡发展督导评估工作' },
      { level: 0, text: '全面加强对全区县域学前教育普及普惠和义务教育优质均衡发展督导评估工作的统筹指导。' },
    ])
  })

  it('treats blank lines as paragraph breaks in text that does not double-space its lines (Word)', () => {
    const text = [
      '一、总体要求',
      '坚持问题导向',
      '',
      '突出重点，注重实效',
      '（一）加强组织领导',
      '成立工作专班',
      '(二)强化结果运用',
      '1．建立台账',
      '2、按月通报',
      '(1)通报范围',
      '（2）通报方式',
    ].join('\n')
    expect(parsePastedText(text)).toEqual([
      { level: 1, text: '总体要求' },
      { level: 0, text: '坚持问题导向' },
      { level: 0, text: '突出重点，注重实效' },
      { level: 2, text: '加强组织领导' },
      { level: 0, text: '成立工作专班' },
      { level: 2, text: '强化结果运用' },
      { level: 3, text: '建立台账' },
      { level: 3, text: '按月通报' },
      { level: 4, text: '通报范围' },
      { level: 4, text: '通报方式' },
    ])
  })

  it('with only a few lines, joins lines unless a sentence ends, a blank line or numbering intervenes', () => {
    expect(parsePastedText('2024 年春季全县共有幼儿园 60\n所，其中公办园 39 所。')).toEqual([
      { level: 0, text: '2024年春季全县共有幼儿园60所，其中公办园39所。' },
    ])
    expect(parsePastedText('第一段没有句号\n\n第二段')).toEqual([
      { level: 0, text: '第一段没有句号' },
      { level: 0, text: '第二段' },
    ])
    expect(parsePastedText('第一段。\n第二段')).toHaveLength(2)
    expect(parsePastedText('落实；\n按月通报：\n每月5日发布')).toHaveLength(3)
  })

  it('starts a new paragraph at an indented line', () => {
    expect(parsePastedText('\u3000\u3000第一段没有句号\n\u3000\u3000第二段没有句号\n    第三段')).toEqual([
      { level: 0, text: '第一段没有句号' },
      { level: 0, text: '第二段没有句号' },
      { level: 0, text: '第三段' },
    ])
  })

  it('drops page numbers and rejoins the paragraph around them', () => {
    for (const pageNumber of ['— 3 —', '- 3 -', '－3－', '—3—', '第 3 页', '第3页 共10页', '3/10']) {
      const text = `使每一位督学都成为教育督导工作的“行家里手”，努力做到：熟知\n\n${pageNumber}\n\n政治理论、精通教育政策。`
      expect(parsePastedText(text), pageNumber).toEqual([
        { level: 0, text: '使每一位督学都成为教育督导工作的“行家里手”，努力做到：熟知政治理论、精通教育政策。' },
      ])
    }
  })

  it('keeps a date or a document number on its own line', () => {
    expect(parsePastedText('贺兰县人民政府教育督导室\n2024 年 3 月 22 日')).toEqual([
      { level: 0, text: '贺兰县人民政府教育督导室' },
      { level: 0, text: '2024年3月22日' },
    ])
    expect(parsePastedText('贺兰县人民政府教育督导室文件\n贺政教督发〔2024〕4 号')).toHaveLength(2)
  })

  it('takes the text of a heading whose number stands alone on its line', () => {
    expect(parsePastedText('一、\n总体思路\n坚持问题导向。')).toEqual([
      { level: 1, text: '总体思路' },
      { level: 0, text: '坚持问题导向。' },
    ])
  })

  it('does not mistake a wrapped line starting with a decimal for a numbered item', () => {
    const blocks = parsePastedText('目前，学前三年毛入园率为\n98.01%，普惠性幼儿园覆盖率为 82.99%。')
    expect(blocks).toEqual([{ level: 0, text: '目前，学前三年毛入园率为98.01%，普惠性幼儿园覆盖率为82.99%。' }])
  })

  it('rejoins English words with a space and Chinese without', () => {
    expect(parsePastedText('登录 Education Supervision\nPlatform 填报，')).toEqual([
      { level: 0, text: '登录Education Supervision Platform填报，' },
    ])
  })

  it('keeps a title line apart from the paragraph after it in one-paragraph-per-line text (reference 001)', () => {
    const text = [
      '洮北区人民政府教育督导委员会办公室文件',
      '',
      '白洮政教督办〔2023〕1号',
      '',
      '洮北区人民政府教育督导委员会办公室 2023年工作要点',
      '',
      '2023年，洮北区人民政府教育督导工作的总体思路是：以习近平新时代中国特色社会主义思想为指导，推动办好人民满意的洮北教育。',
      '',
      '总的工作任务是：坚持“四三三提升计划”开启洮北教育督导新征程。',
    ].join('\n')
    expect(parsePastedText(text).map((b) => b.text)).toEqual([
      '洮北区人民政府教育督导委员会办公室文件',
      '白洮政教督办〔2023〕1号',
      '洮北区人民政府教育督导委员会办公室2023年工作要点',
      '2023年，洮北区人民政府教育督导工作的总体思路是：以习近平新时代中国特色社会主义思想为指导，推动办好人民满意的洮北教育。',
      '总的工作任务是：坚持“四三三提升计划”开启洮北教育督导新征程。',
    ])
  })

  it('in hard-wrapped text, joins a full line even when it happens to end like a title', () => {
    const text = [
      '现将《贺兰县 2024 年教育督导工作要点》印发给你们，请',
      '遵照要点要求，做好各项工作落实。按照自治区关于印发的',
      '《2024 年全区教育督导工作要点》和银川市教育督导工作要点',
      '要求，结合我县实际，制定本要点，请各校认真抓好落实，按',
      '时报送工作进展情况和年度工作总结。',
    ].join('\n')
    // One paragraph: the 。 in the middle of line 2 is not at a line end, and line 3 ends with 工作要点 but is full.
    expect(parsePastedText(text)).toEqual([
      {
        level: 0,
        text: '现将《贺兰县2024年教育督导工作要点》印发给你们，请遵照要点要求，做好各项工作落实。按照自治区关于印发的《2024年全区教育督导工作要点》和银川市教育督导工作要点要求，结合我县实际，制定本要点，请各校认真抓好落实，按时报送工作进展情况和年度工作总结。',
      },
    ])
  })

  it('returns nothing for empty or whitespace-only text', () => {
    expect(parsePastedText('')).toEqual([])
    expect(parsePastedText(' \n\u3000\n\t')).toEqual([])
    expect(parsePastedText('— 1 —')).toEqual([])
  })

  it('returns plain BodyBlock objects', () => {
    const [block] = parsePastedText('1.强化领导，统一思想。') as (BodyBlock & Record<string, unknown>)[]
    expect(Object.keys(block).sort()).toEqual(['level', 'text'])
  })
})

describe('numbers typed from Word’s symbol menu (⑴⑵⑶, ①②③)', () => {
  const parenthesized = Array.from({ length: 20 }, (_, i) => String.fromCharCode(0x2474 + i))
  const circled = Array.from({ length: 20 }, (_, i) => String.fromCharCode(0x2460 + i))

  it.each([...parenthesized, ...circled])('%s at a line start is level 4 with the number dropped', (glyph) => {
    expect(detectNumbering(`${glyph}成立工作专班。`)).toEqual({ level: 4, text: '成立工作专班。' })
    expect(detectNumbering(`${glyph} 成立工作专班。`)).toEqual({ level: 4, text: '成立工作专班。' })
  })

  it('⒈–⒛ are level 3', () => {
    expect(detectNumbering('⒈强化领导，统一思想。')).toEqual({ level: 3, text: '强化领导，统一思想。' })
    expect(detectNumbering('⒛其他工作。')).toEqual({ level: 3, text: '其他工作。' })
  })

  it('a pasted list of ⑴ items becomes level-4 paragraphs printed （1）（2）（3）', () => {
    const blocks = parsePastedText('1.加强组织领导。\n⑴成立工作专班。\n⑵明确责任分工，\n落实到人。\n⑶建立工作台账。\n①按月报送进度。')
    expect(blocks).toEqual([
      { level: 3, text: '加强组织领导。' },
      { level: 4, text: '成立工作专班。' },
      { level: 4, text: '明确责任分工，落实到人。' },
      { level: 4, text: '建立工作台账。' },
      { level: 4, text: '按月报送进度。' },
    ])
    expect(blocks.every((b) => !/[\u2460-\u249B]/.test(b.text))).toBe(true)
    expect(numberBlocks(blocks).map((b) => b.label)).toEqual(['1.', '（1）', '（2）', '（3）', '（4）'])
  })

  it('leaves the glyphs inside a sentence alone', () => {
    expect(parsePastedText('按照要求⑴完成自查。')).toEqual([{ level: 0, text: '按照要求⑴完成自查。' }])
  })
})
