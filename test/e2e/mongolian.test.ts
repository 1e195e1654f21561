import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, startApp, type App } from './harness'
import { translate, type MessageKey } from '../../src/shared/i18n'
import { brokenNumbers, latinWords, overflow, settled } from './screen'

const mn = (key: MessageKey) => translate('mn', key)

/*
 * The app in Mongolian, walked page by page as an officer would, on the demo
 * register: no English word on any page or in any form's errors, no number
 * broken across lines, nothing wider than the screen, at the two screen sizes
 * the secretariat's PCs have.
 */

let browser: Browser
let app: App
let ids: { person: number; household: number; assembly: number; bareAssembly: number; organisationMembership: number; lsg: number; ssg: number; cbo: number; member: number; demoLsg: number; activity: number; indicator: number }

beforeAll(async () => {
  browser = await launchBrowser()
  app = await startApp(undefined, ['--demo'])
  const persons = await app.api<{ rows: Array<{ id: number }> }>('persons.search', { query: '', status: 'active' })
  const households = await app.api<{ rows: Array<{ id: number }> }>('households.search', {})
  const assemblies = await app.api<Array<{ id: number; hasElection: boolean; feeDecided: boolean }>>('assemblies.list', {})
  const orgs = await app.api<{ rows: Array<{ id: number }> }>('members.list', { memberType: 'organisation' })
  ids = {
    person: persons.rows[0]!.id,
    household: households.rows[0]!.id,
    assembly: assemblies.find((a) => a.hasElection && a.feeDecided)!.id,
    // A local assembly just held, with no fee decided and nobody elected yet.
    bareAssembly: (await app.api<{ id: number }>('assemblies.create', { kind: 'local', branchId: 1, heldOn: '2026-11-20', membersPresent: 10 })).id,
    organisationMembership: orgs.rows[0]!.id,
    lsg: 0,
    ssg: 0,
    cbo: (await app.api<Array<{ cbo: { id: number } | null }>>('groups.tree', {}))[0]!.cbo!.id,
    member: 0,
    demoLsg: (await app.api<Array<{ lsgs: Array<{ id: number }> }>>('groups.tree', {}))[0]!.lsgs[0]!.id,
    // A conference (partners, people from outside, vouchers) and the families indicator (computed, broken down).
    activity: (await app.api<Array<{ id: number }>>('activities.list', { type: 'conference' }))[0]!.id,
    indicator: (await app.api<{ indicators: Array<{ id: number; code: string }> }>('results.framework', {})).indicators.find((i) => i.code === 'O1.2')!.id,
  }
  // A large and a small group of a project area, with a member.
  const area = (await app.api<Array<{ id: number; isProjectBranch: boolean }>>('branches.list', {})).find((b) => b.isProjectBranch)!
  const lsg = await app.api<{ id: number }>('lsgs.create', { branchId: area.id, code: 'T-1', name: 'Туршилт', formedOn: '2007-06-10', projectYear: 1, meetingWeek: 1, meetingWeekday: 2 })
  const ssg = await app.api<{ id: number }>('ssgs.create', { lsgId: lsg.id, code: 'T-1-A', name: 'Нарлаг', formedOn: '2007-06-17', meetingWeekday: 3 })
  const [candidate] = await app.api<Array<{ personId: number }>>('roster.candidates', { ssgId: ssg.id, on: '2007-07-01' })
  await app.api('roster.join', { ssgId: ssg.id, personId: candidate!.personId, joinedOn: '2007-07-01' })
  ids.lsg = lsg.id
  ids.ssg = ssg.id
  ids.member = candidate!.personId
})
/** A change of the household's head, so its page has an edit to tell in words. */
async function changeHead(id: number): Promise<{ from: string; to: string }> {
  type Detail = { household: Record<string, unknown> & { version: number; headPersonId: number | null; headName: string | null; singleWomanHeaded: boolean }; members: Array<{ id: number; shortName: string; gender: string }> }
  const d = await app.api<Detail>('households.get', { id })
  const next = d.members.find((m) => m.id !== d.household.headPersonId && (!d.household.singleWomanHeaded || m.gender === 'female'))!
  const { branchId, singleWomanHeaded, childrenCount, areaCode, soum, bag, addressLine, registeredOn } = d.household
  await app.api('households.update', { id, version: d.household.version, household: { branchId, headPersonId: next.id, singleWomanHeaded, childrenCount, areaCode, soum, bag, addressLine, registeredOn } })
  return { from: d.household.headName ?? '—', to: next.shortName }
}

afterAll(async () => {
  await browser.close()
  await app.stop()
})

const routes = () => [
  '#/',
  '#/branches',
  '#/persons',
  `#/persons/${ids.person}`,
  '#/households',
  `#/households/${ids.household}`,
  '#/members',
  `#/members?member=${ids.organisationMembership}`,
  '#/assemblies',
  `#/assemblies/${ids.assembly}`,
  '#/fees',
  '#/fees?tab=unpaid',
  '#/fees?tab=payments',
  '#/boards',
  '#/groups',
  `#/groups/lsg/${ids.lsg}`,
  `#/groups/ssg/${ids.ssg}`,
  `#/groups/cbo/${ids.cbo}`,
  `#/persons/${ids.member}`,
  `#/groups/week?lsg=${ids.lsg}&week=2007-07-04`,
  '#/portfolio',
  `#/groups/sheet?ssg=${ids.ssg}&date=2007-07-04`,
  `#/groups/lsg/${ids.demoLsg}`,
  '#/budget',
  '#/transfers',
  '#/expenses',
  '#/bva',
  '#/projects/new',
  '#/activities',
  `#/activities/${ids.activity}`,
  '#/activities/new',
  '#/results',
  `#/results/${ids.indicator}`,
  '#/survey',
  '#/reports',
  '#/settings',
  '#/backups',
  '#/no-such-page',
  '#/persons/not-a-number',
]

