import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openApp, startApp, type App } from './harness'
import { settled } from './screen'
import { num, readXlsx, rowLabelled } from '../helpers/files'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/*
 * A real office, in Mongolian, from an empty data folder: it adds its local
 * organisations, sets up its project from the agreement (two funding sources,
 * the budget lines pasted from Excel), enters the first budget (one source
 * typed, the other imported from the app's template), records a transfer and
 * an expense, voids the expense and records it again; the budget against
 * actual and the financial report count the standing one.
 */
let browser: Browser
let app: App
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  app = await startApp()
  page = await openApp(browser, app, 'mn')
})
afterAll(async () => {
  await browser.close()
  await app.stop()
})

type Project = { id: number; code: string; grantMinor: number; years: number; mainLines: Array<{ code: string }>; lines: Array<{ id: number; code: string }>; sources: Array<{ id: number; code: string }>; versions: unknown[] }

describe('setting up from nothing, in Mongolian', () => {
  it('sets up the project, its first budget, a transfer and an expense voided and recorded again', async () => {
    // The empty register leads to the local organisations; two are added.
    await page.getByRole('button', { name: 'Байгууллага нэмэх' }).click()
    await page.getByRole('heading', { name: 'Орон нутгийн байгууллага' }).waitFor()
    for (const [code, mn, en, area] of [['DOR', 'Дорноговь', 'Dornogovi', 'Дорноговь'], ['ORK', 'Орхон', 'Orkhon', 'Орхон']] as const) {
      await page.getByRole('button', { name: 'Байгууллага нэмэх' }).click()
      const form = page.getByRole('dialog')
      await form.getByLabel('Код').fill(code)
      await form.getByLabel('Аймаг, дүүрэг').fill(area)
      await page.getByRole('option', { name: area, exact: true }).click()
      await form.getByLabel('Нэр (монгол)').fill(mn)
      await form.getByLabel('Нэр (англи)').fill(en)
      await form.getByRole('checkbox').check()
      await form.getByRole('button', { name: 'Хадгалах' }).click()
      await form.waitFor({ state: 'hidden' })
    }
    const branches = await app.api<Array<{ id: number; code: string; isProjectBranch: boolean }>>('branches.list', {})
    expect(branches.map((b) => [b.code, b.isProjectBranch])).toEqual([['DOR', true], ['ORK', true]])

    await page.evaluate(() => (window.location.hash = '#/budget'))
    await page.getByRole('button', { name: 'Төсөл үүсгэх' }).click()
    await page.getByRole('heading', { name: 'Төсөл үүсгэх' }).waitFor()
    await page.getByLabel('Монгол нэр').first().fill('Хадгаламж, зээлийн хоршоо')
    await page.getByLabel('Англи нэр').first().fill('Savings and loan cooperatives')
    await page.getByLabel('Хандивлагч (монголоор)').fill('ДАНИДА')
    await page.getByLabel('Хандивлагч (англиар)').fill('DANIDA')
    await page.getByLabel('Код').first().fill('SPN-2011')
    await page.getByLabel('Эхлэх огноо').fill('2011.03.01') // as the app writes dates
    await page.getByLabel('Дуусах огноо').fill('2014.02.28')
    await page.getByRole('textbox', { name: 'Код 1', exact: true }).first().fill('DANIDA')
    await page.getByRole('textbox', { name: 'Монгол нэр 1' }).first().fill('ДАНИДА-гийн тусламж')
    await page.getByRole('textbox', { name: 'Англи нэр 1' }).first().fill('DANIDA grant')
    await page.getByRole('textbox', { name: 'Амласан дүн 1' }).fill('300 000,00')
    await page.getByRole('button', { name: 'Эх үүсвэр нэмэх' }).click()
    await page.getByRole('textbox', { name: 'Код 2', exact: true }).first().fill('DMS')
    await page.getByRole('combobox', { name: 'Төрөл 2' }).click()
    await page.getByRole('option', { name: 'Хамтын санхүүжилт' }).click()
    await page.getByRole('textbox', { name: 'Монгол нэр 2' }).first().fill('ДМН-ийн санхүүжилт')
    await page.getByRole('textbox', { name: 'Англи нэр 2' }).first().fill('DMS co-funding')
    await page.getByRole('textbox', { name: 'Амласан дүн 2' }).fill('20 000')
    // The budget structure, pasted from the budget in Excel.
    await page.getByLabel('Excel-ээс буулгах').fill(['1\tҮйл ажиллагаа\tActivities', '1.1\tСургалт\tTraining', '1.2\tЗээлийн сан\tLoan funds', '13\tДани дахь захиргаа\tAdministration in Denmark', '13.1\tЗахиргаа\tAdministration'].join('\n'))
    await page.getByRole('button', { name: 'Буулгасан мөрүүдийг нэмэх' }).click()
    await page.getByRole('button', { name: 'Хадгалах' }).click()

    // The Budget page of the new project offers its first budget: DMS's part typed…
    await page.getByRole('button', { name: 'Анхны төсөв оруулах' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.locator('label').filter({ hasText: 'ДМН-ийн санхүүжилт' }).click()
    for (const y of [1, 2]) await dialog.getByRole('textbox', { name: `13.1 ${y}-р жил` }).fill('5 000')
    // …and DANIDA's imported from the template the app offers, filled in as in Excel.
    const [created] = await app.api<Project[]>('finance.projects', {})
    const template = await app.api<{ base64: string }>('budget.template', { projectId: created!.id, lang: 'mn' })
    const filled = await readXlsx(Buffer.from(template.base64, 'base64'))
    const sheet = filled.worksheets[0]!
    const fill: Record<string, [string | number, string | number]> = { '1.1': [40000, '40 000'], '1.2': ['55 000,00', 55000] }
    sheet.eachRow((row, n) => {
      if (n === 1) return
      const [y1, y2] = row.getCell(3).value === 'DANIDA' ? (fill[String(row.getCell(1).value)] ?? [null, null]) : [null, null]
      // The DMS rows are left out of the file: that part stays as typed.
      if (row.getCell(3).value === 'DMS') for (let c = 1; c <= 7; c++) row.getCell(c).value = null
      else {
        row.getCell(4).value = y1
        row.getCell(5).value = y2
      }
    })
    const folder = mkdtempSync(join(tmpdir(), 'spn-budget-'))
    const path = join(folder, 'төсөв.xlsx')
    writeFileSync(path, Buffer.from(await filled.xlsx.writeBuffer()))
    await dialog.locator('input[type=file]').setInputFiles(path)
    await dialog.getByRole('button', { name: 'Файлаас бөглөх' }).click()
    await dialog.getByRole('status').filter({ hasText: 'төсөв.xlsx файлаас бөглөв: ДАНИДА-гийн тусламж, 4 дүн' }).waitFor()
    await expect(dialog.getByRole('textbox', { name: '1.2 2-р жил' }).inputValue()).resolves.toBe('55 000,00')
    await dialog.getByRole('button', { name: 'Хадгалах' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await settled(page)

    const [project] = await app.api<Project[]>('finance.projects', {})
    expect(project).toMatchObject({ code: 'SPN-2011', grantMinor: 30_000_000, years: 3, versions: [expect.anything()] })
    expect(project!.mainLines.map((m) => m.code)).toEqual(['1', '13'])
    expect(project!.lines.map((l) => l.code)).toEqual(['1.1', '1.2', '13.1'])
    const budget = await app.api<{ totalMinor: number }>('budget.get', { projectId: project!.id })
    expect(budget.totalMinor).toBe(2 * (4_000_000 + 5_500_000 + 500_000))
    const [danida, dms] = project!.sources.map((s) => s.id)
    expect((budget as unknown as { totalsBySource: Record<number, number> }).totalsBySource).toEqual({ [danida!]: 19_000_000, [dms!]: 1_000_000 })

    // A transfer, an expense typed wrong, voided, and recorded right.
    await app.api('transfers.create', { projectId: project!.id, sentOn: '2011-03-10', dkkMinor: 5_000_000, receivedOn: '2011-03-14', mntMinor: 1_150_000_000, reference: 'T-1' })
    const line = project!.lines.find((l) => l.code === '1.1')!.id
    const source = project!.sources[0]!.id
    const wrong = await app.api<{ id: number }>('expenses.create', { projectId: project!.id, spentOn: '2011-04-01', voucher: 'V-1', lineId: line, branchId: branches[0]!.id, description: 'Сургалт', amountMinor: 12_500_000, currency: 'MNT', sourceId: source })
    await page.evaluate(() => (window.location.hash = '#/expenses'))
    await settled(page)
    await page.getByRole('button', { name: 'Хүчингүй болгох: V-1' }).click()
    await page.getByRole('dialog').getByLabel('Шалтгаан').fill('Дүнг буруу бичсэн')
    await page.getByRole('dialog').getByRole('button', { name: 'Хадгалах' }).click()
    await page.getByRole('dialog').waitFor({ state: 'hidden' })
    expect((await app.api<{ rows: Array<{ id: number; voided: unknown }> }>('expenses.search', { projectId: project!.id, withVoided: true })).rows.find((e) => e.id === wrong.id)?.voided).not.toBeNull()
    await app.api('expenses.create', { projectId: project!.id, spentOn: '2011-04-01', voucher: 'V-1', lineId: line, branchId: branches[0]!.id, description: 'Сургалт', amountMinor: 1_250_000, currency: 'MNT', sourceId: source })
    const bva = await app.api<{ totals: { actualMntMinor: number; actualDkkMinor: number } }>('finance.budgetVsActual', { projectId: project!.id })
    expect(bva.totals.actualMntMinor).toBe(1_250_000)
    // The financial report of this project counts the standing expense, not the voided one.
    const file = await app.api<{ base64: string }>('reports.generate', { report: 'financial', format: 'xlsx', lang: 'en', projectId: project!.id })
    const wb = await readXlsx(Buffer.from(file.base64, 'base64'))
    const total = rowLabelled(wb.getWorksheet('Main lines')!, 'Total')
    expect(Math.round(num(total.getCell(5)) * 100)).toBe(bva.totals.actualDkkMinor)
    expect(bva.totals.actualDkkMinor).toBe(5_435) // 12 500 ₮ at 230 ₮ per krone: DKK 54,35
  })
})
