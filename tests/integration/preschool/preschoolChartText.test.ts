import { Resvg } from '@resvg/resvg-js'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import preschoolJson from '../../../seeds/rubrics/preschool-universality-2020.json'
import {
  chartSvg,
  figureAtlases,
  fontOptions,
  outlineTexts,
  outlineTextsGradually,
  runsLeftToOutline,
} from '../../../electron/core/preschool/chartImages'
import { reportRendererWarmUp, warmReportRenderer } from '../../../electron/core/preschool/preschoolService'
import { createHandlers } from '../../../electron/core/handlers'
import { Workspace } from '../../../electron/core/workspace'
import { headlineOption, monochrome, townshipOption } from '../../../shared/preschool/chartOptions'
import { evaluatePreschool, type PreschoolEvaluation } from '../../../shared/preschool/evaluatePreschool'
import { parseRubric } from '../../../shared/rubrics/rubric'
import { workPlanKindergartens } from '../../helpers/preschoolWorkbooks'

const parsed = parseRubric(preschoolJson)
if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
const rubric = parsed.rubric
const dir = mkdtempSync(join(tmpdir(), 'dudao-charttext-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The work-plan county (five 乡镇), its population changed by `extra` (other rates, same labels). */
function evaluation(extra = 0): PreschoolEvaluation {
  const kgs = workPlanKindergartens().map((k) => ({
    id: k.name,
    name: k.name,
    sponsor: k.sponsor,
    subsidised: k.subsidised === '是' ? true : k.subsidised === '否' ? false : null,
    township: k.township,
    enrolledChildren: { total: k.small + k.middle + k.large },
  }))
  return evaluatePreschool(kgs, { statYear: 2024, agePopulation: 13895 + extra }, rubric)
}
/** The report's two charts (as preschoolService draws them). */
const reportSvgs = (ev: PreschoolEvaluation) => [
  chartSvg(monochrome(headlineOption({ evaluation: ev }, { mono: true })), 470, 150),
  chartSvg(monochrome(townshipOption({ evaluation: ev })), 470, 230),
]
/** RGBA bytes of a drawing, at twice the size (as the report's PNGs). */
const pixels = (svg: string) =>
  new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, background: '#ffffff', font: fontOptions() }).render().pixels

describe('chart text for the report: each label shaped once per process (resvg reads the CJK font file per glyph)', () => {
  it('the module’s first use starts the warm-up; after it a year’s charts leave only their 乡镇 names to shape', async () => {
    expect(reportRendererWarmUp()).toBeNull()
    const ws = new Workspace(join(dir, 'data'))
    try {
      await createHandlers(ws)['preschool.kindergartens']({})
      expect(reportRendererWarmUp()).not.toBeNull()
      await warmReportRenderer()
      const [headline, townships] = reportSvgs(evaluation())
      // indicator names, axis ticks, legend, standards: outlined in the warm-up; the rates: from the figure atlas
      expect(runsLeftToOutline([headline])).toBe(0)
      expect(runsLeftToOutline([townships])).toBe(5) // 习岗镇 金贵镇 立岗镇 洪广镇 常信乡
      expect(outlineTexts([headline])[0]).not.toContain('<text')
    } finally {
      ws.close()
    }
  })

  it('a chart drawn from outlines looks as drawn with the fonts (labels, figures of any value, anchors, strokes)', async () => {
    const svgs = reportSvgs(evaluation(321))
    await figureAtlases(svgs, () => new Promise((next) => setImmediate(next)))
    await outlineTextsGradually(svgs)
    const outlined = outlineTexts(svgs)
    for (const [i, svg] of svgs.entries()) {
      expect(outlined[i]).not.toContain('<text')
      const a = pixels(svg)
      const b = pixels(outlined[i])
      expect(b.length).toBe(a.length)
      let off = 0
      for (let k = 0; k < a.length; k++) if (Math.abs(a[k] - b[k]) > 48) off++
      expect(off / a.length).toBeLessThan(0.0002) // anti-aliasing of a few edge pixels at most
    }
    // other rates later (figures never drawn before): still no text left to shape
    const [headline] = reportSvgs(evaluation(-777))
    expect(headline).toMatch(/\d+\.\d\d%/)
    expect(outlineTexts([headline])[0]).not.toContain('<text')
  })
})
