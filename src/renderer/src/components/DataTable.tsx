import { useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react'
import { Table, Text, UnstyledButton } from '@mantine/core'
import { useI18n } from '../i18n'
import type { Loaded } from '../query'
import { Empty, PageState } from './PageState'
import { Pager } from './Pager'

export interface Column<R> {
  key: string
  header: ReactNode
  cell(row: R): ReactNode
  /** Right-aligned and never broken across lines (amounts, counts). */
  numeric?: boolean
  /** The server-side sort field this column orders by. */
  sortField?: string
  /** For lists sorted here, not on the server: the value the column orders by. */
  sortValue?(row: R): string | number
}

type RowProps = { style?: CSSProperties; title?: string; 'data-testid'?: string }

export interface SortState {
  by: string
  dir: 'asc' | 'desc'
}

interface Props<T, R> {
  /** The table's accessible name. */
  label: string
  /** The list's read, with its loading and error states; or `data` already loaded by the page. */
  state?: Loaded<T> & { reload(): void }
  data?: T
  rows(data: T): R[]
  rowKey(row: NoInfer<R>): string | number
  columns: Array<Column<NoInfer<R>> | false>
  /** A server-sorted list: the sort from the URL and how to change it. Without it, columns with `sortValue` sort here. */
  sort?: SortState & { onSort(next: SortState): void }
  /** A server-paged list. */
  paging?: { pageSize: number; total(data: T): number; page(data: T): number; onPage(page: number): void; testId?: string }
  /** Whether filters are set (the empty state then says "nothing matches"). */
  filtered?: boolean
  /** Enter on a focused row opens it (the record's page). */
  onOpen?(row: NoInfer<R>): void
  rowProps?(row: NoInfer<R>): RowProps
  footer?(data: T): ReactNode
  /** What an empty list says instead of "Nothing to show yet" (e.g. "Everyone has paid"). */
  emptyText?: string
  /** A wide table scrolls inside the page below this width rather than pushing past the screen. */
  minWidth?: number
}

const nextSort = (current: SortState | null, by: string): SortState => (current?.by === by ? { by, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { by, dir: 'asc' })

function compare(a: string | number, b: string | number): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'mn')
}

/**
 * Every list of the app: loading, error (with Try again), empty and
 * "nothing matches" states; sortable headers (buttons, so the keyboard
 * reaches them, with aria-sort); paging; rows that Up/Down move between and
 * Enter opens.
 */
export function DataTable<T, R>(props: Props<T, R>) {
  const [localSort, setLocalSort] = useState<SortState | null>(null)
  const columns = props.columns.filter((c): c is Column<R> => c !== false)
  const sort = props.sort ?? localSort
  const state = props.state ?? { status: 'ready' as const, data: props.data as T, reload: () => undefined }
  const onSort = (by: string) => (props.sort ? props.sort.onSort(nextSort(props.sort, by)) : setLocalSort(nextSort(localSort, by)))

  return (
    <PageState state={state} reload={state.reload}>
      {(data) => {
        let rows = props.rows(data)
        const total = props.paging ? props.paging.total(data) : rows.length
        if (total === 0) return props.emptyText && !props.filtered ? <Text c="dimmed" py="lg" ta="center">{props.emptyText}</Text> : <Empty filtered={props.filtered} />
        const local = !props.sort && localSort ? columns.find((c) => c.key === localSort.by) : undefined
        if (local?.sortValue) {
          const value = local.sortValue
          rows = [...rows].sort((a, b) => compare(value(a), value(b)) * (localSort!.dir === 'asc' ? 1 : -1))
        }
        return (
          <>
            <Table.ScrollContainer minWidth={props.minWidth ?? 0}>
              <Table striped highlightOnHover withTableBorder aria-label={props.label} aria-busy={state.status === 'loading'}>
                <Table.Thead>
                  <Table.Tr>
                    {columns.map((c) => (
                      <HeaderCell key={c.key} column={c} sort={sort} sortable={props.sort ? Boolean(c.sortField) : Boolean(c.sortValue)} onSort={onSort} />
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Row key={props.rowKey(r)} row={r} columns={columns} onOpen={props.onOpen} extra={props.rowProps?.(r)} />
                  ))}
                </Table.Tbody>
                {props.footer?.(data)}
              </Table>
            </Table.ScrollContainer>
            {props.paging && (
              <Pager page={props.paging.page(data)} total={total} pageSize={props.paging.pageSize} onChange={props.paging.onPage} testId={props.paging.testId} />
            )}
          </>
        )
      }}
    </PageState>
  )
}

function HeaderCell<R>({ column, sort, sortable, onSort }: { column: Column<R>; sort: SortState | null; sortable: boolean; onSort(by: string): void }) {
  const by = column.sortField ?? column.key
  const active = sortable && sort?.by === by
  const align = column.numeric ? 'right' : undefined
  if (!sortable) return <Table.Th ta={align}>{column.header}</Table.Th>
  return (
    <Table.Th ta={align} aria-sort={active ? (sort!.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(by)} fw={600} fz="sm">
        {column.header} {active ? (sort!.dir === 'asc' ? '▲' : '▼') : ''}
      </UnstyledButton>
    </Table.Th>
  )
}

function Row<R>({ row, columns, onOpen, extra }: { row: R; columns: Column<R>[]; onOpen?(row: R): void; extra?: RowProps }) {
  const { t } = useI18n()
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (e.target !== e.currentTarget) return
    const move = e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.key === 'ArrowUp' ? e.currentTarget.previousElementSibling : null
    if (move instanceof HTMLElement) {
      e.preventDefault()
      move.focus()
    } else if (e.key === 'Enter' && onOpen) {
      e.preventDefault()
      onOpen(row)
    }
  }
  return (
    <Table.Tr tabIndex={onOpen ? 0 : undefined} onKeyDown={onOpen ? onKeyDown : undefined} aria-description={onOpen ? t('common.rowKeys') : undefined} {...extra}>
      {columns.map((c) => (
        <Table.Td key={c.key} ta={c.numeric ? 'right' : undefined} style={c.numeric ? { whiteSpace: 'nowrap' } : undefined}>
          {c.cell(row)}
        </Table.Td>
      ))}
    </Table.Tr>
  )
}
