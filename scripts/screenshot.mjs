// Screenshots of browser mode for the README and for looking at the UI:
// node scripts/screenshot.mjs URL OUT.png [#/route ...] [--lang en|mn]
import { chromium } from 'playwright-core'

const args = process.argv.slice(2)
const langAt = args.indexOf('--lang')
const lang = langAt >= 0 ? args.splice(langAt, 2)[1] : null
const [url, out, ...routes] = args
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
if (lang) await context.addInitScript((l) => localStorage.setItem('spn.lang', l), lang)
const page = await context.newPage()
page.on('pageerror', (e) => console.error('page error:', e.message))
await page.goto(url)
await page.waitForTimeout(1200)
for (const r of routes) {
  await page.evaluate((h) => (window.location.hash = h), r)
  await page.waitForTimeout(1000)
}
await page.screenshot({ path: out })
await browser.close()
