import { useState } from 'react'
import { Text } from '@mantine/core'
import type { ApiError } from '../../../shared/domain/result'
import { useI18n } from '../i18n'
import { FormModal } from './FormModal'

/** Deleting a record entered by mistake (nothing may refer to it): asked once, and said why when refused. */
export function ConfirmDelete({ title, help, label, remove, onDeleted, onClose }: { title: string; help: string; label: string; remove(): Promise<{ ok: true } | { ok: false; error: ApiError }>; onDeleted(): void; onClose(): void }) {
  const { errorText } = useI18n()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    setBusy(true)
    const r = await remove()
    setBusy(false)
    if (r.ok) onDeleted()
    else setError(errorText(r.error))
  }
  return (
    <FormModal opened title={title} onClose={onClose} onSubmit={() => void submit()} busy={busy} error={error} submitLabel={label}>
      <Text size="sm">{help}</Text>
    </FormModal>
  )
}
