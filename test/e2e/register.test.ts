import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openApp, startApp, type App } from './harness'
import { expectText, nav, pickOption, PersonsPage } from './pages'

let browser: Browser
let app: App
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser.close())

describe('the member register in Chromium', () => {
  beforeEach(async () => {
    app = await startApp()
    await app.api('branches.create', { code: 'DOR', nameMn: 'Дорноговь', nameEn: 'Dornogovi', areaCode: 'dornogovi', isProjectBranch: true })
    page = await openApp(browser, app, 'en')
  })
  afterEach(async () => {
    await page.context().close()
    await app.stop()
  })

  it('adds a person, refuses a duplicate register number with the message shown, accepts a membership, finds the person by a Latin search', async () => {
    const persons = new PersonsPage(page)
    await persons.open()
    await persons.addPerson({ patronymic: 'Цэнд', givenName: 'Батбаяр', registerNumber: 'УБ85031215', gender: 'Male', branch: 'Dornogovi' })
    await expect.poll(() => page.getByTestId('person-name').textContent()).toBe('Ц. Батбаяр')
    await expectText(page, '1985.03.12')

    // The same register number again: the form stays open and says why, next to the field.
    await persons.open()
    await persons.addPerson({ patronymic: 'Дорж', givenName: 'Болд', registerNumber: 'уб85031215', gender: 'Male', branch: 'Dornogovi' })
    await expectText(page, 'The register number УБ85031215 is already recorded for Ц. Батбаяр (person 1)')
    expect(await page.getByRole('dialog').isVisible()).toBe(true)
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
    expect((await app.api<{ total: number }>('persons.search', {})).total).toBe(1)

    // Application, then acceptance by the local board.
    await persons.search('batbayar')
    await expect.poll(() => persons.rowNames()).toEqual(['Ц. Батбаяр'])
    await page.getByRole('link', { name: 'Ц. Батбаяр' }).click()
    await page.getByRole('button', { name: 'Record application' }).click()
    await page.getByRole('dialog').getByLabel('Date').fill('2009-03-02')
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click()
    await expectText(page, '2009.03.02 · Applied')
    await page.getByRole('button', { name: 'Record decision' }).click()
    await pickOption(page, 'Decision', 'Accepted by the local board')
    await page.getByRole('dialog').getByLabel('Date').fill('2009-04-01')
    await page.getByRole('dialog').getByLabel('Decision reference').fill('ТЗ-2009/04')
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click()
    await expectText(page, '2009.04.01 · Accepted by the local board')
    // The audit trail says it in words.
    await expectText(page, 'Membership status: Applicant → Active')

    // The list shows the new status, and the dashboard counts it.
    await persons.open()
    await persons.search('BATBAYAR')
    await expect.poll(() => page.locator('table[aria-label="Persons"] tbody tr').first().textContent()).toContain('Active')
    await nav(page, 'Dashboard').click()
    await expect.poll(() => page.getByTestId('stat-Active SPN members').textContent()).toBe('1')
  })

  it('shows a field error from the shared schema before anything is sent', async () => {
    const persons = new PersonsPage(page)
    await persons.open()
    await persons.addPerson({ patronymic: 'Tsend', givenName: 'Батбаяр', registerNumber: 'УБ85131215', gender: 'Male', branch: 'Dornogovi' })
    await expectText(page, 'must be written in Cyrillic letters')
    await expectText(page, 'its digits do not start with a valid birth date (YYMMDD)')
    expect((await app.api<{ total: number }>('persons.search', {})).total).toBe(0)
  })

  it('adds a child without a register number, and edits her', async () => {
    const persons = new PersonsPage(page)
    await persons.open()
    await page.getByRole('button', { name: 'Add person' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('Patronymic').fill('Дорж')
    await dialog.getByLabel('Given name').fill('Анужин')
    await pickOption(page, 'Gender', 'Female')
    await pickOption(page, 'Local organisation', 'Dornogovi')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => page.getByTestId('person-name').textContent()).toBe('Д. Анужин')
    await page.getByRole('button', { name: 'Edit' }).click()
    await dialog.getByLabel('Phone').fill('99112233')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const found = await app.api<{ rows: Array<{ registerNumber: string | null }> }>('persons.search', { query: 'Анужин' })
    expect(found.rows).toEqual([expect.objectContaining({ registerNumber: null })])
  })

  it('says why a man cannot head a single-woman-headed household, next to the field', async () => {
    const branchId = (await app.api<Array<{ id: number }>>('branches.list', {}))[0]!.id
    const h = await app.api<{ id: number }>('households.create', { branchId, singleWomanHeaded: true, childrenCount: 2, areaCode: 'dornogovi' })
    await app.api('persons.create', { patronymic: 'Цэнд', givenName: 'Батбаяр', gender: 'male', registerNumber: null, branchId, householdId: h.id })
    await page.goto(`${app.url}#/households/${h.id}`)
    await page.getByRole('button', { name: 'Edit' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('combobox', { name: 'Head of household' }).click()
    await page.getByRole('option', { name: /Ц\. Батбаяр/ }).click()
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expectText(page, 'a single-woman-headed household needs a woman as head')
    expect(await dialog.isVisible()).toBe(true)
  })

  it('reaches the page past the navigation in one key, and a closed dialog gives the focus back to its button', async () => {
    await page.getByRole('navigation', { name: 'Main' }).waitFor()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the page')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
    const persons = new PersonsPage(page)
    await persons.open()
    const add = page.getByRole('button', { name: 'Add person' })
    await add.focus()
    await page.keyboard.press('Enter')
    await page.getByRole('dialog').waitFor()
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'hidden' })
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Add person')
  })

  it('starts in Mongolian, switches to English and remembers it', async () => {
    const fresh = await openApp(browser, app)
    try {
      await nav(fresh, 'Хүмүүс').click()
      await fresh.getByRole('heading', { name: 'Хүмүүс' }).waitFor()
      await fresh.getByText('English', { exact: true }).click()
      await fresh.getByRole('heading', { name: 'Persons' }).waitFor()
      await fresh.reload()
      await fresh.getByRole('heading', { name: 'Persons' }).waitFor()
      expect(await nav(fresh, 'Households').isVisible()).toBe(true)
      await fresh.getByText('Монгол', { exact: true }).click()
      await nav(fresh, 'Өрхүүд').waitFor()
    } finally {
      await fresh.context().close()
    }
  })
})

describe('a database that cannot be opened', () => {
  it('shows the error screen and leaves the file alone', async () => {
    const bad = await startApp((dir) => writeFileSync(join(dir, 'spn.sqlite'), 'not a database'))
    const p = await openApp(browser, bad, 'en')
    try {
      await p.getByText('The database cannot be opened').waitFor()
      expect(await p.getByTestId('startup-error').textContent()).toContain('spn.sqlite')
    } finally {
      await p.context().close()
      await bad.stop()
    }
  })
})

describe('an empty register', () => {
  it('offers to load the demo register from the dashboard', async () => {
    const empty = await startApp()
    const p = await openApp(browser, empty, 'en')
    try {
      await p.getByText('The register is empty').waitFor()
      await p.getByRole('button', { name: 'Load the demo register' }).click()
      await expect.poll(() => p.getByTestId('stat-Households').textContent(), { timeout: 15000 }).toBe('1 200')
      expect(await p.getByText('The register is empty').count()).toBe(0)
    } finally {
      await p.context().close()
      await empty.stop()
    }
  })
})
