import { expect } from 'vitest'
import type { Page } from 'playwright-core'

/** Page models: what a secretariat officer does, in the words of the UI (English). */
/** Chooses an option of a select inside the open dialog. */
export async function pickOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('dialog').getByRole('combobox', { name: label }).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

export class PersonsPage {
  constructor(readonly page: Page) {}
  async open() {
    await nav(this.page, 'Persons').click()
    await this.page.getByRole('heading', { name: 'Persons' }).waitFor()
  }
  async search(text: string) {
    await this.page.getByRole('textbox', { name: 'Search' }).fill(text)
  }
  rowNames() {
    return this.page.locator('table[aria-label="Persons"] tbody tr td:first-child a').allTextContents()
  }
  async addPerson(p: { patronymic: string; givenName: string; registerNumber: string; gender: 'Female' | 'Male'; branch: string }) {
    await this.page.getByRole('button', { name: 'Add person' }).click()
    const dialog = this.page.getByRole('dialog')
    await dialog.getByLabel('Patronymic').fill(p.patronymic)
    await dialog.getByLabel('Given name').fill(p.givenName)
    await dialog.getByLabel('Register number').fill(p.registerNumber)
    await pickOption(this.page, 'Gender', p.gender)
    await pickOption(this.page, 'Local organisation', p.branch)
    await dialog.getByRole('button', { name: 'Save' }).click()
  }
}

/** A link of the main navigation. */
export function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true })
}

export async function expectText(page: Page, text: string | RegExp) {
  await page.getByText(text).first().waitFor({ timeout: 10000 })
  expect(await page.getByText(text).count()).toBeGreaterThan(0)
}
