import { useState } from 'react'
import { Badge, Button, Group, Stack, Title } from '@mantine/core'
import type { BranchWithCounts } from '../../../../shared/api/types'
import { areaByCode } from '../../../../shared/domain/geography'
import { useI18n } from '../../i18n'
import { useBranches } from '../../components/pickers'
import { DataTable } from '../../components/DataTable'
import { BranchForm } from './BranchForm'
import { Verbatim } from '../../components/Verbatim'
import { Writes } from '../../components/permissions'

export function BranchesPage() {
  const { t, num, lang, date } = useI18n()
  const branches = useBranches()
  const [editing, setEditing] = useState<BranchWithCounts | 'new' | null>(null)
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('nav.branches')}</Title>
        <Writes>
        <Button onClick={() => setEditing('new')}>{t('branch.add')}</Button>
        </Writes>
      </Group>
      <DataTable
        label={t('nav.branches')}
        state={branches}
        rows={(rows) => rows}
        rowKey={(b) => b.id}
        columns={[
          { key: 'code', header: t('branch.code'), sortValue: (b: BranchWithCounts) => b.code, cell: (b) => <Verbatim>{b.code}</Verbatim> },
          {
            key: 'name',
            header: t('branch.name'),
            sortValue: (b) => (lang === 'mn' ? b.nameMn : b.nameEn),
            cell: (b) => (
              <>
                {lang === 'mn' ? b.nameMn : b.nameEn}{' '}
                {b.isProjectBranch && (
                  <Badge size="xs" variant="light">
                    {t('branch.project')}
                  </Badge>
                )}
              </>
            ),
          },
          { key: 'area', header: t('branch.area'), sortValue: (b) => areaByCode(b.areaCode)?.[lang] ?? b.areaCode, cell: (b) => areaByCode(b.areaCode)?.[lang] ?? b.areaCode },
          { key: 'established', header: t('branch.established'), numeric: true, sortValue: (b) => b.establishedOn ?? '', cell: (b) => date(b.establishedOn) },
          { key: 'members', header: t('branch.activeMembers'), numeric: true, sortValue: (b) => b.activeMembers, cell: (b) => num(b.activeMembers) },
          { key: 'households', header: t('branch.households'), numeric: true, sortValue: (b) => b.households, cell: (b) => num(b.households) },
          { key: 'persons', header: t('branch.persons'), numeric: true, sortValue: (b) => b.persons, cell: (b) => num(b.persons) },
          {
            key: 'edit',
            header: '',
            cell: (b) => (
              <Writes>
              <Button size="xs" variant="subtle" onClick={() => setEditing(b)}>
                {t('common.edit')}
              </Button>
              </Writes>
            ),
          },
        ]}
      />
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
