import { Alert, Button, Group, Modal, Stack } from '@mantine/core'
import type { FormEvent, ReactNode } from 'react'
import { useI18n } from '../i18n'
import { useReturnFocus } from './useReturnFocus'

/** A modal form with Save/Cancel, a form-level error, and Enter to submit. */
export function FormModal(props: { opened: boolean; title: string; onClose(): void; onSubmit(): void; busy: boolean; error: string | null; children: ReactNode; /** The submit button's label (Save by default). */ submitLabel?: string }) {
  const { t } = useI18n()
  useReturnFocus()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    props.onSubmit()
  }
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {props.children}
          {props.error && (
            <Alert color="red" role="alert">
              {props.error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={props.busy}>
              {props.submitLabel ?? t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
