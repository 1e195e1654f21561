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
let ids: { person: number; household: number; assembly: number; lsg: number; ssg: number; cbo: number; member: number }

beforeAll(async () => {
  browser = await launchBrowser()
  app = await startApp(undefined, ['--demo', '--role', 'board'])
  page = await openApp(browser, app, 'en')
  const persons = await app.api<{ rows: Array<{ id: number }> }>('persons.search', { query: '', status: 'active' })
  const households = await app.api<{ rows: Array<{ id: number }> }>('households.search', {})
  const assemblies = await app.api<Array<{ id: number; hasElection: boolean }>>('assemblies.list', {})
  const [area] = await app.api<Array<{ cbo: { id: number }; lsgs: Array<{ id: number }> }>>('groups.tree', {})
  const lsg = await app.api<{ ssgs: Array<{ id: number }> }>('lsgs.get', { id: area!.lsgs[0]!.id })
  const ssg = await app.api<{ members: Array<{ personId: number }> }>('ssgs.get', { id: lsg.ssgs[0]!.id })
  ids = {
    person: persons.rows[0]!.id,
    household: households.rows[0]!.id,
    assembly: assemblies.find((a) => a.hasElection)!.id,
    lsg: area!.lsgs[0]!.id,
    ssg: lsg.ssgs[0]!.id,
    cbo: area!.cbo.id,
    member: ssg.members[0]!.personId,
  }
})
afterAll(async () => {
  await browser.close()
  await app.stop()
})

const WRITES = /^(Save|Reschedule|Add|Deposit|Withdraw|Reverse|Grant|Repay|Fine|Write off|Record a recovery|Moves|Leaves|Save and next|Next group|Edit|Delete|Record|Void|Import|Revise|Pay|Load the demo|Take a backup|Restore|Explain|Save roles|Resolve|Set up|Correct|Merge|Enter the first)/

describe('a read-only board session', () => {
  it('is offered no button that writes, on any page', async () => {
    const routes = ['#/', '#/branches', '#/persons', `#/persons/${ids.person}`, '#/households', `#/households/${ids.household}`, '#/members', '#/assemblies', `#/assemblies/${ids.assembly}`,
      '#/fees', '#/fees?tab=unpaid', '#/fees?tab=payments', '#/boards', '#/groups', '#/groups/week', `#/groups/lsg/${ids.lsg}`, `#/groups/ssg/${ids.ssg}`, `#/groups/cbo/${ids.cbo}`, `#/persons/${ids.member}`, '#/portfolio', `#/groups/sheet?ssg=${ids.ssg}&date=2009-05-06`, '#/budget', '#/transfers', '#/expenses', '#/bva', '#/backups']
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
