import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openApp, startApp, type App } from './harness'
import { loanGroup } from '../helpers/loanGroup'

/*
 * The household survey in Mongolian: a baseline and a year later a follow-up
 * typed in for one household of DOR-1-A, a typing mistake corrected; the
 * results framework's income indicator then counts her income as risen.
 */
let browser: Browser
let app: App
let page: Page
let household: number

beforeAll(async () => {
  browser = await launchBrowser()
  app = await startApp()
  const g = await loanGroup((op, input) => app.api(op, input))
  household = ((await app.api('persons.get', { id: g.p[0] })) as { person: { householdId: number } }).person.householdId
  const project = ((await app.api('finance.projects', {})) as Array<{ id: number; code: string }>).find((p) => p.code === 'SPN-2011')!
  await app.api('indicators.create', { projectId: project.id, code: 'O2.1', level: 'outcome', nameMn: 'Орлого нь өссөн өрх', nameEn: 'Income rose', unit: 'percent', cumulative: false, measure: 'income_rose_share', targets: [{ projectYear: 2, target: '50' }] })
  page = await openApp(browser, app, 'mn')
})
afterAll(async () => {
  await browser.close()
  await app.stop()
})

async function record(round: 'Суурь' | 'Давтан', on: string, income: string) {
  await page.getByRole('button', { name: 'Судалгааны бичлэг нэмэх' }).click()
  const form = page.getByRole('dialog')
  await form.getByRole('textbox', { name: /^Өрхийн №/ }).fill(String(household))
  await form.getByRole('combobox', { name: 'Шат' }).click()
  await page.getByRole('option', { name: round }).click()
  await form.getByRole('textbox', { name: /^Огноо/ }).fill(on)
  await form.getByRole('textbox', { name: /^Сарын орлого/ }).fill(income)
  await form.getByRole('button', { name: 'Хадгалах' }).click()
  await form.waitFor({ state: 'hidden' })
}

describe('the household survey, in Mongolian', () => {
  it('records a baseline and a follow-up, corrects one, and the income indicator follows', async () => {
    await page.evaluate(() => (window.location.hash = '#/survey'))
    await record('Суурь', '2011.03.20', '150 000')
    await record('Давтан', '2012.03.15', '140 000')
    const income = () => page.getByRole('table', { name: 'Өрхийн судалгаа' }).locator('tbody tr').first().locator('td').nth(4).textContent()
    await expect.poll(income).toBe('140 000 ₮')
    // 140 000 was a typing mistake for 190 000: corrected, the wrong entry kept.
    await page.getByRole('button', { name: 'Засах' }).first().click()
    const form = page.getByRole('dialog')
    await form.getByRole('textbox', { name: /^Сарын орлого/ }).fill('190 000')
    await form.getByRole('button', { name: 'Хадгалах' }).click()
    await form.waitFor({ state: 'hidden' })
    await expect.poll(income).toBe('190 000 ₮')
    await page.getByRole('checkbox', { name: 'Засварласан бичлэгийг харуулах' }).check()
    await expect.poll(() => page.getByRole('table', { name: 'Өрхийн судалгаа' }).locator('tbody tr').count()).toBe(3)

    await page.evaluate(() => (window.location.hash = '#/results'))
    const year2 = page.getByTestId('indicator-O2.1').locator('td').nth(4)
    await expect.poll(() => year2.locator('span').first().textContent()).toBe('100%')
  })
})
