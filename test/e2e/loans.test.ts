import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openApp, startApp, type App } from './harness'
import { loanGroup } from '../helpers/loanGroup'
import { pdfText, readXlsx } from '../helpers/files'
import { readFileSync } from 'node:fs'

/*
 * A loan in Mongolian, as the secretariat grants and follows it: the checks
 * shown while the amount is typed, one failing and then passing, the loan
 * granted at the large group's meeting, a repayment, the funds moving; the
 * collection sheet printed, entered, and filled in Excel and imported.
 */
let browser: Browser
let app: App
let page: Page
let g: Awaited<ReturnType<typeof loanGroup>>

beforeAll(async () => {
  browser = await launchBrowser()
  app = await startApp()
  g = await loanGroup((op, input) => app.api(op, input))
  page = await openApp(browser, app, 'mn')
})
afterAll(async () => {
  await browser.close()
  await app.stop()
})

describe('micro loans, in Mongolian', () => {
  it('grants a loan with every check shown, repays an instalment, and the fund (1) follows', async () => {
    await page.evaluate((id) => (window.location.hash = `#/persons/${id}`), g.p[0]!)
    await page.getByRole('heading', { name: 'Зээл', exact: true }).waitFor()
    await expect.poll(() => page.getByTestId('training').textContent()).toBe('Бичил зээлийн сургалтыг 2011.04.01-нд төгссөн')
    await page.getByRole('button', { name: 'Зээл олгох' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Олгосон огноо').fill('2011.06.08')
    // 40 000 ₮ is more than three times her 12 000 ₮ of compulsory savings.
    await dialog.getByLabel('Үндсэн зээл').fill('40 000')
    await expect.poll(() => dialog.getByTestId('check-savingsMultiple').getAttribute('data-pass')).toBe('false')
    expect(await dialog.getByTestId('check-savingsMultiple').textContent()).toContain('40 000 ₮ / 36 000 ₮')
    await dialog.getByLabel('Үндсэн зээл').fill('30 000')
    await expect.poll(() => dialog.getByTestId('check-savingsMultiple').getAttribute('data-pass')).toBe('true')
    expect(await dialog.locator('[data-pass="false"]').count()).toBe(0)
    await dialog.getByLabel('Долоо хоногийн төлөлтийн тоо').fill('10')
    await dialog.getByRole('combobox', { name: 'Баталсан том бүлгийн хурал' }).click()
    await page.getByRole('option', { name: '2011.06.07' }).click()
    await dialog.getByRole('button', { name: 'Хадгалах' }).click()
    await dialog.waitFor({ state: 'hidden' })
    // The loan opens from the list; its first instalment of 3 100 ₮ is repaid on 2011.06.15.
    await page.getByRole('button', { name: 'Зээл 2011.06.08' }).click()
    const loan = page.getByRole('dialog')
    await expect.poll(() => loan.getByTestId('loan-outstanding').textContent()).toBe('30 000 ₮')
    await loan.getByRole('button', { name: 'Эргэн төлөлт', exact: true }).click()
    const repay = page.getByRole('dialog').last()
    await repay.getByLabel('Дүн').fill('3 100')
    await repay.getByLabel('Төлсөн огноо').fill('2011.06.15')
    await repay.getByRole('button', { name: 'Хадгалах' }).click()
    await expect.poll(() => loan.getByTestId('loan-outstanding').textContent()).toBe('27 000 ₮')
    // 3 100 ₮: (3) 1 550, (2) 775, (1) 775 back beside 500 000 − 30 000.
    const funds = await app.api<{ f1: number; f2: number; f3: number }>('groupfunds.balances', { lsgId: g.lsg })
    expect(funds).toMatchObject({ f1: 47_077_500, f2: 77_500, f3: 155_000 })
    // The portfolio on a date: unpaid since 06-22, 28 days late on 07-20 (in PAR1, not PAR30), 33 on 07-25.
    await page.keyboard.press('Escape')
    await page.getByRole('link', { name: 'Зээлийн багц' }).click()
    await page.getByRole('heading', { name: 'Зээлийн багц' }).waitFor()
    await page.getByLabel('Огноо').fill('2011.07.20')
    await expect.poll(() => page.getByTestId('par30').textContent()).toBe('0.0%')
    expect(await page.getByTestId('par1').textContent()).toBe('100.0%')
    await page.getByLabel('Огноо').fill('2011.07.25')
    await expect.poll(() => page.getByTestId('par30').textContent()).toBe('100.0%')
  })

  it('prints a small group’s collection sheet, enters it with one absence and a partial repayment; the passbook, the funds and the portfolio follow', async () => {
    await page.evaluate((id) => (window.location.hash = `#/groups/ssg/${id}`), g.ssg)
    await page.getByRole('link', { name: 'Цуглуулгын хуудас' }).click()
    await page.getByLabel('Болсон огноо').fill('2011.06.22')
    await page.getByLabel('Болсон огноо').press('Tab')
    const sheet = page.getByRole('table', { name: 'Цуглуулгын хуудас' })
    await expect.poll(() => sheet.getByLabel('Зээл төлсөн: Б. Сарангэрэл').inputValue()).toBe('3 100')
    // The printed sheet: each member with what she owes, one page.
    const printed = pdfText(await downloaded(page, 'Хэвлэх (PDF)', 'SPN-collection-DOR-1-A-2011-06-22-mn.pdf'))
    expect(printed).toContain('Цуглуулгын хуудас: DOR-1-A Нарлаг')
    expect(printed).toMatch(/Б\. Сарангэрэл.*3 100 ₮/)
    expect(await sheet.getByLabel('Заавал хадгаламж төлсөн: Б. Оюунчимэг').inputValue()).toBe('1 000')
    await sheet.getByLabel('Ирц: Б. Оюунчимэг').selectOption('absent')
    await sheet.getByLabel('Заавал хадгаламж төлсөн: Б. Оюунчимэг').fill('')
    await sheet.getByLabel('Зээл төлсөн: Б. Сарангэрэл').fill('2 000')
    await sheet.getByLabel('Сайн дурын хадгаламж: Б. Сарангэрэл').fill('500')
    await expect.poll(() => page.getByTestId('sheet-cash').textContent()).toBe('Няравт тушаах бэлэн мөнгө: 3 500 ₮')
    await page.getByRole('button', { name: 'Хадгалах' }).click()
    await expect.poll(() => page.getByTestId('sheet-saved').textContent()).toContain('Няравт тушаах 3 500 ₮')
    const meetings = await app.api<{ meetings: Array<{ heldOn: string; absent: number; present: number }> }>('meetings.list', { groupType: 'ssg', groupId: g.ssg })
    expect(meetings.meetings[0]).toMatchObject({ heldOn: '2011-06-22', absent: 1, present: 1 })
    // 2 000 ₮ of the 3 100 ₮ due: the week's 100 ₮ of interest first, then 1 900 ₮ of principal; her passbook shows it.
    await page.evaluate((id) => (window.location.hash = `#/persons/${id}`), g.p[0]!)
    const passbook = pdfText(await downloaded(page, 'Гишүүний дэвтэр (PDF)', `SPN-passbook-${g.p[0]}-`))
    expect(passbook).toContain('2011.06.22: 2 000 ₮ төлсөн (торгууль 0 ₮, хүү 100 ₮, үндсэн 1 900 ₮)')
    expect(passbook).toMatch(/Сайн дурын\s+500 ₮/)
    // Repayments of 5 100 ₮ in all: (3) 2 550, (2) 1 275, (1) 1 275 back beside 500 000 − 30 000.
    expect(await app.api('groupfunds.balances', { lsgId: g.lsg })).toMatchObject({ f1: 47_127_500, f2: 127_500, f3: 255_000 })
    await page.getByRole('link', { name: 'Зээлийн багц' }).click()
    await page.getByLabel('Огноо').fill('2011.06.22')
    await expect.poll(() => page.getByTestId('pf-outstanding').textContent()).toBe('25 100 ₮')
  })

  it('imports a filled .xlsx sheet of another small group; totals that do not add up are refused, naming the row', async () => {
    const other = await app.api<{ id: number }>('ssgs.create', { lsgId: g.lsg, code: 'DOR-1-B', name: 'Од', formedOn: '2011-03-10', meetingWeekday: 5 })
    const h = await app.api<{ id: number }>('households.create', { branchId: g.branch, singleWomanHeaded: false, childrenCount: 1, areaCode: 'dornogovi', registeredOn: '2011-03-01' })
    const person = await app.api<{ id: number }>('persons.create', { patronymic: 'Дорж', givenName: 'Цэцэг', gender: 'female', branchId: g.branch, householdId: h.id })
    await app.api('roster.join', { ssgId: other.id, personId: person.id, joinedOn: '2011-05-01' })
    await page.evaluate((id) => (window.location.hash = `#/groups/sheet?ssg=${id}&date=2011-06-24`), other.id)
    await page.getByRole('heading', { name: /DOR-1-B/ }).waitFor()
    const wb = await readXlsx(await downloaded(page, 'Excel хуудас', 'SPN-collection-DOR-1-B-2011-06-24-mn.xlsx'))
    const ws = wb.getWorksheet('DOR-1-B 2011-06-24')!
    // Row 6 is Цэцэг's (a title, the period, the header block and the header above); row 7 the totals. The branch office fills it in Excel.
    expect(ws.getRow(6).getCell(2).value).toBe('Д. Цэцэг')
    ws.getRow(6).getCell(4).value = 'Ирсэн'
    ws.getRow(6).getCell(7).value = 1_000
    ws.getRow(7).getCell(7).value = 900
    const file = async () => ({ name: 'DOR-1-B.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) })
    await page.locator('input[type="file"]').setInputFiles(await file())
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('DOR-1-B 2011-06-24 хуудас, 7-р мөр (нийт), Сайн дурын: нийт 900 ₮ таарахгүй байна: мөрүүдийн нийлбэр 1 000 ₮')
    ws.getRow(7).getCell(7).value = 1_000
    await page.locator('input[type="file"]').setInputFiles(await file())
    await expect.poll(() => page.getByTestId('sheet-files-message').textContent()).toContain('1 хуудас орууллаа')
    const savings = await app.api<{ balances: { voluntary: number } }>('savings.ofPerson', { personId: person.id })
    expect(savings.balances.voluntary).toBe(100_000)
    await expect.poll(() => page.getByText('2011.06.24-ний хуудас орсон', { exact: false }).count()).toBe(1)
  })

  it('sets the large group’s loan settings in a new version of its regulations', async () => {
    const members = await app.api<Array<{ personId: number }>>('meetings.sheet', { groupType: 'lsg', groupId: g.lsg, heldOn: '2011-07-05' })
    await app.api('meetings.record', { groupType: 'lsg', groupId: g.lsg, heldOn: '2011-07-05', attendance: members.map(({ personId }) => ({ personId, status: 'present' })) })
    await page.evaluate((id) => (window.location.hash = `#/groups/lsg/${id}`), g.lsg)
    await page.getByRole('heading', { name: 'Журам' }).waitFor()
    // No version sets them yet: the defaults of DOMAIN.md.
    await expect.poll(() => page.getByTestId('loan-settings').count()).toBe(0)
    await page.getByRole('button', { name: 'Шинэ хувилбар батлах' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('combobox', { name: 'Баталсан хурал' }).click()
    await page.getByRole('option', { name: '2011.07.05' }).click()
    for (const area of await dialog.locator('textarea').all()) await area.fill('Гишүүдийн хурлаар баталсан')
    expect(await dialog.getByLabel('(2) сангийн хувь, %').inputValue()).toBe('50')
    await dialog.getByLabel('(2) сангийн хувь, %').fill('40')
    await dialog.getByLabel('Дээд хэмжээ, 1-р зээл').fill('250 000')
    await dialog.getByRole('button', { name: 'Хадгалах' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => page.getByTestId('loan-settings').textContent()).toContain('эргэн төлөлтийн эхний хагасын 40% (2) санд')
    expect(await page.getByTestId('loan-settings').textContent()).toContain('250 000 ₮ / 300 000 ₮ / 400 000 ₮')
    const docs = await app.api<Array<{ loanSettings: { shareF2Percent: number; cycleCapsMinor: number[] } | null }>>('documents.ofGroup', { groupType: 'lsg', groupId: g.lsg })
    expect(docs[0]!.loanSettings).toMatchObject({ shareF2Percent: 40, cycleCapsMinor: [25_000_000, 30_000_000, 40_000_000] })
  })
})

/** Clicks a button that produces a file and returns the file the browser downloaded. */
async function downloaded(page: Page, button: string, name: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()])
  expect(download.suggestedFilename()).toContain(name)
  return readFileSync((await download.path())!)
}
