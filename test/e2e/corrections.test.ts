import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openApp, startApp, type App } from './harness'
import { settled } from './screen'
import { translate, type MessageKey } from '../../src/shared/i18n'

const mn = (key: MessageKey) => translate('mn', key)

/*
 * Correcting the register in Mongolian: a person typed twice is merged into
 * the record kept (her membership and phone move, the merge is shown), and a
 * household entered by mistake is deleted.
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

describe('correcting the register, in Mongolian', () => {
  it('merges a person entered twice into the other record', async () => {
    const b = await app.api<{ id: number }>('branches.create', { code: 'DOR', nameMn: 'Дорноговь', nameEn: 'Dornogovi', areaCode: 'dornogovi', isProjectBranch: true })
    const kept = await app.api<{ id: number }>('persons.create', { patronymic: 'Цэнд', givenName: 'Оюунчимэг', gender: 'female', registerNumber: 'ДО81020226', branchId: b.id })
    const dup = await app.api<{ id: number }>('persons.create', { patronymic: 'Цэнд', givenName: 'Оюунчимэг', gender: 'female', phone: '99112233', branchId: b.id })
    const m = await app.api<{ id: number }>('members.apply', { member: { type: 'person', personId: dup.id }, branchId: b.id, date: '2008-01-10' })
    await app.api('members.decide', { membershipId: m.id, decision: 'accepted', date: '2008-02-01' })

    await page.evaluate((id) => (window.location.hash = `#/persons/${id}`), dup.id)
    await settled(page)
    await page.getByRole('button', { name: 'Өөр бүртгэлтэй нэгтгэх' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Нэгтгэх' }).click()
    await dialog.getByText('Үлдээх бүртгэлээ сонгоно уу', { exact: true }).waitFor()
    await dialog.getByRole('radio', { name: /Цэнд Оюунчимэг ДО81020226/ }).check()
    await dialog.getByLabel('Яагаад нэг хүн болох').fill('Нэг хүнийг хоёр удаа бүртгэсэн')
    await dialog.getByRole('button', { name: 'Нэгтгэх' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.waitForURL(new RegExp(`#/persons/${kept.id}$`))
    await settled(page)
    expect(await page.getByTestId('merged-line').textContent()).toMatch(/^Цэнд Оюунчимэг бүртгэлийг \d{4}\.\d\d\.\d\d \d\d:\d\d-д root энэ бүртгэлтэй нэгтгэсэн: Нэг хүнийг хоёр удаа бүртгэсэн$/)
    const d = await app.api<{ person: { phone: string }; membership: { id: number } }>('persons.get', { id: kept.id })
    expect(d).toMatchObject({ person: { phone: '99112233' }, membership: { id: m.id } })
  })

  it('deletes a household entered by mistake', async () => {
    const [b] = await app.api<Array<{ id: number }>>('branches.list', {})
    const h = await app.api<{ id: number }>('households.create', { branchId: b!.id, childrenCount: 0, areaCode: 'dornogovi', registeredOn: '2008-01-01' })
    await page.evaluate((id) => (window.location.hash = `#/households/${id}`), h.id)
    await settled(page)
    await page.getByRole('button', { name: 'Өрхийг устгах' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Өрхийг устгах' }).click()
    await page.waitForURL(/#\/households$/)
    expect((await app.api<{ total: number }>('households.search', {})).total).toBe(0)
  })
})

describe('dates, in Mongolian', () => {
  it('are picked from a calendar or typed as the app shows them or as YYYY-MM-DD', async () => {
    await page.evaluate(() => (window.location.hash = '#/persons'))
    await settled(page)
    await page.getByRole('button', { name: 'Хүн нэмэх' }).click()
    const dialog = page.getByRole('dialog')
    const birth = dialog.getByLabel('Төрсөн огноо')
    // Typed with dashes: shown as the app writes dates.
    await birth.fill('1985-03-12')
    await birth.press('Tab')
    await expect.poll(() => birth.inputValue()).toBe('1985.03.12')
    // Picked from the calendar, in Mongolian: the 20th of that month.
    await birth.click()
    const calendar = page.locator('.mantine-DateInput-dropdown, .mantine-Popover-dropdown').last()
    await calendar.waitFor()
    await calendar.getByRole('button', { name: /20/ }).first().click()
    await expect.poll(() => birth.inputValue()).toBe('1985.03.20')
    // Typed as shown; no date at all is said in Mongolian on save. Typing closes the calendar: it covers nothing below.
    await birth.fill('1990.07.01')
    await expect.poll(() => page.locator('[data-dates-dropdown]').count()).toBe(0)
    await birth.press('Tab')
    await expect.poll(() => birth.inputValue()).toBe('1990.07.01')
    await birth.fill('1990.13.01')
    await birth.press('Tab')
    await dialog.getByRole('button', { name: 'Хадгалах' }).click()
    await expect.poll(() => birth.getAttribute('aria-invalid')).toBe('true')
    expect(await birth.inputValue()).toBe('1990.13.01')
    await dialog.getByText(mn('v.isoDate')).waitFor()
    await page.keyboard.press('Escape')
  })
})
