/** The 21 aimags and the 9 districts of Ulaanbaatar: a fixed list the app ships. */
export interface Area {
  code: string
  kind: 'aimag' | 'district'
  mn: string
  en: string
}

export const AREAS: readonly Area[] = [
  { code: 'arkhangai', kind: 'aimag', mn: 'Архангай', en: 'Arkhangai' },
  { code: 'bayan-ulgii', kind: 'aimag', mn: 'Баян-Өлгий', en: 'Bayan-Ölgii' },
  { code: 'bayankhongor', kind: 'aimag', mn: 'Баянхонгор', en: 'Bayankhongor' },
  { code: 'bulgan', kind: 'aimag', mn: 'Булган', en: 'Bulgan' },
  { code: 'govi-altai', kind: 'aimag', mn: 'Говь-Алтай', en: 'Govi-Altai' },
  { code: 'govisumber', kind: 'aimag', mn: 'Говьсүмбэр', en: 'Govisümber' },
  { code: 'darkhan-uul', kind: 'aimag', mn: 'Дархан-Уул', en: 'Darkhan-Uul' },
  { code: 'dornogovi', kind: 'aimag', mn: 'Дорноговь', en: 'Dornogovi' },
  { code: 'dornod', kind: 'aimag', mn: 'Дорнод', en: 'Dornod' },
  { code: 'dundgovi', kind: 'aimag', mn: 'Дундговь', en: 'Dundgovi' },
  { code: 'zavkhan', kind: 'aimag', mn: 'Завхан', en: 'Zavkhan' },
  { code: 'orkhon', kind: 'aimag', mn: 'Орхон', en: 'Orkhon' },
  { code: 'uvurkhangai', kind: 'aimag', mn: 'Өвөрхангай', en: 'Övörkhangai' },
  { code: 'umnugovi', kind: 'aimag', mn: 'Өмнөговь', en: 'Ömnögovi' },
  { code: 'sukhbaatar', kind: 'aimag', mn: 'Сүхбаатар', en: 'Sükhbaatar' },
  { code: 'selenge', kind: 'aimag', mn: 'Сэлэнгэ', en: 'Selenge' },
  { code: 'tuv', kind: 'aimag', mn: 'Төв', en: 'Töv' },
  { code: 'uvs', kind: 'aimag', mn: 'Увс', en: 'Uvs' },
  { code: 'khovd', kind: 'aimag', mn: 'Ховд', en: 'Khovd' },
  { code: 'khuvsgul', kind: 'aimag', mn: 'Хөвсгөл', en: 'Khövsgöl' },
  { code: 'khentii', kind: 'aimag', mn: 'Хэнтий', en: 'Khentii' },
  { code: 'baganuur', kind: 'district', mn: 'Багануур', en: 'Baganuur' },
  { code: 'bagakhangai', kind: 'district', mn: 'Багахангай', en: 'Bagakhangai' },
  { code: 'bayangol', kind: 'district', mn: 'Баянгол', en: 'Bayangol' },
  { code: 'bayanzurkh', kind: 'district', mn: 'Баянзүрх', en: 'Bayanzürkh' },
  { code: 'nalaikh', kind: 'district', mn: 'Налайх', en: 'Nalaikh' },
  { code: 'songinokhairkhan', kind: 'district', mn: 'Сонгинохайрхан', en: 'Songinokhairkhan' },
  { code: 'sukhbaatar-district', kind: 'district', mn: 'Сүхбаатар', en: 'Sükhbaatar' },
  { code: 'khan-uul', kind: 'district', mn: 'Хан-Уул', en: 'Khan-Uul' },
  { code: 'chingeltei', kind: 'district', mn: 'Чингэлтэй', en: 'Chingeltei' },
]

export const AREA_CODES = AREAS.map((a) => a.code) as [string, ...string[]]

export function areaByCode(code: string): Area | undefined {
  return AREAS.find((a) => a.code === code)
}
