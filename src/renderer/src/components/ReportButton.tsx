import { useState } from 'react'
import { Button, type ButtonProps } from '@mantine/core'
import type { z } from 'zod'
import type { reportRequest } from '../../../shared/api/contract'
import { call } from '../api'
import { write } from '../query'
import { useI18n } from '../i18n'
import { downloadFile } from './download'

type ReportInput = z.input<typeof reportRequest>

/**
 * A report of the page's subject as a file: in the desktop app the user
 * chooses where to save it; in a browser it downloads. What happened (saved,
 * downloaded, refused) is said through `onDone`.
 */
export function ReportButton({ input, label, onDone, ...props }: { input: ReportInput; label: string; onDone(message: string, ok: boolean): void } & ButtonProps) {
  const { t, errorText } = useI18n()
  const [busy, setBusy] = useState(false)
  const run = async () => {
    setBusy(true)
    try {
      if (window.spn) {
        const r = await write('reports.save', input)
        if (r.ok) onDone(r.value.path ? t('reports.saved', { path: r.value.path }) : t('reports.cancelled'), true)
        else onDone(errorText(r.error), false)
        return
      }
      const r = await call('reports.generate', input)
      if (!r.ok) return onDone(errorText(r.error), false)
      downloadFile(r.value)
      onDone(t('reports.downloaded', { name: r.value.fileName, size: Math.ceil(r.value.byteLength / 1024) }), true)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button variant="light" size="xs" {...props} loading={busy} onClick={() => void run()}>
      {label}
    </Button>
  )
}
