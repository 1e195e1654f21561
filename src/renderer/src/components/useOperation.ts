import { useCallback, useEffect, useRef, useState } from 'react'
import type { InputOf, OperationName, OutputOf } from '../../../shared/api/contract'
import type { ApiError } from '../../../shared/domain/result'
import { call } from '../api'

export type Loaded<T> = { status: 'loading'; data?: T } | { status: 'error'; error: ApiError; data?: T } | { status: 'ready'; data: T }

/** Loads a read operation and reloads it when its input changes; stale answers are dropped. */
export function useOperation<K extends OperationName>(operation: K, input: InputOf<K>): Loaded<OutputOf<K>> & { reload(): void } {
  const key = JSON.stringify(input)
  const [state, setState] = useState<Loaded<OutputOf<K>>>({ status: 'loading' })
  const [tick, setTick] = useState(0)
  const seq = useRef(0)
  useEffect(() => {
    const mine = ++seq.current
    setState((s) => ({ status: 'loading', data: s.data }))
    void call(operation, JSON.parse(key) as InputOf<K>).then((r) => {
      if (mine !== seq.current) return
      setState(r.ok ? { status: 'ready', data: r.value } : { status: 'error', error: r.error })
    })
  }, [operation, key, tick])
  const reload = useCallback(() => setTick((t) => t + 1), [])
  return { ...state, reload }
}
