import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, startApp, type App } from './harness'
import { expectText, nav } from './pages'
import { startCluster, type Cluster } from '../../src/main/bench/cluster'
import pg from 'pg'

let browser: Browser
let cluster: Cluster
beforeAll(async () => {
  browser = await launchBrowser()
  cluster = await startCluster()
  const admin = new pg.Client({ connectionString: cluster.url('postgres') })
  await admin.connect()
  await admin.query('CREATE DATABASE office')
  await admin.end()
})
afterAll(async () => {
  await browser.close()
  cluster.stop()
})

/** As the staff work: Mongolian, at 1280x720. */
async function open(app: App): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  await context.addInitScript(() => localStorage.setItem('spn.lang', 'mn'))
  const page = await context.newPage()
  page.setDefaultTimeout(15000)
  await page.goto(app.url)
  return page
}

describe('Settings: where the data is kept', () => {
  it('moves an office from this computer to a shared server: refuses a wrong address in words, tests the right one, and uses it after a restart', async () => {
    let app = await startApp()
    const dataDir = app.dataDir
    let page = await open(app)
    try {
      await nav(page, 'Тохиргоо').click()
      await page.getByRole('heading', { name: 'Тохиргоо' }).waitFor()
      await expectText(page, `Энэ компьютер: ${dataDir}/spn.sqlite`)
      await page.getByRole('radio', { name: 'Дундын сервер' }).check()
      const port = Number(new URL(cluster.url('office')).port)
      await page.getByRole('textbox', { name: /^Сервер/ }).fill('127.0.0.1')
      await page.getByRole('textbox', { name: /^Порт/ }).fill('1')
      await page.getByLabel('Өгөгдлийн сан').fill('office')
      await page.getByLabel('Хэрэглэгч').fill('spn')
      await page.getByLabel('Нууц үг', { exact: true }).fill('office-secret')
      await page.getByRole('button', { name: 'Холболт шалгах' }).click()
      await expectText(page, /өгөгдлийн сангийн сервертэй холбогдож чадсангүй/)
      // The right port: the server answers, with an empty database the app will set up.
      await page.getByRole('textbox', { name: /^Порт/ }).fill(String(port))
      await page.getByRole('button', { name: 'Холболт шалгах' }).click()
      await expect.poll(() => page.getByTestId('settings-probe').textContent()).toMatch(/Холбогдлоо: PostgreSQL 1\d/)
      await page.getByRole('button', { name: 'Дараагийн эхлэлд хадгалах' }).click()
      await expect.poll(() => page.getByTestId('settings-saved').textContent()).toMatch(/Хадгаллаа.*дахин нээнэ үү/)
      await page.screenshot({ path: '/tmp/settings-mn.png' })
      await page.context().close()
      await app.stop({ keepData: true })

      // The next start connects to the server; the password is not shown again.
      app = await startApp(undefined, [], dataDir)
      page = await open(app)
      await nav(page, 'Тохиргоо').click()
      await expect.poll(() => page.getByTestId('settings-now').textContent()).toMatch(/Дундын сервер: postgresql:\/\/spn:\*\*\*@127\.0\.0\.1/)
      expect(await page.content()).not.toContain('office-secret')
      expect(await page.getByLabel('Нууц үг', { exact: true }).inputValue()).toBe('')
      await expectText(page, 'Нууц үг хадгалагдсан; хэвээр үлдээх бол хоосон орхино уу.')
      await app.api('branches.create', { code: 'DOR', nameMn: 'Дорноговь', nameEn: 'Dornogovi', areaCode: 'dornogovi', isProjectBranch: true })
      const onServer = new pg.Client({ connectionString: cluster.url('office') })
      await onServer.connect()
      expect((await onServer.query('SELECT name_mn FROM branch')).rows).toEqual([{ name_mn: 'Дорноговь' }])
      await onServer.end()
    } finally {
      await page.context().close()
      await app.stop()
    }
  })

  it('Backups: takes one by hand and restores it after a mistake, in Mongolian', async () => {
    const app = await startApp()
    const page = await open(app)
    try {
      const b = await app.api<{ id: number }>('branches.create', { code: 'DOR', nameMn: 'Дорноговь', nameEn: 'Dornogovi', areaCode: 'dornogovi', isProjectBranch: true })
      await app.api('persons.create', { patronymic: 'Цэнд', givenName: 'Батбаяр', gender: 'male', registerNumber: 'УБ85031215', branchId: b.id })
      await nav(page, 'Нөөц хуулбар').click()
      await page.getByRole('heading', { name: 'Нөөц хуулбар' }).waitFor()
      await page.getByRole('button', { name: 'Одоо нөөцлөх' }).click()
      await expect.poll(() => page.getByTestId('backups-message').textContent()).toMatch(/^Нөөц авлаа: spn-.*-manual\.sqlite\.$/)
      const row = page.getByRole('row').filter({ hasText: 'Гараар авсан' })
      await expect.poll(() => row.textContent()).toMatch(/Гараар авсан.*1/)
      // The mistake: a person recorded who should not be.
      await app.api('persons.create', { patronymic: 'Дорж', givenName: 'Болд', gender: 'male', registerNumber: 'УБ85031216', branchId: b.id })
      await row.getByRole('button', { name: 'Сэргээх' }).click()
      await expectText(page, 'Энэ нөөцийг сэргээх үү?')
      await page.screenshot({ path: '/tmp/backups-mn.png' })
      await page.getByRole('dialog').getByRole('button', { name: 'Сэргээх' }).click()
      await expect.poll(() => page.getByTestId('backups-message').textContent()).toMatch(/мэдээлэл сэргэлээ\. Сэргээхийн өмнөх мэдээлэл spn-.*-before-restore\.sqlite нөөцөд хадгалагдсан\./)
      expect((await app.api<{ total: number }>('persons.search', {})).total).toBe(1)
      await expect.poll(() => page.getByRole('row').filter({ hasText: 'Сэргээхийн өмнө' }).count()).toBe(1)
    } finally {
      await page.context().close()
      await app.stop()
    }
  })

  it('a form submitted empty and with wrong values says what is wrong in Mongolian, next to each field', async () => {
    const app = await startApp()
    const page = await open(app)
    try {
      await app.api('branches.create', { code: 'DOR', nameMn: 'Дорноговь', nameEn: 'Dornogovi', areaCode: 'dornogovi', isProjectBranch: true })
      await nav(page, 'Хүмүүс').click()
      await page.getByRole('button', { name: 'Хүн нэмэх' }).click()
      const dialog = page.getByRole('dialog')
      await dialog.getByRole('button', { name: 'Хадгалах' }).click()
      await expectText(page, 'заавал бөглөнө')
      const errors = async () => (await dialog.locator('.mantine-InputWrapper-error').allTextContents()).filter(Boolean)
      expect((await errors()).length).toBeGreaterThan(1)
      for (const e of await errors()) expect(e, e).not.toMatch(/[A-Za-z]{3,}/)
      await dialog.getByRole('textbox', { name: /^Эцгийн нэр/ }).fill('Tsend')
      await dialog.getByRole('button', { name: 'Хадгалах' }).click()
      await expectText(page, 'кирилл үсгээр бичнэ')
      for (const e of await errors()) expect(e, e).not.toMatch(/[A-Za-z]{3,}/)
    } finally {
      await page.context().close()
      await app.stop()
    }
  })

  it('refuses to save over a change someone else made since the form was opened, saying who', async () => {
    const app = await startApp()
    const page = await open(app)
    try {
      const b = await app.api<{ id: number }>('branches.create', { code: 'DOR', nameMn: 'Дорноговь', nameEn: 'Dornogovi', areaCode: 'dornogovi', isProjectBranch: true })
      const p = await app.api<{ id: number; version: number }>('persons.create', { patronymic: 'Цэнд', givenName: 'Батбаяр', gender: 'male', registerNumber: 'УБ85031215', branchId: b.id })
      await page.goto(`${app.url}#/persons/${p.id}`)
      await page.getByRole('button', { name: 'Засах' }).click()
      // Meanwhile another user changes the phone number.
      await app.api('persons.update', { id: p.id, version: p.version, person: { patronymic: 'Цэнд', givenName: 'Батбаяр', gender: 'male', registerNumber: 'УБ85031215', branchId: b.id, phone: '99112233' } })
      await page.getByRole('dialog').getByLabel('Утас').fill('88001122')
      await page.getByRole('dialog').getByRole('button', { name: 'Хадгалах' }).click()
      await expectText(page, /Таныг нээснээс хойш энэ хүний мэдээллийг .* өөрчилсөн; юу ч хадгалагдсангүй/)
      const now = await app.api<{ person: { phone: string } }>('persons.get', { id: p.id })
      expect(now.person.phone).toBe('99112233')
    } finally {
      await page.context().close()
      await app.stop()
    }
  })
})
