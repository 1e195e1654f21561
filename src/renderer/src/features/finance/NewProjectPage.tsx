import { useState } from 'react'
import { ActionIcon, Alert, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core'
import { useNavigate } from '@tanstack/react-router'
import { projectInput } from '../../../../shared/api/finance'
import { useI18n } from '../../i18n'
import { write } from '../../query'
import { AmountInput } from '../../components/AmountInput'
import { useContractForm } from '../../components/useContractForm'
import { useProject } from './useProject'
import { DateField } from '../../components/DateField'

type Kind = 'grant' | 'cofunding' | 'own'
const emptySource = () => ({ code: '', kind: 'grant' as Kind | null, nameMn: '', nameEn: '', committed: '', currency: 'DKK' as 'DKK' | 'MNT' })
const emptyLine = () => ({ code: '', nameMn: '', nameEn: '' })

/** Rows pasted from a spreadsheet (tab-separated; or `;` from a CSV): code, name in Mongolian, name in English. */
export function pastedLines(text: string): Array<{ code: string; nameMn: string; nameEn: string }> {
  return text
    .split(/\r?\n/)
    .map((row) => row.split(row.includes('\t') ? '\t' : ';').map((c) => c.trim()))
    .filter((c) => c[0] && /^\d{1,2}(\.\d{1,2})?$/.test(c[0]))
    .map(([code, nameMn = '', nameEn = '']) => ({ code: code!, nameMn, nameEn }))
}

/**
 * Setting up a project from its agreement: names and donor in both
 * languages, the period, the funding sources, and the budget structure as one
 * list of main lines and sub-lines, typed or pasted from the budget in Excel.
 * Its budget amounts are then entered on the Budget page.
 */
export function NewProjectPage() {
  const { t } = useI18n()
  const navigate = useNavigate()
  const { choose } = useProject()
  const [paste, setPaste] = useState('')
  const f = useContractForm(projectInput, {
    code: '',
    nameMn: '',
    nameEn: '',
    donorMn: '',
    donorEn: '',
    agreementNumber: '',
    startsOn: '',
    endsOn: '',
    adminMainCode: null as string | null,
    sources: [emptySource()],
    lines: [emptyLine(), emptyLine()],
  })
  const mains = f.values.lines.filter((l) => /^\d{1,2}$/.test(l.code.trim()))
  const submit = async () => {
    const input = f.parse((v) => ({
      ...v,
      agreementNumber: v.agreementNumber || null,
      sources: v.sources.map((s, i) => ({ code: s.code, kind: s.kind ?? undefined, nameMn: s.nameMn, nameEn: s.nameEn, committedMinor: f.amount(s.committed, s.currency, `sources.${i}.committed`) ?? null, committedCurrency: s.currency })),
      lines: v.lines.map((l) => ({ code: l.code.trim(), nameMn: l.nameMn, nameEn: l.nameEn })),
    }))
    if (!input) return
    f.setBusy(true)
    const r = await write('projects.create', input)
    f.setBusy(false)
    if (!r.ok) return f.serverError(r.error)
    choose(r.value.id)
    void navigate({ to: '/budget' })
  }
  const sourcesError = typeof f.errors.sources === 'string' ? f.errors.sources : null
  const linesError = typeof f.errors.lines === 'string' ? f.errors.lines : null
  return (
    <Stack maw={1100}>
      <Title order={2}>{t('proj.title')}</Title>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <Stack>
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <TextInput label={t('proj.nameMn')} required {...f.input('nameMn')} />
              <TextInput label={t('proj.nameEn')} required {...f.input('nameEn')} />
              <TextInput label={t('proj.donorMn')} required {...f.input('donorMn')} />
              <TextInput label={t('proj.donorEn')} required {...f.input('donorEn')} />
              <TextInput label={t('proj.code')} required placeholder="SPN-2011" {...f.input('code')} />
              <TextInput label={t('proj.agreement')} {...f.input('agreementNumber')} />
              <DateField label={t('proj.startsOn')} required description={t('proj.yearsHint')} {...f.input('startsOn')} />
              <DateField label={t('proj.endsOn')} required {...f.input('endsOn')} />
            </SimpleGrid>
          </Card>

          <Card withBorder>
            <Title order={4} mb="sm">
              {t('proj.sources')}
            </Title>
            <Table aria-label={t('proj.sources')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('proj.sourceCode')}</Table.Th>
                  <Table.Th>{t('proj.kind')}</Table.Th>
                  <Table.Th>{t('proj.nameMn')}</Table.Th>
                  <Table.Th>{t('proj.nameEn')}</Table.Th>
                  <Table.Th>{t('proj.committed')}</Table.Th>
                  <Table.Th>{t('proj.currency')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {f.values.sources.map((_, i) => (
                  <Table.Tr key={i}>
                    <Table.Td w={120}>
                      <TextInput aria-label={`${t('proj.sourceCode')} ${i + 1}`} {...f.input(`sources.${i}.code`)} />
                    </Table.Td>
                    <Table.Td w={190}>
                      <Select
                        aria-label={`${t('proj.kind')} ${i + 1}`}
                        allowDeselect={false}
                        data={(['grant', 'cofunding', 'own'] as const).map((k) => ({ value: k, label: t(`proj.kind.${k}`) }))}
                        {...f.input(`sources.${i}.kind`)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput aria-label={`${t('proj.nameMn')} ${i + 1}`} {...f.input(`sources.${i}.nameMn`)} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput aria-label={`${t('proj.nameEn')} ${i + 1}`} {...f.input(`sources.${i}.nameEn`)} />
                    </Table.Td>
                    <Table.Td w={170}>
                      <AmountInput aria-label={`${t('proj.committed')} ${i + 1}`} currency={f.values.sources[i]!.currency} {...f.input(`sources.${i}.committed`)} />
                    </Table.Td>
                    <Table.Td w={100}>
                      <Select aria-label={`${t('proj.currency')} ${i + 1}`} allowDeselect={false} data={['DKK', 'MNT']} {...f.input(`sources.${i}.currency`)} />
                    </Table.Td>
                    <Table.Td w={40}>
                      {f.values.sources.length > 1 && (
                        <ActionIcon variant="subtle" color="gray" aria-label={`${t('proj.remove')} ${i + 1}`} onClick={() => f.form.removeListItem('sources', i)}>
                          ×
                        </ActionIcon>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {sourcesError && (
              <Text c="red" size="sm">
                {sourcesError}
              </Text>
            )}
            <Group mt="xs">
              <Button variant="light" size="xs" onClick={() => f.form.insertListItem('sources', emptySource())}>
                {t('proj.addSource')}
              </Button>
            </Group>
          </Card>

          <Card withBorder>
            <Title order={4}>{t('proj.lines')}</Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('proj.linesHint')}
            </Text>
            <Table aria-label={t('proj.lines')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('proj.lineCode')}</Table.Th>
                  <Table.Th>{t('proj.nameMn')}</Table.Th>
                  <Table.Th>{t('proj.nameEn')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {f.values.lines.map((l, i) => (
                  <Table.Tr key={i}>
                    <Table.Td w={110}>
                      <TextInput aria-label={`${t('proj.lineCode')} ${i + 1}`} fw={/^\d{1,2}$/.test(l.code.trim()) ? 700 : undefined} {...f.input(`lines.${i}.code`)} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput aria-label={`${t('proj.nameMn')} ${i + 1}`} {...f.input(`lines.${i}.nameMn`)} />
                    </Table.Td>
                    <Table.Td>
                      <TextInput aria-label={`${t('proj.nameEn')} ${i + 1}`} {...f.input(`lines.${i}.nameEn`)} />
                    </Table.Td>
                    <Table.Td w={40}>
                      <ActionIcon variant="subtle" color="gray" aria-label={`${t('proj.remove')} ${i + 1}`} onClick={() => f.form.removeListItem('lines', i)}>
                        ×
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {linesError && (
              <Text c="red" size="sm">
                {linesError}
              </Text>
            )}
            <Group mt="xs" align="flex-end">
              <Button variant="light" size="xs" onClick={() => f.form.insertListItem('lines', emptyLine())}>
                {t('proj.addLine')}
              </Button>
            </Group>
            <Group mt="md" align="flex-end">
              <Textarea label={t('proj.paste')} autosize minRows={2} maxRows={8} value={paste} onChange={(e) => setPaste(e.currentTarget.value)} style={{ flex: 1 }} />
              <Button
                variant="light"
                size="xs"
                disabled={pastedLines(paste).length === 0}
                onClick={() => {
                  const rows = pastedLines(paste)
                  const kept = f.values.lines.filter((l) => l.code.trim() || l.nameMn.trim() || l.nameEn.trim())
                  f.setValues({ ...f.values, lines: [...kept, ...rows] })
                  setPaste('')
                }}
              >
                {t('proj.pasteApply')}
              </Button>
            </Group>
            <Select
              mt="md"
              label={t('proj.admin')}
              clearable
              data={mains.map((m) => ({ value: m.code.trim(), label: `${m.code.trim()} ${m.nameMn || m.nameEn}` }))}
              {...f.input('adminMainCode')}
              maw={420}
            />
          </Card>
          {f.formError && (
            <Alert color="red" role="alert">
              {f.formError}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={f.busy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  )
}
