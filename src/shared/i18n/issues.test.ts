import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { en } from './en'
import { mn } from './mn'
import { issueRef, messageRef } from './issues'
import { translate, type MessageKey } from './index'
import { personInput } from '../api/contract'

describe('errors as keys', () => {
  it('every sentence of the refusal and validation catalogues is found again by its English text, and has a Mongolian one', () => {
    for (const [key, text] of Object.entries(en)) {
      if (!/^[vr]\./.test(key)) continue
      expect(mn[key as MessageKey], key).toBeTruthy()
      expect(mn[key as MessageKey], key).not.toBe(text)
      if (!text.includes('{')) expect(messageRef(text)?.key, key).toBe(key)
    }
  })

  it('reads the values back out of sentences that carry them', () => {
    expect(messageRef('No person with id 42')).toEqual({ key: 'r.notFound.person', vars: { id: 42 } })
    expect(messageRef('U-100 is already used (expense of 2010-05-05)')).toEqual({ key: 'r.voucherUsed', vars: { voucher: 'U-100', date: '2010-05-05' } })
    const changed = messageRef('This person was changed by bat at 2026.11.26 17:30 after you opened it; nothing was saved. Reload to see the change, then make yours again.')
    expect(translate('mn', changed!.key, changed!.vars)).toBe('Таныг нээснээс хойш энэ хүний мэдээллийг bat 2026.11.26 17:30-д өөрчилсөн; юу ч хадгалагдсангүй. Өөрчлөлтийг харахын тулд дахин ачаалаад, өөрийнхөө өөрчлөлтийг дахин хийнэ үү.')
    expect(messageRef('something nobody wrote')).toBeNull()
  })

  it('turns every issue of a form into a Mongolian sentence: missing, too long, wrong kind, unknown field, the schemas own', () => {
    const r = personInput.safeParse({ patronymic: '', givenName: 'x'.repeat(61), gender: 'other', registerNumber: 'AB', branchId: 'one', birthDate: '2009-02-30', surprise: 1 })
    const sentences = r.error!.issues.map((i) => {
      const ref = issueRef(i)
      return [i.path.join('.') || '(form)', translate('mn', ref.key, ref.vars)]
    })
    // Only the name of an unknown field (a programmer's mistake, never a user's) stays as it was sent.
    for (const [, s] of sentences) expect(s.replace(/\(surprise\)/, ''), s).not.toMatch(/[A-Za-z]{3,}/)
    // The form shows the first sentence of each field.
    expect(Object.fromEntries([...sentences].reverse())).toMatchObject({
      patronymic: 'заавал бөглөнө',
      gender: 'эмэгтэй эсвэл эрэгтэй байна',
      birthDate: 'бодит огноо байх ба ОООО.СС.ӨӨ эсвэл ОООО-СС-ӨӨ хэлбэрээр бичнэ',
    })
    const missing = z.strictObject({ n: z.number() }).safeParse({})
    expect(issueRef(missing.error!.issues[0])).toEqual({ key: 'v.required' })
  })
})
