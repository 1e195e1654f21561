import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openApp, startApp, type App } from './harness'
import { expectText, nav } from './pages'
import { num, readXlsx, rowLabelled } from '../helpers/files'

let browser: Browser
let app: App
let page: Page

const MEMBERS = [
  ['Сарантуяа', 'ДО80010126', 'female'],
  ['Оюунчимэг', 'ДО81020226', 'female'],
  ['Болормаа', 'ДО82030326', 'female'],
  ['Батбаяр', 'ДО83040415', 'male'],
] as const

beforeAll(async () => {
  browser = await launchBrowser()
  app = await startApp()
  const branch = await app.api<{ id: number }>('branches.create', { code: 'DOR', nameMn: 'Дорноговь', nameEn: 'Dornogovi', areaCode: 'dornogovi', isProjectBranch: true })
  for (const [givenName, registerNumber, gender] of MEMBERS) {
    const p = await app.api<{ id: number }>('persons.create', { patronymic: 'Цэнд', givenName, registerNumber, gender, branchId: branch.id })
    const m = await app.api<{ id: number }>('members.apply', { member: { type: 'person', personId: p.id }, branchId: branch.id, date: '2008-01-10' })
    await app.api('members.decide', { membershipId: m.id, decision: 'accepted', date: '2008-02-01' })
  }
  page = await openApp(browser, app, 'en')
})
afterAll(async () => {
  await page.context().close()
  await browser.close()
  await app.stop()
})

