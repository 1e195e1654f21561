import { Code, Stack, Text } from '@mantine/core'
import type { AuditEntry, AuditValue } from '../../../shared/api/types'
import { CATALOGUES, type MessageKey } from '../../../shared/i18n'
import { useI18n } from '../i18n'
import { DataTable } from './DataTable'
import { Verbatim } from './Verbatim'
import { localTime } from './localTime'

const known = (key: string): key is MessageKey => key in CATALOGUES.en

/** One value of the trail as the user reads it. */
function AuditValueText({ value }: { value: AuditValue }) {
  const { t, local, date, num, mnt } = useI18n()
  switch (value.kind) {
    case 'none':
      return <>—</>
    case 'text':
      // What someone typed, as typed.
      return <Verbatim>{value.text}</Verbatim>
    case 'name':
      return <>{local(value.name)}</>
    case 'date':
      return <>{date(value.date)}</>
    case 'flag':
      return <>{t(value.value ? 'common.yes' : 'common.no')}</>
    case 'number':
      return <>{num(value.value)}</>
    case 'mnt':
      return <>{mnt(value.minor)}</>
    case 'word':
      return known(value.key) ? <>{t(value.key)}</> : <Verbatim>{value.key}</Verbatim>
  }
}

/** Who did what when, in words: "Өрхийн тэргүүн: — → Ц. Батбаяр". */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useI18n()
  const operation = (e: AuditEntry) => {
    const key = `audit.op.${e.operation}`
    return known(key) ? t(key) : <Code>{e.operation}</Code>
  }
  const field = (name: string) => {
    const key = `audit.field.${name}`
    return known(key) ? t(key) : <Verbatim>{name}</Verbatim>
  }
  return (
    <DataTable
      label={t('person.audit')}
      data={entries}
      rows={(rows) => rows}
      rowKey={(e) => e.id}
      columns={[
        { key: 'at', header: t('audit.at'), cell: (e: AuditEntry) => <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>{localTime(e.at)}</Text> },
        { key: 'actor', header: t('audit.actor'), cell: (e) => <Verbatim>{e.actor}</Verbatim> },
        { key: 'operation', header: t('audit.operation'), cell: operation },
        {
          key: 'change',
          header: t('audit.change'),
          cell: (e) =>
            e.before === null || e.after === null ? (
              <Text span fz="xs">
                {t(e.before === null ? 'audit.created' : 'audit.deleted')}
              </Text>
            ) : (
              <Stack gap={0}>
                {e.changes.map((c) => (
                  <Text key={c.field} fz="xs" data-testid="audit-change">
                    {field(c.field)}: <AuditValueText value={c.before} /> → <AuditValueText value={c.after} />
                  </Text>
                ))}
              </Stack>
            ),
        },
      ]}
    />
  )
}
