import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openApp, startApp, type App } from './harness'
import { settled } from './screen'
import { num, readXlsx, rowLabelled } from '../helpers/files'

/*
 * The self-help groups of an area, in Mongolian: a large group and two small
 * groups are recorded, members join from the area's households, one moves to
 * the other small group; the counts follow.
 */
let browser: Browser
let app: App
let page: Page
const persons: Array<{ id: number }> = []

beforeAll(async () => {
  browser = await launchBrowser()
  app = await startApp()
  page = await openApp(browser, app, 'mn')
  const b = await app.api<{ id: number }>('branches.create', { code: 'DOR', nameMn: 'Дорноговь', nameEn: 'Dornogovi', areaCode: 'dornogovi', isProjectBranch: true })
  for (const [mother, child] of [['Сарангэрэл', 'Тэмүүлэн'], ['Оюунчимэг', 'Ганбат'], ['Болормаа', 'Анударь']]) {
    const h = await app.api<{ id: number }>('households.create', { branchId: b.id, singleWomanHeaded: true, childrenCount: 1, areaCode: 'dornogovi', registeredOn: '2007-06-01' })
    persons.push(await app.api('persons.create', { patronymic: 'Бат', givenName: mother, gender: 'female', branchId: b.id, householdId: h.id }))
    await app.api('persons.create', { patronymic: 'Бат', givenName: child, gender: 'male', branchId: b.id, householdId: h.id })
  }
})
afterAll(async () => {
  await browser.close()
  await app.stop()
})

