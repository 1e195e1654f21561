import { useState } from 'react'
import { Alert, Button, Group, Loader, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core'
import { useNavigate } from '@tanstack/react-router'
import { activityInput } from '../../../../shared/api/activities'
import { ACTIVITY_TYPES } from '../../../../shared/api/activitiesTypes'
import type { Project } from '../../../../shared/api/financeTypes'
import { isIsoDate, todayIso } from '../../../../shared/domain/dates'
import { useContractForm } from '../../components/useContractForm'
import { useOperation, write } from '../../query'
import { useI18n } from '../../i18n'
import { useBranches } from '../../components/pickers'
import { DateField } from '../../components/DateField'
import { AnchorLink } from '../../components/links'
import { useProject } from '../finance/useProject'
import { ParticipantPicker, type Outsider, type Picked } from './ParticipantPicker'
import { AddPartner } from './AddPartner'

const PRINTED = new Set(['magazine', 'publication'])

/**
 * Recording an activity on one page: what, when, where, who ran it, with
 * which partners, on which sub-line of the project, and who took part,
 * picked a group at a time. Its expenses are linked on its own page, once
 * the vouchers are in.
 */
export function NewActivityPage() {
  const { project, loading } = useProject()
  // The form starts on the project in use, so it waits for the list of projects.
  return loading ? <Loader size="sm" /> : <ActivityForm project={project} />
}

function ActivityForm({ project }: { project: Project | null }) {
  const { t, local } = useI18n()
  const navigate = useNavigate()
  const branches = useBranches()
  const partners = useOperation('activities.partners', {}, { lookup: true })
  const [picked, setPicked] = useState<Picked[]>([])
  const [outsiders, setOutsiders] = useState<Outsider[]>([])
  const [addingPartner, setAddingPartner] = useState(false)
  const f = useContractForm(activityInput, {
    type: null as string | null,
    title: '',
    startsOn: todayIso(),
    endsOn: todayIso(),
    facilitator: '',
    areaIds: [] as string[],
    partnerIds: [] as string[],
    projectId: (project ? String(project.id) : null) as string | null,
    budgetLineId: null as string | null,
    issue: '',
    copiesPrinted: '' as number | string,
    copiesDistributed: '' as number | string,
    notes: '',
  })
  const v = f.values
  const chosenProject = project && v.projectId === String(project.id) ? project : null
  const submit = async () => {
    const input = f.parse((x) => ({
      type: x.type ?? undefined,
      title: x.title,
      startsOn: x.startsOn,
      endsOn: x.endsOn,
      facilitator: x.facilitator || null,
      areaIds: x.areaIds.map(Number),
      partnerIds: x.partnerIds.map(Number),
      projectId: x.projectId ? Number(x.projectId) : null,
      budgetLineId: x.budgetLineId ? Number(x.budgetLineId) : null,
      issue: PRINTED.has(x.type ?? '') ? x.issue || null : null,
      copiesPrinted: PRINTED.has(x.type ?? '') && x.copiesPrinted !== '' ? Number(x.copiesPrinted) : null,
      copiesDistributed: PRINTED.has(x.type ?? '') && x.copiesDistributed !== '' ? Number(x.copiesDistributed) : null,
      notes: x.notes || null,
      personIds: picked.map((p) => p.personId),
      outsiders,
    }))
    if (!input) return
    f.setBusy(true)
    const r = await write('activities.create', input)
    f.setBusy(false)
    if (r.ok) void navigate({ to: '/activities/$id', params: { id: r.value.id } })
    else f.serverError(r.error)
  }
  return (
    <>
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <Stack>
        <AnchorLink to="/activities" size="sm">
          ← {t('nav.activities')}
        </AnchorLink>
        <Title order={2}>{t('act.new')}</Title>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <SimpleGrid cols={3}>
              <Select label={t('act.type')} required searchable data-autofocus {...f.input('type')} data={ACTIVITY_TYPES.map((x) => ({ value: x, label: t(`act.type.${x}`) }))} />
              <DateField label={t('act.startsOn')} required {...f.input('startsOn')} />
              <DateField label={t('act.endsOn')} required {...f.input('endsOn')} />
            </SimpleGrid>
            <TextInput label={t('act.name')} required {...f.input('title')} />
            <SimpleGrid cols={2}>
              <MultiSelect label={t('act.areas')} required searchable {...f.input('areaIds')} data={(branches.data ?? []).map((b) => ({ value: String(b.id), label: local({ mn: b.nameMn, en: b.nameEn }) }))} />
              <TextInput label={t('sheet.sign.facilitator')} {...f.input('facilitator')} />
            </SimpleGrid>
            <Group align="flex-end" wrap="nowrap">
              <MultiSelect style={{ flex: 1 }} label={t('act.partners')} searchable {...f.input('partnerIds')} data={(partners.data ?? []).map((p) => ({ value: String(p.id), label: local(p.name) }))} />
              <Button variant="subtle" onClick={() => setAddingPartner(true)}>
                {t('act.addPartner')}
              </Button>
            </Group>
            <SimpleGrid cols={2}>
              <Select
                label={t('fin.project')}
                placeholder={t('act.noProject')}
                clearable
                {...f.input('projectId')}
                onChange={(x) => {
                  f.set('projectId', x)
                  f.set('budgetLineId', null)
                }}
                data={project ? [{ value: String(project.id), label: `${project.code} · ${local(project.name)}` }] : []}
              />
              <Select
                label={t('act.line')}
                searchable
                clearable
                disabled={!chosenProject}
                {...f.input('budgetLineId')}
                data={(chosenProject?.lines ?? []).filter((l) => l.code.includes('.')).map((l) => ({ value: String(l.id), label: `${l.code} ${local(l.name)}` }))}
              />
            </SimpleGrid>
            {PRINTED.has(v.type ?? '') && (
              <SimpleGrid cols={3}>
                <TextInput label={t('act.issue')} {...f.input('issue')} />
                <NumberInput label={t('act.copiesPrinted')} min={0} allowDecimal={false} thousandSeparator=" " {...f.input('copiesPrinted')} />
                <NumberInput label={t('act.copiesDistributed')} min={0} allowDecimal={false} thousandSeparator=" " {...f.input('copiesDistributed')} />
              </SimpleGrid>
            )}
            <Textarea label={t('act.notes')} autosize minRows={1} {...f.input('notes')} />
          </Stack>
        </Paper>
        <ParticipantPicker on={isIsoDate(v.startsOn) ? v.startsOn : todayIso()} picked={picked} onPicked={setPicked} outsiders={outsiders} onOutsiders={setOutsiders} error={f.errors.personIds ?? f.errors.outsiders ?? null} />
        {f.formError && (
          <Alert color="red" role="alert">
            {f.formError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={f.busy}>
            {t('act.save')}
          </Button>
        </Group>
      </Stack>
    </form>
    {/* Outside the form: a modal's submit would otherwise reach this form through the portal. */}
    {addingPartner && <AddPartner onClose={() => setAddingPartner(false)} onAdded={(id) => f.set('partnerIds', [...v.partnerIds, String(id)])} />}
    </>
  )
}
