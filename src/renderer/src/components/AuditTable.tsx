import { Code, Text } from '@mantine/core'
import type { AuditEntry } from '../../../shared/api/types'
import { useI18n } from '../i18n'
import { DataTable } from './DataTable'
import { Verbatim } from './Verbatim'

/** What changed: the fields whose values differ between before and after. */
export function describeChange(before: unknown, after: unknown): string {
  if (before === null || typeof before !== 'object') return ''
  const a = (after ?? {}) as Record<string, unknown>
  const b = before as Record<string, unknown>
  return Object.keys(a)
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]) && k !== 'events')
    .map((k) => `${k}: ${JSON.stringify(b[k] ?? null)} → ${JSON.stringify(a[k] ?? null)}`)
    .join('; ')
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useI18n()
  return (
    <DataTable
      label={t('person.audit')}
      data={entries}
      rows={(rows) => rows}
      rowKey={(e) => e.id}
      columns={[
        { key: 'at', header: t('audit.at'), cell: (e: AuditEntry) => e.at.slice(0, 16).replace('T', ' ').replaceAll('-', '.') },
        { key: 'actor', header: t('audit.actor'), cell: (e) => <Verbatim>{e.actor}</Verbatim> },
        { key: 'operation', header: t('audit.operation'), cell: (e) => <Code>{e.operation}</Code> },
        { key: 'change', header: t('audit.change'), cell: (e) => <Text span fz="xs">{e.before === null ? t('audit.created') : describeChange(e.before, e.after)}</Text> },
      ]}
    />
  )
}
