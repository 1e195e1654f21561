/** Mongolian names for the demo data. */
export const FEMALE_NAMES = [
  'Оюунчимэг', 'Сарантуяа', 'Батцэцэг', 'Нарангэрэл', 'Энхтуяа', 'Мөнхзул', 'Ариунаа', 'Болормаа', 'Цэцэгмаа',
  'Уранчимэг', 'Гэрэлмаа', 'Түмэнжаргал', 'Солонго', 'Наранцэцэг', 'Алтанцэцэг', 'Хонгорзул', 'Одгэрэл', 'Номин',
  'Үүрийнтуяа', 'Эрдэнэчимэг', 'Бямбасүрэн', 'Дэлгэрмаа', 'Ганчимэг', 'Мөнхцэцэг', 'Оюун', 'Сэлэнгэ', 'Жаргалмаа',
  'Ундрах', 'Хулан', 'Отгонтуяа', 'Цолмон', 'Өнөрмаа', 'Пүрэвсүрэн', 'Нямсүрэн', 'Анударь', 'Золзаяа',
]
export const MALE_NAMES = [
  'Батбаяр', 'Ганбаатар', 'Эрдэнэбат', 'Мөнхбат', 'Болд', 'Төмөрбаатар', 'Батсүх', 'Ганзориг', 'Энхбаяр', 'Сүхбаатар',
  'Баярсайхан', 'Дорж', 'Цэрэнпил', 'Өлзийбаяр', 'Пүрэвдорж', 'Нямдорж', 'Баатар', 'Тэмүүлэн', 'Билгүүн',
  'Ариунболд', 'Хүрэлбаатар', 'Золбоо', 'Мөнхжаргал', 'Очир', 'Түвшинбаяр', 'Жаргалсайхан', 'Гантулга', 'Цэнд',
  'Лхагва', 'Даваадорж', 'Отгонбаяр', 'Бат-Эрдэнэ', 'Үнэнбат', 'Чинбат', 'Шинэбаяр', 'Ёндон',
]
export const CLAN_NAMES = [
  'Боржигин', 'Хиад', 'Тайчууд', 'Олхонууд', 'Хонгирад', 'Урианхай', 'Баарин', 'Жалайр', 'Цоохор', 'Сартуул',
  'Хатагин', 'Мангад', 'Өөлд', 'Үйшин',
]

export interface DemoBranch {
  code: string
  nameMn: string
  nameEn: string
  areaCode: string
  project: boolean
  /** Register-number letters common in the area. */
  letters: string
  /** Sum (aimag centre) or khoroo names for addresses. */
  soums: string[]
}

export const DEMO_BRANCHES: DemoBranch[] = [
  { code: 'DOR', nameMn: 'Дорноговь', nameEn: 'Dornogovi', areaCode: 'dornogovi', project: true, letters: 'ДО', soums: ['Сайншанд', 'Замын-Үүд', 'Даланжаргалан'] },
  { code: 'ORK', nameMn: 'Орхон', nameEn: 'Orkhon', areaCode: 'orkhon', project: true, letters: 'ОР', soums: ['Баян-Өндөр', 'Жаргалант'] },
  { code: 'DUN', nameMn: 'Дундговь', nameEn: 'Dundgovi', areaCode: 'dundgovi', project: true, letters: 'ДУ', soums: ['Сайнцагаан', 'Говь-Угтаал', 'Өлзийт'] },
  { code: 'NAL', nameMn: 'Налайх', nameEn: 'Nalaikh', areaCode: 'nalaikh', project: true, letters: 'УН', soums: ['1-р хороо', '2-р хороо', '4-р хороо', '6-р хороо'] },
  { code: 'KHU', nameMn: 'Хан-Уул', nameEn: 'Khan-Uul', areaCode: 'khan-uul', project: true, letters: 'УХ', soums: ['3-р хороо', '7-р хороо', '11-р хороо', '15-р хороо'] },
  { code: 'ARK', nameMn: 'Архангай', nameEn: 'Arkhangai', areaCode: 'arkhangai', project: false, letters: 'АР', soums: ['Эрдэнэбулган'] },
  { code: 'BKH', nameMn: 'Баянхонгор', nameEn: 'Bayankhongor', areaCode: 'bayankhongor', project: false, letters: 'БХ', soums: ['Баянхонгор'] },
  { code: 'DAR', nameMn: 'Дархан-Уул', nameEn: 'Darkhan-Uul', areaCode: 'darkhan-uul', project: false, letters: 'ДА', soums: ['Дархан'] },
  { code: 'KHS', nameMn: 'Хөвсгөл', nameEn: 'Khövsgöl', areaCode: 'khuvsgul', project: false, letters: 'ХӨ', soums: ['Мөрөн'] },
  { code: 'UVR', nameMn: 'Өвөрхангай', nameEn: 'Övörkhangai', areaCode: 'uvurkhangai', project: false, letters: 'ӨВ', soums: ['Арвайхээр'] },
  { code: 'SEL', nameMn: 'Сэлэнгэ', nameEn: 'Selenge', areaCode: 'selenge', project: false, letters: 'СЭ', soums: ['Сүхбаатар'] },
  { code: 'TUV', nameMn: 'Төв', nameEn: 'Töv', areaCode: 'tuv', project: false, letters: 'ТӨ', soums: ['Зуунмод'] },
  { code: 'GAL', nameMn: 'Говь-Алтай', nameEn: 'Govi-Altai', areaCode: 'govi-altai', project: false, letters: 'ГА', soums: ['Есөнбулаг'] },
  { code: 'BZD', nameMn: 'Баянзүрх', nameEn: 'Bayanzürkh', areaCode: 'bayanzurkh', project: false, letters: 'УБ', soums: ['8-р хороо'] },
  { code: 'SKH', nameMn: 'Сонгинохайрхан', nameEn: 'Songinokhairkhan', areaCode: 'songinokhairkhan', project: false, letters: 'УС', soums: ['20-р хороо'] },
]

export const DEMO_ORGANISATIONS = [
  { nameMn: 'Эмэгтэйчүүдийн хөгжлийн сүлжээ', nameEn: "Women's Development Network", kind: 'network' as const },
  { nameMn: 'Өрхийн эмэгтэйчүүдийн бүлэг', nameEn: 'Group of Women Heads of Households', kind: 'group' as const },
  { nameMn: 'Нийгмийн ажилтны холбоо', nameEn: 'Social Workers Association', kind: 'network' as const },
  { nameMn: 'Залуучуудын сайн дурын бүлэг', nameEn: 'Youth Volunteer Group', kind: 'group' as const },
  { nameMn: 'Хөгжлийн бэрхшээлтэй иргэдийн бүлэг', nameEn: 'Group of People with Disabilities', kind: 'group' as const },
  { nameMn: 'Ахмадын холбоо', nameEn: "Elders' Association", kind: 'network' as const },
]

export const REJECTION_REASONS = [
  'Өргөдөл дутуу бөглөгдсөн',
  'Сүлжээний зорилготой нийцэхгүй үйл ажиллагаа',
]
export const EXCLUSION_REASONS = [
  'Сүлжээний ашиг сонирхолд харшилсан үйлдэл',
  'Гишүүний үүргээ удаа дараа биелүүлээгүй',
]
