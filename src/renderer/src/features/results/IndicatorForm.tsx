import { Checkbox, Group, MultiSelect, Select, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core'
import { indicatorFields } from '../../../../shared/api/indicators'
import { DISAGGREGATIONS, MEASURES, MEASURE_UNITS, type Indicator, type Measure } from '../../../../shared/api/resultsTypes'
import { useContractForm } from '../../components/useContractForm'
import { write } from '../../query'
import { useI18n } from '../../i18n'
import { FormModal } from '../../components/FormModal'
import { DateField } from '../../components/DateField'

const text = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v))

/**
 * Adding an indicator to the project's framework, or changing one: what it
 * is, whether the app computes it (and from which figure) or it is entered
 * per year, its baseline and its targets per project year.
 */
export function IndicatorForm({ projectId, years, indicator, onClose }: { projectId: number; years: number; indicator?: Indicator; onClose(): void }) {
  const { t } = useI18n()
  const targetOf = (y: number) => text(indicator?.years.find((x) => x.projectYear === y)?.target)
  const f = useContractForm(
    indicatorFields,
    {
      code: indicator?.code ?? '',
      level: (indicator?.level ?? 'output') as string | null,
      nameMn: indicator?.name.mn ?? '',
      nameEn: indicator?.name.en ?? '',
      definitionMn: indicator?.definition?.mn ?? '',
      definitionEn: indicator?.definition?.en ?? '',
      unit: (indicator?.unit ?? 'number') as string | null,
      cumulative: indicator?.cumulative ?? true,
      measure: (indicator?.measure ?? null) as string | null,
      baselineValue: text(indicator?.baseline.value),
      baselineOn: indicator?.baseline.on ?? '',
      meansOfVerification: indicator?.meansOfVerification ?? '',
      disaggregation: (indicator?.disaggregation ?? []) as string[],
      targets: Array.from({ length: years }, (_, i) => targetOf(i + 1)),
    },
  )
  const v = f.values
  // The targets sent are the years filled in: an error on the k-th of them belongs to that year's field.
  const filled = v.targets.flatMap((x, i) => (x.trim() ? [i] : []))
  const targetError = (i: number) => f.errors[`targets.${filled.indexOf(i)}.target`] ?? f.errors[`targets.${filled.indexOf(i)}.projectYear`]
  const submit = async () => {
    const fields = f.parse((x) => ({
      code: x.code,
      level: x.level ?? undefined,
      nameMn: x.nameMn,
      nameEn: x.nameEn,
      definitionMn: x.definitionMn || null,
      definitionEn: x.definitionEn || null,
      unit: x.unit ?? undefined,
      cumulative: x.cumulative,
      measure: x.measure,
      baselineValue: x.baselineValue.trim() || null,
      baselineOn: x.baselineOn || null,
      meansOfVerification: x.meansOfVerification || null,
      disaggregation: x.disaggregation,
      targets: x.targets.flatMap((target, i) => (target.trim() ? [{ projectYear: i + 1, target }] : [])),
    }))
    if (!fields) return
    f.setBusy(true)
    const r = indicator ? await write('indicators.update', { id: indicator.id, version: indicator.version, indicator: fields }) : await write('indicators.create', { ...fields, projectId })
    f.setBusy(false)
    if (r.ok) onClose()
    else f.serverError(r.error)
  }
  return (
    <FormModal opened title={indicator ? `${t('res.editIndicator')}: ${indicator.code}` : t('res.addIndicator')} onClose={onClose} onSubmit={() => void submit()} busy={f.busy} error={f.formError}>
      <SimpleGrid cols={3}>
        <TextInput label={t('res.code')} required data-autofocus {...f.input('code')} />
        <Select label={t('res.levelLabel')} allowDeselect={false} {...f.input('level')} data={(['outcome', 'output'] as const).map((l) => ({ value: l, label: t(`res.level.${l}`) }))} />
        <Select
          label={t('res.measureLabel')}
          placeholder={t('res.enteredKind')}
          clearable
          searchable
          {...f.input('measure')}
          onChange={(m) => {
            f.set('measure', m)
            // A computed figure fixes the unit.
            if (m) f.set('unit', MEASURE_UNITS[m as Measure] === 'percent' ? 'percent' : 'number')
          }}
          data={MEASURES.map((m) => ({ value: m, label: t(`res.measure.${m}`) }))}
        />
      </SimpleGrid>
      <TextInput label={t('proj.nameMn')} required {...f.input('nameMn')} />
      <TextInput label={t('proj.nameEn')} required {...f.input('nameEn')} />
      <Textarea label={t('res.definitionMn')} autosize minRows={1} {...f.input('definitionMn')} />
      <Textarea label={t('res.definitionEn')} autosize minRows={1} {...f.input('definitionEn')} />
      <SimpleGrid cols={3}>
        <Select label={t('res.unit')} allowDeselect={false} disabled={v.measure !== null} {...f.input('unit')} data={[{ value: 'number', label: t('res.unit.number') }, { value: 'percent', label: t('res.unit.percent') }]} />
        <TextInput label={t('res.baseline')} {...f.input('baselineValue')} />
        <DateField label={t('res.baselineOn')} {...f.input('baselineOn')} />
      </SimpleGrid>
      <Checkbox label={t('res.cumulativeYes')} {...f.form.getInputProps('cumulative', { type: 'checkbox' })} />
      <TextInput label={t('res.mov')} {...f.input('meansOfVerification')} />
      <MultiSelect label={t('res.disaggregation')} {...f.input('disaggregation')} data={DISAGGREGATIONS.map((d) => ({ value: d, label: t(`res.dis.${d}`) }))} />
      <Text size="sm" fw={500}>
        {t('res.targets')}
      </Text>
      <Group grow align="flex-start">
        {v.targets.map((_, i) => (
          <TextInput key={i} label={t('res.year', { n: i + 1 })} {...f.input(`targets.${i}`)} error={filled.includes(i) ? targetError(i) : undefined} />
        ))}
      </Group>
    </FormModal>
  )
}
