import { Code, Table } from '@mantine/core'
import type { AuditEntry } from '../../../shared/api/types'
import { useI18n } from '../i18n'
import { Empty } from './PageState'

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
  if (entries.length === 0) return <Empty />
  return (
    <Table withTableBorder aria-label={t('person.audit')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('audit.at')}</Table.Th>
          <Table.Th>{t('audit.actor')}</Table.Th>
          <Table.Th>{t('audit.operation')}</Table.Th>
          <Table.Th>{t('audit.change')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td>{e.at.slice(0, 16).replace('T', ' ').replaceAll('-', '.')}</Table.Td>
            <Table.Td>{e.actor}</Table.Td>
            <Table.Td>
              <Code>{e.operation}</Code>
            </Table.Td>
            <Table.Td fz="xs">{e.before === null ? t('audit.created') : describeChange(e.before, e.after)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