async function choose(label: string, option: string, scope = page.locator('body')) {
  await scope.getByRole('combobox', { name: label }).first().click()
  // Persons are listed with their register number, to tell namesakes apart.
  await page.getByRole('option', { name: new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(.+\\))?$`) }).click()
}

describe('governance in Chromium', () => {
  it('records an assembly with quorum, a local fee, an election with a tie and its resolution, and shows the new board', async () => {
    await nav(page, 'Assemblies').click()
    await page.getByRole('button', { name: 'Record assembly' }).click()
    const dialog = page.getByRole('dialog')
    await choose('Local organisation', 'Dornogovi', dialog)
    await dialog.getByLabel('Date').fill('2009-03-02')
    await dialog.getByLabel('Place').fill('Сайншанд')
    // Who attended: the four eligible members are listed; three are ticked.
    await expect.poll(() => dialog.getByTestId('attendance-count').textContent()).toBe('Present: 0 of 4 eligible')
    for (const [name] of MEMBERS.slice(0, 3)) await dialog.getByRole('checkbox', { name: new RegExp(`^Ц\\. ${name}`) }).check()
    await expect.poll(() => dialog.getByTestId('attendance-count').textContent()).toBe('Present: 3 of 4 eligible')
    await dialog.getByLabel('Decisions').fill('Approved the 2008 report.')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => page.getByTestId('quorum-line').textContent()).toBe('3 present of 4 eligible; 3 needed')
    await expectText(page, 'Quorum met')
    const attendees = await page.getByTestId('attendees').textContent()
    expect(attendees).toMatch(/^Ц\. Болормаа ДО82030326, Ц\. Оюунчимэг ДО81020226, Ц\. Сарантуяа ДО80010126$/)

    // A correction of the record: the place was typed wrong; the old and new value and why are kept and shown.
    await page.getByRole('button', { name: 'Correct the record' }).click()
    await dialog.getByLabel('Place').fill('Замын-Үүд')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expectText(page, 'is required')
    await dialog.getByLabel('Why it is corrected').fill('The assembly met in Zamyn-Üüd')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const corrections = page.getByRole('table', { name: 'Corrections' })
    await expect.poll(() => corrections.textContent()).toMatch(/Place\s*Сайншанд\s*Замын-Үүд\s*The assembly met in Zamyn-Üüd/)

    await page.getByRole('textbox', { name: 'Local fee per member per year (₮)' }).fill('10000')
    await page.getByRole('button', { name: 'Record fee decision' }).click()
    await expect.poll(() => page.getByTestId('fee-decision').textContent()).toBe('Local fee: 10 000 ₮')

    await page.getByRole('textbox', { name: 'Seats' }).fill('2')
    const votes = [3, 1, 1]
    for (let i = 0; i < 3; i++) {
      if (i > 0) await page.getByRole('button', { name: 'Add candidate' }).click()
      await choose(`Candidate ${i + 1}`, `Ц. ${MEMBERS[i][0]}`)
      await page.getByRole('textbox', { name: `Votes ${i + 1}` }).fill(String(votes[i]))
    }
    await page.getByRole('button', { name: 'Record election' }).click()
    await expectText(page, 'Tie for the last seat: the assembly must decide.')
    await page.getByRole('checkbox', { name: 'Ц. Болормаа' }).check()
    await page.getByRole('textbox', { name: 'Decision of the assembly' }).fill('Second ballot: 2 votes to 1')
    await page.getByRole('button', { name: 'Record tie resolution' }).click()
    await expectText(page, 'Decision of the assembly: Second ballot: 2 votes to 1')
    await choose('Roles: Ц. Сарантуяа', 'Chair')
    await choose('Roles: Ц. Болормаа', 'Treasurer')
    await page.getByRole('button', { name: 'Save roles' }).click()
    await expect.poll(async () => (await app.api<Array<{ seats: Array<{ role: string }> }>>('boards.current', {}))[0]?.seats.map((s) => s.role)).toEqual(['chair', 'treasurer'])

    await nav(page, 'Boards').click()
    const board = page.getByTestId('board-Dornogovi')
    await board.waitFor()
    expect(await board.textContent()).toMatch(/Ц\. Сарантуяа.*Chair.*Ц\. Болормаа.*Treasurer/)
    expect(await board.textContent()).toContain('Elected 2009.03.02')
  })

  it('records a payment from the "who has not paid" list and exports the fees report', async () => {
    await nav(page, 'Fees').click()
    await page.getByRole('heading', { name: 'Fees' }).waitFor()
    await page.getByRole('tab', { name: 'Who has not paid' }).click()
    await page.getByRole('button', { name: 'Record payment: Ц. Сарантуяа' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Receipt number').fill('Д-2009-001')
    await dialog.getByRole('textbox', { name: 'Amount (₮)' }).fill('4000')
    await dialog.getByLabel('Paid on').fill('2009-04-01')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    await page.getByRole('tab', { name: 'Payments' }).click()
    await expectText(page, 'Д-2009-001')

    // Paying more than is still due is refused, with the amount named.
    await page.getByRole('tab', { name: 'Who has not paid' }).click()
    await page.getByRole('button', { name: 'Record payment: Ц. Сарантуяа' }).click()
    await page.getByRole('dialog').getByLabel('Receipt number').fill('Д-2009-002')
    await page.getByRole('dialog').getByRole('textbox', { name: 'Amount (₮)' }).fill('7000')
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click()
    await expectText(page, 'The amount 7 000 ₮ is more than the 6 000 ₮ still due for 2009 (due 10 000 ₮, paid 4 000 ₮)')
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()

    await nav(page, 'Reports').click()
    await choose('Report', 'Fees report')
    await choose('Language of the report', 'English')
    await choose('Format', 'Excel (.xlsx)')
    await page.getByRole('combobox', { name: 'Year' }).fill('2009')
    await page.getByRole('option', { name: '2009', exact: true }).click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save file' }).click()])
    expect(download.suggestedFilename()).toBe('SPN-fees-2009-en.xlsx')
    const wb = await readXlsx(readFileSync((await download.path())!))
    const total = rowLabelled(wb.getWorksheet('Local fees')!, 'Total')
    expect([num(total.getCell(3)), num(total.getCell(4)), num(total.getCell(5)), num(total.getCell(6))]).toEqual([4, 40000, 4000, 36000])
  })
})
