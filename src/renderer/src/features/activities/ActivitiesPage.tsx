import { Button, Group, Select, Stack, Text, Title } from '@mantine/core'
import { getRouteApi, useNavigate } from '@tanstack/react-router'
import { z } from 'zod'
import { ACTIVITY_TYPES, type ActivityRow } from '../../../../shared/api/activitiesTypes'
import { useOperation } from '../../query'
import { useI18n } from '../../i18n'
import { DataTable } from '../../components/DataTable'
import { SearchBox, filterDate, patchSearch, searchDate, searchId, searchOneOf } from '../../components/listSearch'
import { useBranches } from '../../components/pickers'
import { Writes } from '../../components/permissions'
import { AnchorLink } from '../../components/links'
import { Verbatim } from '../../components/Verbatim'

/** The activities list's address: `#/activities?from=…&to=…&type=…&area=…`. */
export const activitiesSearch = z.object({ from: searchDate, to: searchDate, type: searchOneOf(ACTIVITY_TYPES), area: searchId })
type Search = z.infer<typeof activitiesSearch>
const route = getRouteApi('/activities')

export function ActivitiesPage() {
  const { t, local, date, mnt, dkk, num } = useI18n()
  const search = route.useSearch()
  const navigate = useNavigate({ from: '/activities' })
  const set = (patch: Partial<Search>) => void navigate(patchSearch<Search>(patch))
  const branches = useBranches()
  const list = useOperation('activities.list', {
    ...(search.from ? { from: search.from } : {}),
    ...(search.to ? { to: search.to } : {}),
    ...(search.type ? { type: search.type } : {}),
    ...(search.area ? { branchId: search.area } : {}),
  })
  const rows = list.data ?? []
  const totals = rows.reduce((s, r) => ({ people: s.people + r.participants, mnt: s.mnt + r.cost.mntMinor, dkk: s.dkk + r.cost.dkkMinor }), { people: 0, mnt: 0, dkk: 0 })
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('nav.activities')}</Title>
        <Writes>
          <Button onClick={() => void navigate({ to: '/activities/new' })}>{t('act.new')}</Button>
        </Writes>
      </Group>
      <Group align="flex-end">
        <Select
          label={t('act.type')}
          clearable
          placeholder={t('common.all')}
          value={search.type ?? null}
          onChange={(v) => set({ type: (v ?? undefined) as Search['type'] })}
          data={ACTIVITY_TYPES.map((x) => ({ value: x, label: t(`act.type.${x}`) }))}
          w={260}
        />
        <Select
          label={t('g.area')}
          clearable
          placeholder={t('common.all')}
          value={search.area ? String(search.area) : null}
          onChange={(v) => set({ area: v ? Number(v) : undefined })}
          data={(branches.data ?? []).map((b) => ({ value: String(b.id), label: local({ mn: b.nameMn, en: b.nameEn }) }))}
          w={200}
        />
        <SearchBox label={t('fin.from')} placeholder={t('person.dateHint')} value={search.from ?? ''} onSearch={(d) => { const v = filterDate(d); if (v !== null) set({ from: v || undefined }) }} w={130} />
        <SearchBox label={t('fin.to')} placeholder={t('person.dateHint')} value={search.to ?? ''} onSearch={(d) => { const v = filterDate(d); if (v !== null) set({ to: v || undefined }) }} w={130} />
      </Group>
      {rows.length > 0 && (
        <Text size="sm" data-testid="activity-totals">
          {t('act.totalCost', { count: num(rows.length), people: num(totals.people), mnt: mnt(totals.mnt), dkk: dkk(totals.dkk) })}
        </Text>
      )}
      <DataTable
        label={t('nav.activities')}
        state={list}
        rows={(r) => r}
        rowKey={(r) => r.id}
        filtered={Boolean(search.from || search.to || search.type || search.area)}
        onOpen={(r) => void navigate({ to: '/activities/$id', params: { id: r.id } })}
        columns={[
          { key: 'dates', header: t('act.dates'), numeric: true, sortValue: (r: ActivityRow) => r.startsOn, cell: (r) => (r.startsOn === r.endsOn ? date(r.startsOn) : `${date(r.startsOn)} – ${date(r.endsOn)}`) },
          { key: 'type', header: t('act.type'), sortValue: (r) => t(`act.type.${r.type}`), cell: (r) => t(`act.type.${r.type}`) },
          {
            key: 'title',
            header: t('act.name'),
            sortValue: (r) => r.title,
            cell: (r) => (
              <AnchorLink to="/activities/$id" params={{ id: r.id }} size="sm">
                <Verbatim>{r.title}</Verbatim>
              </AnchorLink>
            ),
          },
          { key: 'areas', header: t('act.areas'), cell: (r) => r.areas.map(local).join(', ') },
          { key: 'participants', header: t('act.participants'), numeric: true, sortValue: (r) => r.participants, cell: (r) => num(r.participants) },
          { key: 'cost', header: t('act.cost'), numeric: true, sortValue: (r) => r.cost.mntMinor, cell: (r) => (r.cost.mntMinor ? mnt(r.cost.mntMinor) : '') },
          { key: 'dkk', header: t('act.costDkk'), numeric: true, sortValue: (r) => r.cost.dkkMinor, cell: (r) => (r.cost.dkkMinor ? dkk(r.cost.dkkMinor) : '') },
        ]}
      />
    </Stack>
  )
}
