import { chromium } from 'playwright-core'
const [url, out, ...steps] = process.argv.slice(2)
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] })
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
page.on('console', m => { if (m.type() === 'error') console.log('console:', m.text()) })
page.on('pageerror', e => console.log('pageerror:', e.message))
await page.goto(url)
await page.waitForTimeout(1500)
for (const s of steps) { await page.evaluate((h) => { window.location.hash = h }, s); await page.waitForTimeout(1200) }
await page.screenshot({ path: out, fullPage: false })
await browser.close()
