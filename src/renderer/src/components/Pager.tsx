import { Group, Pagination, Text } from '@mantine/core'
import { useI18n } from '../i18n'

/** "Page 3 of 124 · 6 169 records" and the page buttons, under every paged list. */
export function Pager({ page, total, pageSize, onChange, testId }: { page: number; total: number; pageSize: number; onChange(page: number): void; testId?: string }) {
  const { t, num } = useI18n()
  const pages = Math.max(1, Math.ceil(total / pageSize))
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed" data-testid={testId}>
        {t('common.page', { page, pages, total: num(total) })}
      </Text>
      <Pagination total={pages} value={page} onChange={onChange} size="sm" />
    </Group>
  )
}
