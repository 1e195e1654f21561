import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openApp, startApp, type App } from './harness'
import { readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { expectText, nav } from './pages'
import { num, readXlsx, rowLabelled } from '../helpers/files'

let browser: Browser
let app: App
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  app = await startApp(undefined, ['--demo'])
  page = await openApp(browser, app, 'en')
})
afterAll(async () => {
  await page.context().close()
  await browser.close()
  await app.stop()
})

describe('project finance in Chromium', () => {
  it('reads amounts as staff type and paste them, and refuses what could be misread', async () => {
    await nav(page, 'Transfers').click()
    await page.getByRole('button', { name: 'Record transfer' }).click()
    const dialog = page.getByRole('dialog')
    const dkk = dialog.getByRole('textbox', { name: 'DKK sent' })
    const mnt = dialog.getByRole('textbox', { name: 'MNT received' })
    await dialog.getByLabel(/^Sent/).fill('2010-11-01')
    await dialog.getByLabel(/^Received/).fill('2010-11-03')
    // Ambiguous in kroner, decimals in tögrög: refused, saying why, nothing saved.
    await dkk.pressSequentially('1,250')
    await mnt.pressSequentially('2 750,50')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expectText(page, '"1,250" could be 1 250 or 1,250')
    await expectText(page, '"2 750,50": tögrög are written without decimals')
    // Typed plainly, the field shows it in the display format on leaving it; pasted in that format, it reads the same.
    await dkk.fill('')
    await dkk.pressSequentially('150000')
    await dkk.press('Tab')
    expect(await dkk.inputValue()).toBe('150 000,00')
    await mnt.fill('36 789 000 ₮')
    await dialog.getByLabel('Reference').fill('E2E-AMOUNTS')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const transfers = await app.api<Array<{ reference: string | null; dkkMinor: number; mntMinor: number }>>('transfers.list', { projectId: 1 })
    expect(transfers.find((x) => x.reference === 'E2E-AMOUNTS')).toMatchObject({ dkkMinor: 15_000_000, mntMinor: 3_678_900_000 })
  })

  it('asks before saving a rate far from the previous transfer, and saves it when confirmed', async () => {
    await nav(page, 'Transfers').click()
    await page.getByRole('button', { name: 'Record transfer' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel(/^Sent/).fill('2010-11-10')
    await dialog.getByRole('textbox', { name: 'DKK sent' }).fill('100 000,00')
    await dialog.getByLabel(/^Received/).fill('2010-11-12')
    await dialog.getByRole('textbox', { name: 'MNT received' }).fill('2 453 210')
    await dialog.getByLabel('Reference').fill('E2E-RATE')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expectText(page, /The rate 24\.5321 is \d+% below the previous transfer's/)
    expect((await app.api<Array<{ reference: string | null }>>('transfers.list', { projectId: 1 })).map((x) => x.reference)).not.toContain('E2E-RATE')
    await dialog.getByRole('button', { name: 'Save anyway' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const saved = (await app.api<Array<{ id: number; reference: string | null }>>('transfers.list', { projectId: 1 })).find((x) => x.reference === 'E2E-RATE')!
    await app.api('transfers.void', { id: saved.id, reason: 'E2E' })
  })

  it('voids an expense with a reason: it leaves the totals and stays on request, struck through, with who and why', async () => {
    await page.goto(`${app.url}#/expenses?from=2010-06-01&to=2010-06-30`)
    const totals = page.getByTestId('expense-totals')
    await totals.waitFor()
    const before = await totals.textContent()
    const first = page.locator('table[aria-label="Expenses"] tbody tr').first()
    const voucher = (await first.locator('td').nth(1).textContent())!.trim()
    await page.getByRole('button', { name: `Void: ${voucher}` }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expectText(page, 'is required')
    await dialog.getByLabel('Why').fill('Entered twice')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => totals.textContent()).not.toBe(before)
    expect(await page.locator('table[aria-label="Expenses"]').textContent()).not.toContain(voucher)
    await page.getByRole('checkbox', { name: 'Show voided' }).check()
    await expectText(page, /Voided by .* Entered twice/)
    expect(await totals.textContent()).not.toBe(before)
    const row = page.locator('table[aria-label="Expenses"] tbody tr', { hasText: voucher })
    expect(await row.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe('line-through')
    expect(page.url()).toContain('voided=true')
  })

  it('records a transfer, imports a small ledger, and shows budget against actual agreeing with the ledger', async () => {
    await nav(page, 'Transfers').click()
    await page.getByRole('button', { name: 'Record transfer' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel(/^Sent/).fill('2010-10-01')
    await dialog.getByRole('textbox', { name: 'DKK sent' }).fill('100000')
    await dialog.getByLabel(/^Received/).fill('2010-10-04')
    await dialog.getByRole('textbox', { name: 'MNT received' }).fill('24532100')
    await dialog.getByLabel('Reference').fill('E2E-1')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expectText(page, '245.3210')

    const dir = mkdtempSync(join(tmpdir(), 'spn-ledger-'))
    const file = join(dir, 'ledger.csv')
    writeFileSync(
      file,
      [
        'Expense ledger, Dornogovi, October 2010',
        '',
        'Огноо;Баримтын дугаар;Төсвийн мөр;Салбар;Гүйлгээний утга;Дүн;Валют;Санхүүжилтийн эх үүсвэр',
        '2010.10.05;E2E-001;1.1;Дорноговь;Сургалт;1 250 000;MNT;DANIDA',
        '2010.10.06;E2E-002;6.1;Дорноговь;Хяналтын айлчлал;350 000;MNT;DANIDA',
      ].join('\n'),
    )
    await nav(page, 'Expenses').click()
    await page.getByRole('button', { name: 'Import ledger' }).click()
    await page.locator('input[type=file]').setInputFiles(file)
    await page.getByRole('button', { name: 'Check the file' }).click()
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toBe('2 rows under the header on row 3; 0 problems')
    await page.getByRole('button', { name: 'Import 2 rows' }).click()
    await expectText(page, '2 expenses imported.')
    await page.keyboard.press('Escape')

    const ledger = await app.api<{ totals: { dkkMinor: number } }>('expenses.search', { projectId: 1, pageSize: 1 })
    await nav(page, 'Budget vs actual').click()
    await page.getByRole('heading', { name: 'Budget vs actual' }).waitFor()
    const expected = `${Math.trunc(ledger.totals.dkkMinor / 100).toLocaleString('en').replace(/,/g, ' ')},${String(ledger.totals.dkkMinor % 100).padStart(2, '0')}`
    await expect.poll(() => page.getByTestId('bva-total-dkk').textContent()).toBe(expected)
    const imported = await app.api<{ rows: Array<{ voucher: string; dkkMinor: number }> }>('expenses.search', { projectId: 1, from: '2010-10-05', to: '2010-10-06' })
    expect(imported.rows.map((r) => r.voucher).filter((v) => v.startsWith('E2E')).sort()).toEqual(['E2E-001', 'E2E-002'])
  })

  it('exports the donor financial report and reads it back', async () => {
    await nav(page, 'Reports').click()
    await page.getByRole('combobox', { name: 'Report', exact: true }).click()
    await page.getByRole('option', { name: 'Financial report to the donor' }).click()
    await page.getByRole('combobox', { name: 'Language of the report' }).click()
    await page.getByRole('option', { name: 'English' }).click()
    await page.getByRole('combobox', { name: 'Format' }).click()
    await page.getByRole('option', { name: 'Excel (.xlsx)' }).click()
    await page.getByRole('combobox', { name: 'Project year' }).click()
    await page.getByRole('option', { name: 'Whole project (cumulative)' }).click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save file' }).click()])
    expect(download.suggestedFilename()).toBe('SPN-financial-cumulative-en.xlsx')
    const wb = await readXlsx(readFileSync((await download.path())!))
    const bva = await app.api<{ totals: { actualDkkMinor: number; revisedMinor: number } }>('finance.budgetVsActual', { projectId: 1, projectYear: null })
    const total = rowLabelled(wb.getWorksheet('Main lines')!, 'Total')
    expect(Math.round(num(total.getCell(5)) * 100)).toBe(bva.totals.actualDkkMinor)
    expect(Math.round(num(total.getCell(3)) * 100)).toBe(bva.totals.revisedMinor)
  })

  it('records a budget revision that keeps the earlier versions, and bank interest', async () => {
    await nav(page, 'Budget').click()
    await page.getByRole('button', { name: 'Record budget revision' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Approved on').fill('2009-09-15')
    await dialog.getByLabel('Reason').fill('More for monitoring visits')
    await dialog.getByRole('textbox', { name: '6.1 Year 3' }).fill('60000')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    await expect.poll(() => page.getByRole('combobox', { name: 'Budget version' }).inputValue()).toBe('Version 2, approved 2009.09.15: More for monitoring visits')
    await expectText(page, 'Main line 6 changes by 25.0%')
    const projects = await app.api<Array<{ versions: Array<{ number: number }> }>>('finance.projects', {})
    expect(projects[0].versions.map((v) => v.number)).toEqual([0, 1, 2])

    await nav(page, 'Transfers').click()
    await page.getByRole('button', { name: 'Record interest or exchange difference' }).click()
    const entry = page.getByRole('dialog')
    await entry.getByLabel('Date').fill('2010-06-30')
    await entry.getByRole('textbox', { name: 'MNT' }).fill('500000')
    await entry.getByRole('textbox', { name: 'DKK' }).fill('2000')
    await entry.getByRole('button', { name: 'Save' }).click()
    await expectText(page, 'DKK 2 000,00')
  })

  it('submits the report of project year 1 to the donor: kept as submitted, its period locked, a mistake corrected in the open period', async () => {
    await nav(page, 'Reports').click()
    await page.getByRole('combobox', { name: 'Report', exact: true }).click()
    await page.getByRole('option', { name: 'Financial report to the donor' }).click()
    await page.getByRole('combobox', { name: 'Project year' }).click()
    await page.getByRole('option', { name: 'Project year 1', exact: true }).click()
    await page.getByRole('button', { name: 'Submit to the donor…' }).click()
    const dialog = page.getByRole('dialog')
    await expectText(page, 'The period 2007.03.01 – 2008.02.29 is then locked')
    await dialog.getByLabel('Note (to whom, how)').fill('Sent to DANIDA through DMS')
    await dialog.getByRole('button', { name: 'Submit and lock' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expectText(page, 'Entries dated up to 2008.02.29 are now locked.')
    const listed = page.getByRole('table', { name: 'Reports submitted to the donor' })
    await expect.poll(() => listed.getByText('Sent to DANIDA through DMS').count()).toBe(1)
    const [download] = await Promise.all([page.waitForEvent('download'), listed.getByRole('button', { name: /^Download SPN-financial-Y1-en/ }).click()])
    const kept = await app.api<Array<{ id: number; sha256: string }>>('reports.submitted', {})
    const bytes = readFileSync((await download.path())!)
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(kept[0].sha256)

    // A voucher of the locked period: no void, a correction instead, dated in the open period.
    await nav(page, 'Expenses').click()
    await page.getByLabel('To', { exact: true }).fill('2008.02.29')
    await page.getByLabel('To', { exact: true }).press('Enter')
    await expectText(page, 'Submitted to the donor up to 2008.02.29')
    const row = page.getByRole('row').filter({ hasText: '₮' }).first()
    // Newest first: once the filter holds, the first voucher is of February 2008.
    await expect.poll(() => row.getByRole('cell').first().innerText()).toMatch(/^2008\.02\./)
    const voucher = (await row.getByRole('cell').nth(1).innerText()).trim()
    await row.getByRole('button', { name: `Correct… ${voucher}` }).click()
    const fix = page.getByRole('dialog')
    await expect.poll(() => fix.getByLabel(/^Date/).inputValue()).toBe('2008.03.01')
    await fix.getByRole('textbox', { name: 'Voucher' }).fill('FIX-E2E-1')
    await fix.getByRole('textbox', { name: 'Amount' }).pressSequentially('-1000')
    await fix.getByRole('button', { name: 'Save' }).click()
    await fix.waitFor({ state: 'hidden' })
    const fixed = await app.api<{ rows: Array<{ voucher: string; amountMinor: number; corrects: { voucher: string } | null }> }>('expenses.search', { projectId: 1, from: '2008-03-01', to: '2008-03-01', pageSize: 50 })
    expect(fixed.rows.find((e) => e.voucher === 'FIX-E2E-1')).toMatchObject({ amountMinor: -1000_00, corrects: { voucher } })
  })
})
