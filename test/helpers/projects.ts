import type { InputOf } from '../../src/shared/api/contract'

/** The next project of SPN, as an office would set it up from nothing: two funding sources, three project years. */
export const NEXT_PROJECT: InputOf<'projects.create'> = {
  code: 'SPN-2011',
  nameEn: 'Savings and loan cooperatives',
  nameMn: 'Хадгаламж, зээлийн хоршоо',
  donorEn: 'DANIDA through the Danish Mongolian Society',
  donorMn: 'ДАНИДА, Дани-Монголын нийгэмлэгээр дамжуулан',
  agreementNumber: '104.Mongolia.5',
  startsOn: '2011-03-01',
  endsOn: '2014-02-28',
  adminMainCode: '13',
  sources: [
    { code: 'DANIDA', kind: 'grant', nameEn: 'DANIDA grant', nameMn: 'ДАНИДА-гийн тусламж', committedMinor: 300_000_000 },
    { code: 'DMS', kind: 'cofunding', nameEn: 'DMS co-funding', nameMn: 'ДМН-ийн санхүүжилт', committedMinor: 10_000_000 },
  ],
  lines: [
    { code: '1', nameEn: 'Activities', nameMn: 'Үйл ажиллагаа' },
    { code: '1.1', nameEn: 'Cooperative training', nameMn: 'Хоршооны сургалт' },
    { code: '1.2', nameEn: 'Loan funds', nameMn: 'Зээлийн сан' },
    { code: '4', nameEn: 'Local staff', nameMn: 'Орон нутгийн ажилтан' },
    { code: '4.1', nameEn: 'Coordinator', nameMn: 'Зохицуулагч' },
    { code: '13', nameEn: 'Administration in Denmark', nameMn: 'Дани дахь захиргаа' },
    { code: '13.1', nameEn: 'Administration', nameMn: 'Захиргаа' },
  ],
}
