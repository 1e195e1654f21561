import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openApp, startApp, type App } from './harness'
import { loanGroup } from '../helpers/loanGroup'

/*
 * A loan in Mongolian, as the secretariat grants and follows it: the checks
 * shown while the amount is typed, one failing and then passing, the loan
 * granted at the large group's meeting, a repayment, the funds moving.
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
    expect(await page.getByTestId('training').textContent()).toBe('Бичил зээлийн сургалтыг 2011.04.01-нд төгссөн')
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

  it('enters a small group’s collection sheet: dues filled in, one absence, a voluntary saving typed, all in one go', async () => {
    await page.evaluate((id) => (window.location.hash = `#/groups/ssg/${id}`), g.ssg)
    await page.getByRole('link', { name: 'Цуглуулгын хуудас' }).click()
    await page.getByLabel('Болсон огноо').fill('2011.06.22')
    await page.getByLabel('Болсон огноо').press('Tab')
    const sheet = page.getByRole('table', { name: 'Цуглуулгын хуудас' })
    await expect.poll(() => sheet.getByLabel('Зээл төлсөн: Б. Сарангэрэл').inputValue()).toBe('3 100')
    expect(await sheet.getByLabel('Заавал хадгаламж төлсөн: Б. Оюунчимэг').inputValue()).toBe('1 000')
    await sheet.getByLabel('Ирц: Б. Оюунчимэг').selectOption('absent')
    await sheet.getByLabel('Заавал хадгаламж төлсөн: Б. Оюунчимэг').fill('')
    await sheet.getByLabel('Сайн дурын хадгаламж: Б. Сарангэрэл').fill('500')
    await expect.poll(() => page.getByTestId('sheet-cash').textContent()).toBe('Няравт тушаах бэлэн мөнгө: 4 600 ₮')
    await page.getByRole('button', { name: 'Хадгалах' }).click()
    await expect.poll(() => page.getByTestId('sheet-saved').textContent()).toContain('Няравт тушаах 4 600 ₮')
    const loans = await app.api<Array<{ outstandingPrincipalMinor: number }>>('loans.ofSsg', { ssgId: g.ssg, on: '2011-06-22' })
    expect(loans[0]!.outstandingPrincipalMinor).toBe(2_400_000)
    const meetings = await app.api<{ meetings: Array<{ heldOn: string; absent: number; present: number }> }>('meetings.list', { groupType: 'ssg', groupId: g.ssg })
    expect(meetings.meetings[0]).toMatchObject({ heldOn: '2011-06-22', absent: 1, present: 1 })
  })
})
