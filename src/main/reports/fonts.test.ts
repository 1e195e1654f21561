import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { resourcePath } from '../paths'
import { reports as en } from '../../shared/i18n/en/reports'
import { reports as mn } from '../../shared/i18n/mn/reports'

// pdfkit's own font reader (pdfmake embeds the faces through it).
const fontkit = createRequire(import.meta.url)('fontkit') as { create(b: Buffer): { hasGlyphForCodePoint(c: number): boolean } }

describe('the PDF fonts', () => {
  it('have a glyph for every character of the reports\' catalogues, in both faces (a missing one prints as nothing)', () => {
    const chars = new Set([...Object.values(en), ...Object.values(mn)].flatMap((s) => [...s]).concat([...'₮№–—…«»']))
    for (const face of ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf']) {
      const font = fontkit.create(readFileSync(resourcePath('fonts', face)))
      const missing = [...chars].filter((c) => c.trim() && !font.hasGlyphForCodePoint(c.codePointAt(0)!))
      expect(missing.map((c) => `${c} U+${c.codePointAt(0)!.toString(16).toUpperCase()}`), face).toEqual([])
    }
  })
})
