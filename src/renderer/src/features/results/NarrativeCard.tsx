import { useEffect, useState } from 'react'
import { Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core'
import { NARRATIVE_SECTIONS, type NarrativeSection } from '../../../../shared/api/resultsTypes'
import { useOperation, write } from '../../query'
import { useI18n } from '../../i18n'
import { useCanWrite } from '../../components/permissions'
import { localTime } from '../../components/localTime'

/** The progress report's texts of a project year (or the whole project), written here and kept as versions. */
export function NarrativeCard({ projectId, years }: { projectId: number; years: number }) {
  const { t, errorText } = useI18n()
  const canWrite = useCanWrite()
  const [year, setYear] = useState(String(years))
  const current = useOperation('narratives.get', { projectId, projectYear: Number(year) })
  const [texts, setTexts] = useState<Record<NarrativeSection, string>>({ summary: '', challenges: '', lessons: '' })
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    const d = current.data
    if (d) setTexts({ summary: d.summary?.text ?? '', challenges: d.challenges?.text ?? '', lessons: d.lessons?.text ?? '' })
  }, [current.data])
  const save = async () => {
    setBusy(true)
    const r = await write('narratives.set', { projectId, projectYear: Number(year), texts })
    setBusy(false)
    setMessage(r.ok ? { ok: true, text: t('common.saved') } : { ok: false, text: errorText(r.error) })
  }
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={4}>{t('nar.title')}</Title>
          <Select
            label={t('nar.year')}
            allowDeselect={false}
            value={year}
            onChange={(v) => {
              if (!v) return
              setYear(v)
              setMessage(null)
            }}
            data={[...Array.from({ length: years }, (_, i) => ({ value: String(i + 1), label: t('res.year', { n: i + 1 }) })), { value: '0', label: t('nar.whole') }]}
            w={200}
          />
        </Group>
        <Text size="sm" c="dimmed">
          {t('nar.help')}
        </Text>
        {NARRATIVE_SECTIONS.map((s) => {
          const last = current.data?.[s]
          return (
            <Textarea
              key={s}
              label={t(`rp.${s}`)}
              description={last ? t('nar.versions', { n: last.versions, when: localTime(last.enteredAt), who: last.enteredBy }) : undefined}
              autosize
              minRows={2}
              readOnly={!canWrite}
              value={texts[s]}
              onChange={(e) => setTexts({ ...texts, [s]: e.currentTarget.value })}
            />
          )
        })}
        {canWrite && (
          <Group justify="space-between">
            <Text size="sm" c={message?.ok ? 'teal' : 'red'} role={message?.ok ? 'status' : 'alert'}>
              {message?.text ?? ''}
            </Text>
            <Button loading={busy} onClick={() => void save()}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  )
}
