import type { Page } from 'playwright-core'

/*
 * What a user sees on the screen, checked the way she would: the words in
 * her language, numbers that stay on one line, a page that fits the screen.
 */

/** Codes and product names that stay Latin in Mongolian too: currencies, the funding sources' codes, acronyms, file formats, database engines. */
export const CODES = new Set(['UTC', 'DKK', 'MNT', 'DANIDA', 'DMS', 'DaMoST', 'OWN', 'INT', 'PDF', 'Excel', 'SQLite', 'PostgreSQL', 'xlsx', 'csv', 'Enter', 'PAR'])  // file extensions as Windows shows them, key names as printed on the keyboard, portfolio-at-risk as microfinance writes it

/** Waits until the page has nothing loading. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], .mantine-Loader-root'), undefined, { timeout: 10000 })
  await page.waitForTimeout(150)
}

/**
 * Latin words in the visible text (2+ letters), outside what is marked
 * `translate="no"` (names as written, codes, file names) or set as code (a command)
 * and outside the codes above.
 */
export async function latinWords(page: Page, within = 'body'): Promise<string[]> {
  const words = await page.evaluate((selector) => {
    const root = document.querySelector(selector)
    if (!root) return []
    const found: string[] = []
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || el.closest('[translate="no"], code, script, style') || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue
      found.push(...(n.textContent?.match(/[A-Za-z]{2,}/g) ?? []))
    }
    return found
  }, within)
  return [...new Set(words)].filter((w) => !CODES.has(w))
}

/** Numbers (amounts, counts, dates) that the layout broke across two lines. */
export async function brokenNumbers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? ''
      for (const m of text.matchAll(/\d[\d\u00a0 .,]*\d(?:[\u00a0 ]₮)?/g)) {
        const range = document.createRange()
        range.setStart(n, m.index)
        range.setEnd(n, m.index + m[0].trimEnd().length)
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)))
        if (tops.size > 1) broken.push(m[0])
      }
    }
    return broken
  })
}

/** How far the page is wider than the window (0 when it fits; tables wider than the page scroll inside it). */
export function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
}
