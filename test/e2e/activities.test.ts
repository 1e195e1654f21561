import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openApp, startApp, type App } from './harness'
import { loanGroup } from '../helpers/loanGroup'
import { num, pdfText, readXlsx, rowLabelled } from '../helpers/files'
import { readFileSync } from 'node:fs'

/*
 * An activity as the secretariat records it, in Mongolian: a micro-credit
 * education for small group DOR-1-A, its members picked from the large group
 * (one unticked: she had been trained already), someone from outside typed
 * in; her training then shows on the member's page; the voucher that paid
 * for the hall is linked and the cost appears in ₮ and DKK; the results
 * framework's people reached goes from 0 to 2 and takes a comment; the
 * activities report of the year, saved from the Reports page, counts them.
 */
let browser: Browser
let app: App
let page: Page
let g: Awaited<ReturnType<typeof loanGroup>>
let project: { id: number; lines: Array<{ id: number; code: string }>; sources: Array<{ id: number }> }

beforeAll(async () => {
  browser = await launchBrowser()
  app = await startApp()
  g = await loanGroup((op, input) => app.api(op, input))
  project = ((await app.api('finance.projects', {})) as Array<typeof project & { code: string }>).find((p) => p.code === 'SPN-2011')!
  // 10 000 DKK became 2 500 000 ₮; the hall for the training cost 400 000 ₮ (DKK 1 600,00).
  await app.api('transfers.create', { projectId: project.id, sentOn: '2011-03-01', dkkMinor: 1_000_000, receivedOn: '2011-03-05', mntMinor: 250_000_000 })
  const line = project.lines.find((l) => l.code === '1.1')!.id
  await app.api('expenses.create', { projectId: project.id, spentOn: '2011-05-03', voucher: 'С-17', lineId: line, branchId: g.branch, description: 'Танхимын түрээс', amountMinor: 40_000_000, currency: 'MNT', sourceId: project.sources[0]!.id })
  page = await openApp(browser, app, 'mn')
})
afterAll(async () => {
  await browser.close()
  await app.stop()
})

const reached = () => page.getByTestId('indicator-P3.1').locator('td').nth(3).locator('span').first().textContent()

