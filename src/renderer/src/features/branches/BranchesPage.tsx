import { useState } from 'react'
import { Badge, Button, Group, Stack, Table, Title } from '@mantine/core'
import type { BranchWithCounts } from '../../../../shared/api/types'
import { areaByCode } from '../../../../shared/domain/geography'
import { useI18n } from '../../i18n'
import { useBranches } from '../../components/pickers'
import { Empty, PageState } from '../../components/PageState'
import { BranchForm } from './BranchForm'

export function BranchesPage() {
  const { t, num, lang, date } = useI18n()
  const branches = useBranches()
  const [editing, setEditing] = useState<BranchWithCounts | 'new' | null>(null)
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('nav.branches')}</Title>
        <Button onClick={() => setEditing('new')}>{t('branch.add')}</Button>
      </Group>
      <PageState state={branches} reload={branches.reload}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty />
          ) : (
            <Table striped highlightOnHover withTableBorder aria-label={t('nav.branches')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('branch.code')}</Table.Th>
                  <Table.Th>{t('branch.name')}</Table.Th>
                  <Table.Th>{t('branch.area')}</Table.Th>
                  <Table.Th>{t('branch.established')}</Table.Th>
                  <Table.Th ta="right">{t('branch.activeMembers')}</Table.Th>
                  <Table.Th ta="right">{t('branch.households')}</Table.Th>
                  <Table.Th ta="right">{t('branch.persons')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Td>{b.code}</Table.Td>
                    <Table.Td>
                      {lang === 'mn' ? b.nameMn : b.nameEn}{' '}
                      {b.isProjectBranch && (
                        <Badge size="xs" variant="light">
                          {t('branch.project')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{areaByCode(b.areaCode)?.[lang] ?? b.areaCode}</Table.Td>
                    <Table.Td>{date(b.establishedOn)}</Table.Td>
                    <Table.Td ta="right">{num(b.activeMembers)}</Table.Td>
                    <Table.Td ta="right">{num(b.households)}</Table.Td>
                    <Table.Td ta="right">{num(b.persons)}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="subtle" onClick={() => setEditing(b)}>
                        {t('common.edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </PageState>
      {editing && (
        <BranchForm
          branch={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
    </Stack>
  )
}
