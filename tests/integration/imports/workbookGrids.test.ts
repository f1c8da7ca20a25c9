import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { afterAll, describe, expect, it } from 'vitest'
import { balanceWorkbook } from '../../../electron/core/balance/templateWorkbook'
import { preschoolWorkbook } from '../../../electron/core/preschool/templateWorkbook'
import { readWorkbookGrids, sheetGrid } from '../../../electron/core/preschool/sheetGrid'
import { cellText } from '../../../electron/core/imports/xlsxTable'
import { countyStageExport, fillBalanceTemplate, handMadeDeclaration, sampleCounty } from '../../helpers/balanceWorkbooks'
import {
  countyExportWorkbook,
  fillTemplate,
  handMadeWorkbook,
  ownStatisticsWorkbook,
  workPlanKindergartens,
} from '../../helpers/preschoolWorkbooks'

const dir = mkdtempSync(join(tmpdir(), 'dudao-grids-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0
const file = (data: Buffer | Uint8Array) => {
  const p = join(dir, `f${n++}.xlsx`)
  writeFileSync(p, data)
  return p
}

/** The import's lean read (parts skipped) must give a full exceljs read's grids, cell for cell, with the same extent. */
async function expectSameGrids(path: string) {
  const full = new ExcelJS.Workbook()
  await full.xlsx.readFile(path)
  const grids = await readWorkbookGrids(path)
  expect(grids).toEqual(full.worksheets.map(sheetGrid))
  return grids
}

describe('the imports read workbooks with the parts they never use skipped, and get the same grids', () => {
  it('on every import fixture of 学前教育 and 优质均衡 (template, county exports, hand-made sheets, a school’s own workbook)', async () => {
    const kgs = workPlanKindergartens()
    const parts = sampleCounty()
    const preschoolTemplate = await preschoolWorkbook()
    const balanceTemplate = await balanceWorkbook()
    const books = [
      preschoolTemplate,
      await fillTemplate(preschoolTemplate, 2024, kgs, 13895),
      await countyExportWorkbook(2024, kgs),
      await handMadeWorkbook(2024, kgs),
      await ownStatisticsWorkbook(2024, kgs[0]),
      balanceTemplate,
      await fillBalanceTemplate(balanceTemplate, 2024, parts),
      await countyStageExport(2024, '小学', parts),
      await countyStageExport(2024, '初中', parts),
      await handMadeDeclaration(2024, parts),
    ]
    for (const b of books) await expectSameGrids(file(b))
  })

  it('on parts as Excel and WPS write them (rich and phonetic shared strings, inline strings, booleans, errors, formulas, dates, merges) with validations, views and print settings', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('表一').getCell('A1').value = 'x'
    wb.addWorksheet('隐藏', { state: 'hidden' }).getCell('B2').value = 1
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer())
    zip.file(
      'xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
<si><t xml:space="preserve"> 学校（机构）名称 </t></si>
<si><r><rPr><b/></rPr><t>在园（班）人数</t></r><r><t xml:space="preserve">：合计</t></r></si>
<si><t>贺兰县&lt;第一&gt;幼儿园&amp;分园&#x4E00;&#20108;</t><rPh sb="0" eb="3"><t>ガ</t></rPh><phoneticPr fontId="1"/></si>
<si/>
</sst>`,
    )
    zip.file(
      'xl/styles.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="177" formatCode="0.00_ "/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="177" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
<dxfs count="1"><dxf><font><color rgb="FFFF0000"/></font></dxf></dxfs>
</styleSheet>`,
    )
    zip.file(
      'xl/worksheets/sheet1.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<dimension ref="A1:H6"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="13.5"/>
<sheetData>
<row r="1" spans="1:8"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="4"/><c r="D1" t="s"><v>3</v></c></row>
<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>1234.5</v></c><c r="C2" s="1"><v>45292</v></c><c r="D2" s="2"><v>45293.75</v></c><c r="E2" s="3"><v>0.30000000000000004</v></c><c r="F2" t="b"><v>1</v></c><c r="G2" t="e"><v>#N/A</v></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>内联 文本</t></is></c><c r="B3"><f>B2*2</f><v>2469</v></c><c r="C3" t="str"><f>A2&amp;"x"</f><v>贺兰&amp;县</v></c><c r="D3" s="1"><f>C2+1</f><v>45293</v></c><c r="E3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F3"><f>NOW()</f></c><c r="G3" t="b"><f>TRUE()</f><v>0</v></c><c r="H3"><f>B4-7</f><v>0</v></c></row>
<row r="4"><c r="A4" t="s"><v>0</v></c><c r="B4"><v>7</v></c><c r="C4" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c></row>
<row r="6" hidden="1"><c r="A6" s="4" t="s"><v>2</v></c><c r="H6" s="3"/></row>
</sheetData>
<mergeCells count="2"><mergeCell ref="A4:A5"/><mergeCell ref="F1:G1"/></mergeCells>
<conditionalFormatting sqref="B2"><cfRule type="cellIs" dxfId="0" priority="1" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>
<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="A2:A100"><formula1>"是,否"</formula1></dataValidation></dataValidations>
<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>
</worksheet>`,
    )
    const path = file(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))
    const grids = await expectSameGrids(path)
    expect(grids.map((g) => g.name)).toEqual(['表一', '隐藏'])
    expect(grids[0].cells[1].slice(0, 7)).toEqual([
      '贺兰县<第一>幼儿园&分园一二',
      '1234.5',
      '2024-01-01',
      '2024-01-02',
      '0.30000000000000004',
      'true',
      '#N/A',
    ])
    expect(grids[0].cells[2].slice(0, 5)).toEqual(['内联 文本', '2469', '贺兰&县', '2024-01-02', '#DIV/0!'])
    // formulas by their cached result, also a falsy one (exceljs's cell value drops a result of 0 or FALSE);
    // a formula the file holds no result for reads as empty
    expect(grids[0].cells[2].slice(5, 8)).toEqual(['', 'false', '0'])
    expect(grids[0].cells[3].slice(0, 3)).toEqual(['学校（机构）名称', '7', '富文本'])
    expect(grids[0].cells[4][0]).toBe('学校（机构）名称') // merged A4:A5
  })

  it('on a 1904-date workbook and a stored (uncompressed) zip', async () => {
    const wb = new ExcelJS.Workbook()
    wb.properties.date1904 = true
    const s = wb.addWorksheet('日期')
    s.getCell('A1').value = new Date(Date.UTC(2024, 8, 1))
    s.getCell('A1').numFmt = 'yyyy-mm-dd'
    s.getCell('B1').value = 3.25
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer())
    const path = file(await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }))
    const grids = await expectSameGrids(path)
    expect(grids[0].cells[0]).toEqual(['2024-09-01', '3.25'])
  })

  it('reads a formula by its cached result, 0 and FALSE too (the table reader of the other imports as well)', async () => {
    const wb = new ExcelJS.Workbook()
    const s = wb.addWorksheet('表')
    s.getCell('A1').value = 3
    s.getCell('B1').value = { formula: 'A1-3', result: 0 }
    s.getCell('C1').value = { formula: 'A1>5', result: false }
    s.getCell('D1').value = { formula: 'A1*2', result: 6 }
    s.getCell('E1').value = { formula: 'NOW()' }
    const path = file(new Uint8Array(await wb.xlsx.writeBuffer()))
    const grids = await expectSameGrids(path)
    expect(grids[0].cells[0]).toEqual(['3', '0', 'false', '6', ''])
    const read = new ExcelJS.Workbook()
    await read.xlsx.readFile(path)
    expect(['A1', 'B1', 'C1', 'D1', 'E1'].map((a) => cellText(read.worksheets[0].getCell(a)))).toEqual(['3', '0', 'false', '6', ''])
  })
})
