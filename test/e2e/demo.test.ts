import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openApp, startApp, type App } from './harness'
import { readFileSync } from 'node:fs'
import { nav, PersonsPage } from './pages'
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
  await browser.close()
  await app.stop()
})

describe('browser mode with the demo register', () => {
  it('shows the dashboard with the real counts', async () => {
    const summary = await app.api<{ totals: { persons: number; households: number }; membersByStatus: { active: number } }>('dashboard.summary', {})
    await page.getByTestId('stat-Households').waitFor()
    expect(await page.getByTestId('stat-Households').textContent()).toBe('1 200')
    expect(await page.getByTestId('stat-Persons').textContent()).toBe(summary.totals.persons.toLocaleString('en').replace(/,/g, ' '))
    expect(await page.getByTestId('stat-Active SPN members').textContent()).toBe(String(summary.membersByStatus.active))
    expect(await page.locator('table[aria-label="By local organisation"] tbody tr').count()).toBe(15)
    expect(await page.locator('table[aria-label="By local organisation"] tfoot tr').textContent()).toContain(summary.totals.persons.toLocaleString('en').replace(/,/g, ' '))
    // The same figures on another date come from the membership history.
    const past = await app.api<{ membersByStatus: { active: number } }>('dashboard.summary', { asOf: '2005-12-31' })
    await page.getByRole('textbox', { name: 'Another date (YYYY-MM-DD)' }).fill('2005-12-31')
    await expect.poll(() => page.getByTestId('stat-Active SPN members').textContent()).toBe(String(past.membersByStatus.active))
    expect(past.membersByStatus.active).toBeLessThan(summary.membersByStatus.active)
    await page.getByRole('textbox', { name: 'Another date (YYYY-MM-DD)' }).fill('')
  })

  it('renders one page of persons at a time, however large the register', async () => {
    const persons = new PersonsPage(page)
    await persons.open()
    await page.getByTestId('result-count').waitFor()
    expect(await page.locator('table[aria-label="Persons"] tbody tr').count()).toBe(50)
    expect(await page.getByTestId('result-count').textContent()).toMatch(/Page 1 of 124 · 6 169 records/)
    await persons.search('oyuunchimeg')
    await expect.poll(() => page.getByTestId('result-count').textContent()).not.toMatch(/6 169/)
    const names = await persons.rowNames()
    expect(names.length).toBeGreaterThan(0)
    expect(names.every((n) => n.endsWith('Оюунчимэг'))).toBe(true)
  })

  it('goes Back from a person to the list as it was: filtered, sorted, on the same page', async () => {
    const persons = new PersonsPage(page)
    await persons.open()
    await page.getByRole('combobox', { name: 'Local organisation' }).click()
    await page.getByRole('option', { name: 'Orkhon', exact: true }).click()
    await page.getByRole('combobox', { name: 'SPN membership' }).click()
    await page.getByRole('option', { name: 'Not a member', exact: true }).click()
    await page.getByRole('button', { name: /Birth date/ }).click()
    await page.getByRole('button', { name: /Birth date/ }).click()
    await page.getByRole('button', { name: '2', exact: true }).click()
    await expect.poll(() => page.getByTestId('result-count').textContent()).toMatch(/^Page 2 of/)
    const before = await persons.rowNames()
    const count = await page.getByTestId('result-count').textContent()
    expect(page.url()).toMatch(/#\/persons\?.*page=2/)
    const listUrl = page.url()

    await page.locator('table[aria-label="Persons"] tbody tr td:first-child a').nth(3).click()
    await expect.poll(() => page.getByTestId('person-name').textContent()).toBe(before[3])
    await page.goBack()
    await expect.poll(() => page.url()).toBe(listUrl)
    await expect.poll(() => persons.rowNames()).toEqual(before)
    expect(await page.getByTestId('result-count').textContent()).toBe(count)
    expect(await page.getByRole('combobox', { name: 'Local organisation' }).inputValue()).toBe('Orkhon')
    expect(await page.getByRole('columnheader', { name: /Birth date/ }).getAttribute('aria-sort')).toBe('descending')

    // The page's own "← Persons" link does the same; and the list's address is a deep link of its own.
    await page.locator('table[aria-label="Persons"] tbody tr td:first-child a').first().click()
    await page.getByRole('link', { name: '← Persons' }).click()
    await expect.poll(() => persons.rowNames()).toEqual(before)
    await page.goto('about:blank')
    await page.goto(listUrl)
    await expect.poll(() => persons.rowNames()).toEqual(before)
    // Keys: the arrows move between rows and Enter opens the one with focus.
    await page.locator('table[aria-label="Persons"] tbody tr').first().focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('person-name').textContent()).toBe(before[1])
  })

  it('filters households by branch and opens one with its persons', async () => {
    await nav(page, 'Households').click()
    await page.getByRole('heading', { name: 'Households' }).waitFor()
    await page.getByRole('combobox', { name: 'Local organisation' }).click()
    await page.getByRole('option', { name: 'Orkhon', exact: true }).click()
    await expect.poll(() => page.getByText(/· 240 records/).count()).toBe(1)
    await page.locator('table[aria-label="Households"] tbody tr td a').first().click()
    await page.getByRole('heading', { name: /Household № \d+/ }).waitFor()
    expect(await page.locator('table tbody tr').count()).toBeGreaterThanOrEqual(3)
  })

  it('exports the membership report from the Reports page and previews the PDF', async () => {
    await nav(page, 'Reports').click()
    await page.getByRole('heading', { name: 'Reports' }).waitFor()
    await page.getByRole('combobox', { name: 'Language of the report' }).click()
    await page.getByRole('option', { name: 'English' }).click()
    await page.getByRole('combobox', { name: 'Format' }).click()
    await page.getByRole('option', { name: 'Excel (.xlsx)' }).click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save file' }).click()])
    expect(download.suggestedFilename()).toBe('SPN-membership-2009-en.xlsx')
    const wb = await readXlsx(readFileSync((await download.path())!))
    const end = num(rowLabelled(wb.getWorksheet('Members')!, 'Total').getCell(9))
    const dashboard = await app.api<{ membersByStatus: { active: number } }>('dashboard.summary', { asOf: '2009-12-31' })
    expect(end).toBe(dashboard.membersByStatus.active)
    await expect.poll(() => page.getByTestId('report-message').textContent()).toContain('SPN-membership-2009-en.xlsx downloaded')

    // A period that ends before it starts is refused at the field, before anything is generated.
    await page.getByText('From – to', { exact: true }).click()
    await page.getByRole('textbox', { name: 'To' }).fill('2006-01-01')
    await page.getByRole('button', { name: 'Preview PDF' }).click()
    await page.getByText('must not be before the start of the period (2007-03-01)').waitFor()
    await page.getByRole('textbox', { name: 'To' }).fill('2008-02-29')
    await page.getByRole('button', { name: 'Preview PDF' }).click()
    await page.locator('iframe[title="Preview"]').waitFor()
    expect(await page.locator('iframe[title="Preview"]').getAttribute('src')).toMatch(/^blob:/)
  })
})