describe('self-help groups, in Mongolian', () => {
  it('records a large group and two small groups, adds members and moves one', async () => {
    await page.getByRole('link', { name: 'Өөртөө туслах бүлгүүд' }).click()
    await page.getByRole('heading', { name: 'Өөртөө туслах бүлгүүд' }).waitFor()
    await page.getByRole('button', { name: 'Том бүлэг нэмэх' }).click()
    let dialog = page.getByRole('dialog')
    await dialog.getByLabel('Код').fill('DOR-1')
    await dialog.getByLabel('Нэр').fill('Сайншанд-1')
    await dialog.getByLabel('Байгуулагдсан огноо').fill('2007.06.10')
    await dialog.getByRole('button', { name: 'Хадгалах' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByRole('link', { name: 'DOR-1' }).click()
    for (const [code, name] of [['DOR-1-A', 'Нарлаг'], ['DOR-1-B', 'Цэцэг']]) {
      await page.getByRole('button', { name: 'Жижиг бүлэг нэмэх' }).click()
      dialog = page.getByRole('dialog')
      await dialog.getByLabel('Код').fill(code)
      await dialog.getByLabel('Нэр').fill(name)
      await dialog.getByLabel('Байгуулагдсан огноо').fill('2007-06-17')
      await dialog.getByRole('button', { name: 'Хадгалах' }).click()
      await dialog.waitFor({ state: 'hidden' })
    }
    await page.getByRole('link', { name: 'DOR-1-A' }).click()
    await page.getByRole('heading', { name: /DOR-1-A/ }).waitFor()
    for (const name of ['Сарангэрэл', 'Оюунчимэг', 'Болормаа']) {
      await page.getByRole('button', { name: 'Гишүүн нэмэх' }).click()
      dialog = page.getByRole('dialog')
      await dialog.getByLabel('Элссэн огноо').fill('2007.07.01')
      await dialog.getByLabel('Нэр эсвэл регистрийн дугаараар хайх').fill(name)
      await dialog.getByRole('radio', { name: new RegExp(`Б\\. ${name}`) }).check()
      await dialog.getByRole('button', { name: 'Хадгалах' }).click()
      await dialog.waitFor({ state: 'hidden' })
    }
    const members = page.getByRole('table', { name: 'Гишүүд', exact: true })
    await expect.poll(() => members.locator('tbody tr').count()).toBe(3)
    // Оюунчимэг moves to the other small group.
    await page.getByRole('button', { name: 'Шилжих: Б. Оюунчимэг' }).click()
    dialog = page.getByRole('dialog')
    await dialog.getByRole('combobox', { name: 'Шилжих жижиг бүлэг' }).click()
    await page.getByRole('option', { name: 'DOR-1-B Цэцэг' }).click()
    await dialog.getByLabel('Шилжсэн огноо').fill('2008.03.05')
    await dialog.getByRole('button', { name: 'Хадгалах' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => members.locator('tbody tr').count()).toBe(2)
    expect(await page.getByRole('table', { name: 'Өмнөх гишүүд' }).textContent()).toContain('DOR-1-B руу шилжсэн')

    // A weekly meeting: everyone present by default; Болормаа absent, by her row's key 5.
    await page.getByRole('button', { name: 'Хурал бүртгэх' }).click()
    dialog = page.getByRole('dialog')
    await dialog.getByLabel('Болсон огноо').fill('2008.03.12')
    await dialog.getByRole('row', { name: 'Б. Болормаа' }).waitFor()
    await dialog.getByRole('row', { name: 'Б. Болормаа' }).press('5')
    await dialog.getByRole('button', { name: 'Хадгалах' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => page.getByTestId('meetings-summary').textContent()).toMatch(/ирц 50%$/)
    // The attendance report of March 2008 agrees: one meeting held, 2 member-meetings, 50%.
    const report = await app.api<{ base64: string }>('reports.generate', { report: 'attendance', format: 'xlsx', lang: 'mn', from: '2008-03-01', to: '2008-03-31' })
    const row = rowLabelled((await readXlsx(Buffer.from(report.base64, 'base64'))).getWorksheet('Бүлгээр')!, 'DOR-1-A')
    expect([5, 6, 7, 11].map((c) => num(row.getCell(c)))).toEqual([1, 2, 1, 1])
    expect(num(row.getCell(12))).toBeCloseTo(0.5, 10)
    // The representative is elected at that meeting.
    await page.getByRole('button', { name: 'Сонгууль бүртгэх' }).click()
    dialog = page.getByRole('dialog')
    await dialog.getByRole('combobox', { name: 'Гишүүн' }).click()
    await page.getByRole('option', { name: 'Б. Сарангэрэл' }).click()
    await dialog.getByRole('button', { name: 'Хадгалах' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => page.getByTestId('office-representative').textContent()).toBe('Төлөөлөгч: Б. Сарангэрэл (2008.03.12-нд сонгогдсон)')
    // Her page shows her group and the office.
    await page.getByTestId('office-representative').getByRole('link', { name: 'Б. Сарангэрэл' }).click()
    await expect.poll(() => page.getByTestId('person-office').textContent()).toBe('DOR-1-A бүлгийн Төлөөлөгч, 2008.03.12-нд сонгогдсон')
    await page.goBack()
    // The next week's sheets in one sitting, keyboard only: Сарангэрэл late (key 2), Enter; the next group's sheet, Enter.
    await page.getByRole('link', { name: /DOR-1 Сайншанд-1/ }).click()
    await page.getByRole('link', { name: 'Долоо хоногийн хуудсуудыг оруулах' }).click()
    await page.getByLabel('Долоо хоног').fill('2008.03.18')
    await page.getByLabel('Долоо хоног').press('Tab')
    await expect.poll(() => page.getByTestId('week-sheet-title').textContent()).toMatch(/^DOR-1-A Нарлаг · 2008\.03\.17/)
    await page.getByRole('row', { name: 'Б. Болормаа' }).press('ArrowDown')
    await page.getByRole('row', { name: 'Б. Сарангэрэл' }).press('2')
    await page.getByRole('row', { name: 'Б. Сарангэрэл' }).press('Enter')
    await expect.poll(() => page.getByTestId('week-sheet-title').textContent()).toMatch(/^DOR-1-B Цэцэг/)
    await page.getByRole('row', { name: 'Б. Оюунчимэг' }).press('Enter')
    await expect.poll(async () => (await app.api<{ held: number; attendance: { late: number } }>('meetings.list', { groupType: 'ssg', groupId: 2 })).held).toBe(1)
    expect((await app.api<{ held: number; attendance: { late: number; present: number } }>('meetings.list', { groupType: 'ssg', groupId: 1 })).attendance).toMatchObject({ late: 1, present: 2 })

    // The large group counts 2 families of 4 persons; the groups page says so for the area.
    await page.getByRole('link', { name: 'Өөртөө туслах бүлгүүд' }).click()
    await settled(page)
    const area = page.getByTestId(/^area-/)
    await expect.poll(() => area.textContent()).toBe('1 том бүлэг · 3 өрх · 6 хүн')
    const periods = await app.api<Array<{ ssgCode: string }>>('roster.ofPerson', { personId: persons[1]!.id })
    expect(periods.map((p) => p.ssgCode)).toEqual(['DOR-1-B', 'DOR-1-A'])
  })

  it('records the area’s CBO, its founding unified meeting of every group member, its chairman and its state registration', async () => {
    await page.getByRole('link', { name: 'Өөртөө туслах бүлгүүд' }).click()
    await page.getByRole('button', { name: 'ОНББ бүртгэх' }).click()
    let dialog = page.getByRole('dialog')
    await dialog.getByLabel('ОНББ-ын нэр').fill('Дорноговийн холбоо')
    await dialog.getByLabel('Байгуулагдсан огноо (нэгдсэн хурал)').fill('2009.10.15')
    await dialog.getByRole('button', { name: 'Хадгалах' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByRole('link', { name: /ОНББ: Дорноговийн холбоо/ }).click()
    await page.getByRole('heading', { name: 'Дорноговийн холбоо' }).waitFor()
    expect(await page.getByRole('main').textContent()).toContain('Улсын бүртгэлгүй')
    // The unified meeting lists the members of every small group of the area: all three; Оюунчимэг excused (key 4).
    await page.getByRole('button', { name: 'Хурал бүртгэх' }).click()
    dialog = page.getByRole('dialog')
    await dialog.getByLabel('Болсон огноо').fill('2009.10.15')
    await expect.poll(() => dialog.getByRole('row', { name: /^Б\. / }).count()).toBe(3)
    await dialog.getByRole('row', { name: 'Б. Оюунчимэг' }).press('4')
    await dialog.getByRole('button', { name: 'Хадгалах' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => page.getByTestId('meetings-summary').textContent()).toBe('1 нэгдсэн хурал · ирц 66.7%')
    await page.getByRole('button', { name: 'Сонгууль бүртгэх' }).click()
    dialog = page.getByRole('dialog')
    await dialog.getByRole('combobox', { name: 'Гишүүн' }).click()
    await page.getByRole('option', { name: 'Б. Болормаа' }).click()
    await dialog.getByRole('button', { name: 'Хадгалах' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => page.getByTestId('office-chair').textContent()).toBe('Дарга: Б. Болормаа (2009.10.15-нд сонгогдсон)')
    // Registered with the state: the number without its date is named, then both saved.
    await page.getByRole('button', { name: 'Засах' }).click()
    dialog = page.getByRole('dialog')
    await dialog.getByLabel('Улсын бүртгэлийн дугаар').fill('9011223')
    await dialog.getByRole('button', { name: 'Хадгалах' }).click()
    await expect.poll(() => dialog.textContent()).toContain('бүртгэлийн дугаартай хамт заавал бөглөнө')
    await dialog.getByLabel('Бүртгэгдсэн огноо').fill('2010.03.02')
    await dialog.getByRole('button', { name: 'Хадгалах' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => page.getByRole('main').textContent()).toContain('№ 9011223, 2010.03.02')
    expect(await page.getByRole('main').textContent()).not.toContain('Улсын бүртгэлгүй')
  })

  it('keeps a member’s savings on her page: a deposit typed as written, a withdrawal refused below zero in words, a reversal with its reason', async () => {
    await page.evaluate((id) => (window.location.hash = `#/persons/${id}`), persons[2]!.id)
    await page.getByRole('heading', { name: 'Хадгаламж' }).waitFor()
    await page.getByRole('button', { name: 'Хадгаламж нэмэх' }).click()
    let dialog = page.getByRole('dialog')
    await dialog.getByText('Сайн дурын', { exact: true }).click()
    await dialog.getByLabel('Дүн').fill('5 000')
    await dialog.getByLabel('Огноо').fill('2008.03.12')
    await dialog.getByRole('button', { name: 'Хадгалах' }).click()
    await dialog.waitFor({ state: 'hidden' })
    const entries = page.getByRole('table', { name: 'Хадгаламжийн гүйлгээ' })
    await expect.poll(() => entries.locator('tbody tr').count()).toBe(1)
    await page.getByRole('button', { name: 'Хадгаламжаас авах' }).click()
    dialog = page.getByRole('dialog')
    await dialog.getByText('Сайн дурын', { exact: true }).click()
    await dialog.getByLabel('Дүн').fill('6000')
    await dialog.getByLabel('Огноо').fill('2008.03.19')
    await dialog.getByRole('button', { name: 'Хадгалах' }).click()
    await expect.poll(() => dialog.textContent()).toContain('хадгаламжийн үлдэгдлээс (5 000 ₮) их байна')
    await dialog.getByLabel('Дүн').fill('2 000')
    await dialog.getByRole('button', { name: 'Хадгалах' }).click()
    await dialog.waitFor({ state: 'hidden' })
    // The deposit cannot be reversed while the withdrawal stands on it; the withdrawal can.
    await page.getByRole('button', { name: /^Буцаах: 2008\.03\.19/ }).click()
    dialog = page.getByRole('dialog')
    await dialog.getByLabel('Шалтгаан').fill('Буруу бичсэн')
    await dialog.getByRole('button', { name: 'Хадгалах' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => entries.locator('tbody tr').count()).toBe(3)
    const s = await app.api<{ balances: { voluntary: number }; entries: Array<{ kind: string; reason: string | null }> }>('savings.ofPerson', { personId: persons[2]!.id })
    expect(s.balances.voluntary).toBe(500_000)
    expect(s.entries.map((e) => [e.kind, e.reason])).toEqual([
      ['deposit', null],
      ['withdrawal', null],
      ['reversal', 'Буруу бичсэн'],
    ])
  })
})
