import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import preschoolJson from '../../../seeds/rubrics/preschool-universality-2020.json'
import { canonicalSvg, chartPng, chartSvg, fontOptions, svgPngs } from '../../../electron/core/preschool/chartImages'
import { headlineOption, monochrome, townshipOption } from '../../../shared/preschool/chartOptions'
import type { PreschoolYearView } from '../../../shared/preschool/dashboard'
import { evaluatePreschool } from '../../../shared/preschool/evaluatePreschool'
import { parseRubric } from '../../../shared/rubrics/rubric'
import type { Rubric } from '../../../shared/rubrics/rubricSchema'
import { workPlanKindergartens } from '../../helpers/preschoolWorkbooks'

const parsed = parseRubric(preschoolJson)
if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
const rubric: Rubric = parsed.rubric

function view(): PreschoolYearView {
  const kgs = workPlanKindergartens().map((k) => ({
    id: k.name,
    name: k.name,
    sponsor: k.sponsor,
    subsidised: k.subsidised === '是' ? true : k.subsidised === '否' ? false : null,
    township: k.township,
    enrolledChildren: { total: k.small + k.middle + k.large },
  }))
  const county = { statYear: 2024, agePopulation: 13895 }
  return {
    year: 2024,
    years: [2024],
    rubric: { id: rubric.id, version: rubric.version, name: rubric.name },
    rubricChoices: [],
    county,
    evaluation: evaluatePreschool(kgs, county, rubric),
    judgements: {},
    kindergartens: [],
  }
}

describe('charts without a browser (for the report)', () => {
  it('renders the bullet chart to SVG with the Chinese labels and to a PNG of twice the size', async () => {
    const option = monochrome(headlineOption(view(), { mono: true }))
    const svg = chartSvg(option, 600, 180)
    expect(svg).toMatch(/^<svg/)
    expect(svg).toContain('普惠性幼儿园覆盖率')
    expect(svg).toContain('82.99%')
    const { png, width, height } = await chartPng(option, 600, 180)
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect([width, height]).toEqual([1200, 360])
    const out = join(__dirname, '../../../test-results/preschool')
    mkdirSync(out, { recursive: true })
    writeFileSync(join(out, 'headline.png'), png)
    writeFileSync(join(out, 'townships.png'), (await chartPng(monochrome(townshipOption(view())), 600, 260)).png)
  })

  it('draws a picture once: the same chart again (ECharts numbers its ids per instance) comes from the cache; fonts from one CJK file', async () => {
    const option = monochrome(townshipOption(view()))
    const a = chartSvg(option, 470, 230)
    const b = chartSvg(option, 470, 230)
    expect(a).not.toBe(b) // zr<instance>-… ids differ
    expect(canonicalSvg(a)).toBe(canonicalSvg(b))
    const [first] = await svgPngs([{ svg: a, width: 470, height: 230 }])
    const [again, other] = await svgPngs([
      { svg: b, width: 470, height: 230 },
      { svg: chartSvg(monochrome(headlineOption(view(), { mono: true })), 470, 150), width: 470, height: 150 },
    ])
    expect(again.png).toBe(first.png) // the same bytes object: not drawn again
    expect([other.width, other.height]).toEqual([940, 300])
    const fonts = fontOptions()
    // this machine has Noto Sans CJK (README prerequisites): the one file, not the system's hundreds
    expect(fonts).toMatchObject({ loadSystemFonts: false, defaultFontFamily: 'Noto Sans CJK SC' })
  })
})
