import { Badge, Select } from '@mantine/core'
import { AREAS } from '../../../shared/domain/geography'
import type { MembershipStatus } from '../../../shared/domain/membership'
import type { BranchWithCounts } from '../../../shared/api/types'
import { useI18n } from '../i18n'
import { useOperation } from '../query'

export function AreaSelect(props: { label: string; value: string | null; onChange(v: string | null): void; error?: string; required?: boolean }) {
  const { lang } = useI18n()
  const data = [
    { group: lang === 'mn' ? 'Аймаг' : 'Aimags', items: AREAS.filter((a) => a.kind === 'aimag').map((a) => ({ value: a.code, label: a[lang] })) },
    { group: lang === 'mn' ? 'Улаанбаатарын дүүрэг' : 'Ulaanbaatar districts', items: AREAS.filter((a) => a.kind === 'district').map((a) => ({ value: a.code, label: a[lang] })) },
  ]
  return <Select searchable allowDeselect={!props.required} {...props} data={data} />
}

export function useBranches() {
  return useOperation('branches.list', {}, { lookup: true })
}

export function BranchSelect(props: {
  label: string
  value: number | null
  onChange(v: number | null): void
  error?: string
  required?: boolean
  clearable?: boolean
  placeholder?: string
  branches: BranchWithCounts[]
  'aria-label'?: string
}) {
  const { local } = useI18n()
  const { branches, value, onChange, ...rest } = props
  return (
    <Select
      searchable
      allowDeselect={!props.required}
      {...rest}
      data={branches.map((b) => ({ value: String(b.id), label: local({ mn: b.nameMn, en: b.nameEn }) }))}
      value={value === null ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
    />
  )
}

const STATUS_COLOR: Record<MembershipStatus, string> = {
  applicant: 'yellow',
  active: 'green',
  rejected: 'gray',
  excluded: 'red',
  resigned: 'gray',
  deceased: 'dark',
}

export function StatusBadge({ status }: { status: MembershipStatus | null }) {
  const { t } = useI18n()
  if (!status) return <Badge variant="outline" color="gray">{t('status.none')}</Badge>
  return (
    <Badge variant="light" color={STATUS_COLOR[status]}>
      {t(`status.${status}`)}
    </Badge>
  )
}