describe('activities, in Mongolian', () => {
  it('records a micro-credit education with participants picked from a group and one from outside; her training, the cost, the indicator of people reached and the activities report follow; the progress report is exported', async () => {
    // The results framework gets an indicator of the people the activities reach, computed from the records.
    await page.evaluate(() => (window.location.hash = '#/results'))
    await page.getByRole('button', { name: 'Шалгуур үзүүлэлт нэмэх' }).click()
    const form = page.getByRole('dialog')
    await form.getByRole('textbox', { name: /^Код/ }).fill('P3.1')
    await form.getByRole('combobox', { name: 'Юунаас тооцоолох' }).click()
    await page.getByRole('option', { name: 'Үйл ажиллагааны давхардаагүй оролцогч' }).click()
    await form.getByRole('textbox', { name: /^Монгол нэр/ }).fill('Үйл ажиллагаанд хамрагдсан хүн')
    await form.getByRole('textbox', { name: /^Англи нэр/ }).fill('People reached')
    await form.getByRole('textbox', { name: '1-р жил' }).fill('4')
    await form.getByRole('button', { name: 'Хадгалах' }).click()
    await form.waitFor({ state: 'hidden' })
    await expect.poll(reached).toBe('0')
    await page.evaluate(() => (window.location.hash = '#/activities'))
    await page.getByRole('button', { name: 'Үйл ажиллагаа бүртгэх' }).click()
    await page.getByRole('heading', { name: 'Үйл ажиллагаа бүртгэх' }).waitFor()
    await page.getByRole('combobox', { name: /^Төрөл/ }).click()
    await page.getByRole('option', { name: 'Бичил зээлийн сургалт' }).click()
    await page.getByRole('textbox', { name: /^Эхэлсэн/ }).fill('2011.05.02')
    await page.getByRole('textbox', { name: /^Дууссан/ }).fill('2011.05.03')
    await page.getByRole('textbox', { name: /^Гарчиг/ }).fill('Бичил зээлийн сургалт: DOR-1-A')
    await page.getByRole('combobox', { name: /^Бүсүүд/ }).click()
    await page.getByRole('option', { name: 'Дорноговь' }).click()
    await page.keyboard.press('Escape')
    await page.getByRole('combobox', { name: /^Төсвийн дэд мөр/ }).click()
    await page.getByRole('option', { name: /^1\.1 / }).click()
    // The whole large group, ticked; Сарангэрэл was trained in April: untick her.
    await page.getByRole('combobox', { name: 'Том бүлэг эсвэл орон нутгийн байгууллага' }).click()
    await page.getByRole('option', { name: 'DOR-1 Сайншанд-1' }).click()
    await page.getByRole('checkbox', { name: 'Б. Сарангэрэл' }).uncheck()
    await page.getByRole('button', { name: 'Чагтласан 1 хүнийг нэмэх' }).click()
    await page.locator('label').filter({ hasText: /^Гаднаас$/ }).click()
    await page.getByRole('textbox', { name: 'Нэр', exact: true }).fill('Г. Нямаа')
    await page.getByRole('button', { name: 'Нэмэх', exact: true }).click()
    expect(await page.getByTestId('participant-count').textContent()).toBe('2 оролцогч')
    await page.getByRole('button', { name: 'Үйл ажиллагааг бүртгэх' }).click()

    await page.getByRole('heading', { name: 'Бичил зээлийн сургалт: DOR-1-A' }).waitFor()
    expect(await page.getByRole('status').filter({ hasText: 'Бичил зээлийн сургалтыг' }).textContent()).toBe('Бичил зээлийн сургалтыг 1 оролцогчид дүүргэсэн гэж бүртгэв')
    const names = await page.getByRole('table', { name: 'Оролцогчид' }).locator('tbody tr td:first-child').allTextContents()
    expect(names).toEqual(['Б. Оюунчимэг', 'Г. Нямаа'])

    // The voucher of the hall, chosen from the project's expenses of the sub-line around the dates.
    await page.getByRole('button', { name: 'Зардлуудыг сонгох' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('checkbox', { name: 'С-17' }).check()
    await dialog.getByRole('button', { name: 'Хадгалах' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => page.getByTestId('activity-cost').textContent()).toBe('400 000 ₮ · DKK 1 600,00')

    // Оюунчимэг's page now says she completed the training on the education's last day.
    await page.getByRole('link', { name: 'Б. Оюунчимэг' }).click()
    await expect.poll(() => page.getByTestId('training').textContent()).toBe('Бичил зээлийн сургалтыг 2011.05.03-нд төгссөн')

    await page.evaluate(() => (window.location.hash = '#/activities'))
    await expect.poll(() => page.getByTestId('activity-totals').textContent()).toBe('1 үйл ажиллагаа · 2 оролцогч · 400 000 ₮ · DKK 1 600,00')

    // The indicator now counts the two she and the man from outside are, half the target of 4.
    await page.evaluate(() => (window.location.hash = '#/results'))
    await expect.poll(reached).toBe('2')
    expect(await page.getByTestId('indicator-P3.1').locator('td').nth(3).getByText('50%').count()).toBe(1)
    // A comment for the progress report, entered on the indicator's page.
    await page.getByRole('link', { name: 'Үйл ажиллагаанд хамрагдсан хүн' }).click()
    await page.getByRole('combobox', { name: 'Төслийн жил' }).click()
    await page.getByRole('option', { name: '1-р жил' }).click()
    await page.getByRole('textbox', { name: 'Тайлбар' }).fill('Эхний бичил зээлийн сургалт')
    await page.getByRole('button', { name: 'Хадгалах' }).click()
    await expect.poll(() => page.getByTestId('year-1').locator('td').nth(6).textContent()).toContain('Эхний бичил зээлийн сургалт')

    // The activities report of 2011, as the secretariat saves it.
    await page.evaluate(() => (window.location.hash = '#/reports'))
    await page.getByRole('combobox', { name: 'Тайлан', exact: true }).click()
    await page.getByRole('option', { name: 'Үйл ажиллагаа, оролцогчид' }).click()
    await page.getByRole('combobox', { name: 'Формат' }).click()
    await page.getByRole('option', { name: 'Excel (.xlsx)' }).click()
    await page.getByRole('combobox', { name: 'Он' }).fill('2011')
    await page.getByRole('option', { name: '2011', exact: true }).click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Файл хадгалах' }).click()])
    const wb = await readXlsx(readFileSync((await download.path())!))
    const cover = wb.getWorksheet('Нүүр')!
    expect(['Арга хэмжээ', 'Оролцсон тоо', 'Давхардаагүй оролцогч', 'Зардал, ₮'].map((l) => num(rowLabelled(cover, l).getCell(2)))).toEqual([1, 2, 2, 400_000])

    // The progress report of project year 1, as a PDF for the donor: the indicator with its comment.
    await page.getByRole('combobox', { name: 'Тайлан', exact: true }).click()
    await page.getByRole('option', { name: 'Хандивлагчид өгөх явцын тайлан' }).click()
    await page.getByRole('combobox', { name: 'Формат' }).click()
    await page.getByRole('option', { name: 'PDF' }).click()
    await page.getByRole('combobox', { name: 'Төслийн жил' }).click()
    await page.getByRole('option', { name: 'Төслийн жил 1' }).click()
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Файл хадгалах' }).click()])
    expect(pdf.suggestedFilename()).toBe('SPN-progress-Y1-mn.pdf')
    const text = pdfText(readFileSync((await pdf.path())!))
    expect(text).toContain('Жилийн явцын тайлан')
    expect(text).toContain('Эхний бичил зээлийн сургалт')
  })
})