async function open(width: number, height: number, lang: 'mn' | 'en'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } })
  await context.addInitScript((l) => localStorage.setItem('spn.lang', l), lang)
  const page = await context.newPage()
  page.setDefaultTimeout(10000)
  await page.goto(app.url)
  await settled(page)
  return page
}

async function visit(page: Page, hash: string) {
  await page.evaluate((h) => (window.location.hash = h), hash)
  await settled(page)
}

describe('every page in Mongolian', () => {
  it('has no English word, at 1280x720', async () => {
    const head = await changeHead(ids.household)
    const page = await open(1280, 720, 'mn')
    const found: Record<string, string[]> = {}
    // The audit trail in words, as the household's page shows it.
    await visit(page, `#/households/${ids.household}`)
    expect(await page.getByTestId('audit-change').allTextContents()).toContain(`Өрхийн тэргүүн: ${head.from} → ${head.to}`)
    for (const hash of routes()) {
      await visit(page, hash)
      const words = await latinWords(page)
      if (words.length) found[hash] = words
    }
    expect(found).toEqual({})
    await page.context().close()
  })

  for (const [width, height] of [
    [1280, 720],
    [1366, 768],
  ] as const) {
    for (const lang of ['mn', 'en'] as const) {
      it(`fits the screen and keeps every number on one line, ${width}x${height} in ${lang === 'mn' ? 'Mongolian' : 'English'}`, async () => {
        const page = await open(width, height, lang)
        const found: Record<string, { overflow: number; broken: string[] }> = {}
        for (const hash of routes()) {
          await visit(page, hash)
          const wider = await overflow(page)
          const broken = await brokenNumbers(page)
          if (wider > 0 || broken.length) found[hash] = { overflow: wider, broken }
        }
        expect(found).toEqual({})
        await page.context().close()
      })
    }
  }
})

/** The forms of the app and where each opens (a record's edit form is its add form, filled in). */
const forms = () => [
  { route: '#/branches', open: mn('branch.add') },
  { route: '#/persons', open: mn('person.add') },
  { route: '#/households', open: mn('household.add') },
  { route: '#/members', open: mn('members.addOrganisation') },
  { route: '#/assemblies', open: mn('assembly.add') },
  { route: `#/assemblies/${ids.bareAssembly}`, open: mn('assembly.correct') },
  { route: '#/groups', open: mn('g.lsgAdd') },
  { route: `#/groups/lsg/${ids.lsg}`, open: mn('g.ssgAdd') },
  { route: `#/groups/ssg/${ids.ssg}`, open: mn('g.join') },
  { route: `#/groups/cbo/${ids.cbo}`, open: mn('common.edit') },
  { route: `#/persons/${ids.member}`, open: mn('sav.deposit') },
  { route: '#/fees?tab=unpaid', open: mn('fee.pay') },
  { route: '#/budget', open: mn('fin.revise') },
  { route: '#/transfers', open: mn('fin.addTransfer') },
  { route: '#/transfers', open: mn('fin.addEntry') },
  { route: '#/expenses', open: mn('fin.addExpense') },
]

/** The fields that show an error, and the form's own message. */
const complaints = (page: Page, within: string) => page.locator(`${within} [aria-invalid="true"], ${within} [role="alert"]`).count()

describe('every form in Mongolian', () => {
  it('says what is wrong in Mongolian, submitted empty and with wrong values', async () => {
    const page = await open(1280, 720, 'mn')
    const found: Record<string, string[]> = {}
    const check = async (label: string, within: string) => {
      await page.waitForTimeout(200)
      expect(await complaints(page, within), label).toBeGreaterThan(0)
      const words = await latinWords(page, within)
      if (words.length) found[label] = words
    }
    for (const form of forms()) {
      await visit(page, form.route)
      await page.getByRole('main').getByRole('button', { name: form.open, exact: false }).first().click()
      const dialog = page.getByRole('dialog')
      await dialog.waitFor()
      // Empty: every field a user types in, cleared.
      for (const box of await dialog.getByRole('textbox').all()) if (await box.isEditable()) await box.fill('')
      await dialog.getByRole('button', { name: mn('common.save'), exact: true }).click()
      await check(`${form.route} ${form.open}: empty`, '[role="dialog"]')
      // Wrong: "x1" typed in every field (a date, a name in Cyrillic, a code in capitals, an amount).
      for (const box of await dialog.getByRole('textbox').all()) if (await box.isEditable()) await box.fill('x1')
      await dialog.getByRole('button', { name: mn('common.save'), exact: true }).click()
      await check(`${form.route} ${form.open}: wrong`, '[role="dialog"]')
      await page.keyboard.press('Escape')
      await dialog.waitFor({ state: 'hidden' })
    }
    // The forms on an assembly's page: a fee decision and an election, sent empty.
    await visit(page, `#/assemblies/${ids.bareAssembly}`)
    await page.getByRole('button', { name: mn('fee.decide') }).click()
    await check('fee decision: empty', 'main')
    await page.getByRole('button', { name: mn('election.record') }).click()
    await check('election: empty', 'main')
    expect(found).toEqual({})
    await page.context().close()
  })
})
