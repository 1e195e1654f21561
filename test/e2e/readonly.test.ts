import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openApp, startApp, type App } from './harness'
import { settled } from './screen'

/*
 * A board member's session reads only: no page offers her an add, edit,
 * record, void, import or restore button (the backend would refuse them too).
 */
let browser: Browser
let app: App
let page: Page
let ids: { person: number; household: number; assembly: number }

beforeAll(async () => {
  browser = await launchBrowser()
  app = await startApp(undefined, ['--demo', '--role', 'board'])
  page = await openApp(browser, app, 'en')
  const persons = await app.api<{ rows: Array<{ id: number }> }>('persons.search', { query: '', status: 'active' })
  const households = await app.api<{ rows: Array<{ id: number }> }>('households.search', {})
  const assemblies = await app.api<Array<{ id: number; hasElection: boolean }>>('assemblies.list', {})
  ids = { person: persons.rows[0]!.id, household: households.rows[0]!.id, assembly: assemblies.find((a) => a.hasElection)!.id }
})
afterAll(async () => {
  await browser.close()
  await app.stop()
})

const WRITES = /^(Add|Moves|Leaves|Save and next|Next group|Edit|Delete|Record|Void|Import|Revise|Pay|Load the demo|Take a backup|Restore|Explain|Save roles|Resolve|Set up|Correct|Merge|Enter the first)/

describe('a read-only board session', () => {
  it('is offered no button that writes, on any page', async () => {
    const routes = ['#/', '#/branches', '#/persons', `#/persons/${ids.person}`, '#/households', `#/households/${ids.household}`, '#/members', '#/assemblies', `#/assemblies/${ids.assembly}`,
      '#/fees', '#/fees?tab=unpaid', '#/fees?tab=payments', '#/boards', '#/groups', '#/groups/week', '#/budget', '#/transfers', '#/expenses', '#/bva', '#/backups']
    const offered: Record<string, string[]> = {}
    for (const hash of routes) {
      await page.evaluate((h) => (window.location.hash = h), hash)
      await settled(page)
      const names = (await page.getByRole('main').getByRole('button').allTextContents()).map((n) => n.trim()).filter((n) => WRITES.test(n))
      if (names.length) offered[hash] = names
    }
    expect(offered).toEqual({})
    // The lists and figures are all there to read.
    await page.evaluate(() => (window.location.hash = '#/persons'))
    await settled(page)
    expect(await page.locator('table[aria-label="Persons"] tbody tr').count()).toBe(50)
  })
})
