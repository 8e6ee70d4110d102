import { useVirtualizer } from '@tanstack/react-virtual';
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { ArrowDown, ArrowUp, ArrowUpDown, Search } from 'lucide-react';
import { type MouseEvent, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { db } from '../../../db/instance';
import { STAGES, type Stage } from '../../../model/enums';
import { getStage, todayIso } from '../../../process';
import { buttonClass, inputClass } from '../../components';
import { useI18n } from '../../i18n-context';
import { useStrings } from '../../localized';
import { BulkActions } from './BulkActions';
import { ProspectDrawer } from './ProspectDrawer';
import { filterRows, type ProspectRow, type RowFilter, type SortKey, type SortOrder, sortRows, tagsOf } from './rows';
import { prospectsStrings } from './strings';
import { useProspectRows } from './use-prospect-rows';

const ROW_HEIGHT = 52;
/** The stage pill's colours (those of the shared Chip), by outcome. */
const STAGE_TONE = {
  open: 'bg-indigo-100 text-indigo-800 dark:bg-indigo-900/60 dark:text-indigo-100',
  won: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-100',
  lost: 'bg-red-100 text-red-800 dark:bg-red-900/60 dark:text-red-100',
} as const;
const NO_IDS: ReadonlySet<string> = new Set();
const NO_FILTER: RowFilter = { query: '', stage: '', tag: '', overdueOnly: false };

/** Milliseconds a step took, rounded for a data attribute. */
const elapsed = (since: number) => Math.round((performance.now() - since) * 10) / 10;

/**
 * The prospect file: search, filters, sort, selection with bulk actions, and a detail drawer.
 * Every prospect is held in memory as a light row (read by chunks, then kept current record by
 * record: see useProspectRows); search, filters and sort run over those rows, and only the rows
 * on screen are rendered, so 100k records scroll as smoothly as ten.
 */
export function ProspectsView() {
  const s = useStrings(prospectsStrings);
  const { lang } = useI18n();
  const today = todayIso();

  const loaded = useProspectRows();
  const overdueIds =
    useLiveQuery(async () => {
      const overdue = await db.relances.where('[status+dueDate]').between(['open', Dexie.minKey], ['open', today], true, false).toArray();
      return new Set(overdue.map((relance) => relance.prospectId));
    }, [today]) ?? NO_IDS;

  const [filter, setFilter] = useState<RowFilter>(NO_FILTER);
  const [sort, setSort] = useState<SortOrder>({ key: 'updatedAt', descending: true });
  const [selected, setSelected] = useState<ReadonlySet<string>>(NO_IDS);
  const [openId, setOpenId] = useState<string | null>(null);
  const lastClicked = useRef<number | null>(null);
  // Typing stays responsive: the list catches up with the query a frame later.
  const query = useDeferredValue(filter.query);

  const rows = loaded?.rows;
  const sorted = useMemo(() => {
    const started = performance.now();
    const result = sortRows(rows ?? [], sort);
    return { rows: result, ms: elapsed(started) };
  }, [rows, sort]);
  const { stage, tag, overdueOnly } = filter;
  const filtered = useMemo(() => {
    const started = performance.now();
    const result = filterRows(sorted.rows, { query, stage, tag, overdueOnly }, overdueIds);
    return { rows: result, ms: elapsed(started) };
  }, [sorted, query, stage, tag, overdueOnly, overdueIds]);
  const tags = useMemo(() => tagsOf(rows ?? []), [rows]);

  // A selection never hides behind a filter: rows filtered out leave it.
  useEffect(() => {
    lastClicked.current = null;
    setSelected((previous) => {
      if (previous.size === 0) return previous;
      const visible = new Set(filtered.rows.map((row) => row.id));
      const next = new Set([...previous].filter((id) => visible.has(id)));
      return next.size === previous.size ? previous : next;
    });
  }, [filtered]);

  const setFilterPart = (part: Partial<RowFilter>) => setFilter((current) => ({ ...current, ...part }));
  const filtering = filter.query !== '' || filter.stage !== '' || filter.tag !== '' || filter.overdueOnly;

  return (
    <div
      className="@container space-y-3"
      data-testid="prospects-view"
      data-load-ms={loaded?.loadMs ?? undefined}
      data-complete={loaded?.complete}
      data-sort-ms={sorted.ms}
      data-filter-ms={filtered.ms}
    >
      <Filters
        filter={filter}
        tags={tags}
        onChange={setFilterPart}
        onClear={() => setFilter(NO_FILTER)}
        filtering={filtering}
        status={
          loaded?.complete ? s.shown(filtered.rows.length, loaded.rows.length) : loaded ? s.loadingCount(loaded.rows.length) : s.loading
        }
      />
      <BulkActions
        selectedIds={selected}
        tags={tags}
        onClear={() => setSelected(NO_IDS)}
        onErased={() => {
          setSelected(NO_IDS);
          setOpenId(null);
        }}
      />
      {!loaded ? (
        <p className="py-8 text-center text-slate-600 dark:text-slate-300">{s.loading}</p>
      ) : loaded.rows.length === 0 && loaded.complete ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-slate-600 dark:border-slate-600 dark:text-slate-300">
          {s.empty}
        </p>
      ) : (
        <ProspectTable
          rows={filtered.rows}
          sort={sort}
          onSort={(key) =>
            setSort((current) =>
              current.key === key ? { key, descending: !current.descending } : { key, descending: key === 'updatedAt' },
            )
          }
          selected={selected}
          onSelect={(index, event) => {
            const row = filtered.rows[index];
            if (!row) return;
            const anchor = lastClicked.current;
            lastClicked.current = index;
            setSelected((previous) => {
              const next = new Set(previous);
              const select = !previous.has(row.id);
              // Shift-click selects (or unselects) the whole range from the last row clicked.
              const [from, to] = event.shiftKey && anchor !== null ? [Math.min(anchor, index), Math.max(anchor, index)] : [index, index];
              for (let i = from; i <= to; i += 1) {
                const id = filtered.rows[i]?.id;
                if (id === undefined) continue;
                if (select) next.add(id);
                else next.delete(id);
              }
              return next;
            });
          }}
          onSelectAll={(all) => setSelected(all ? new Set(filtered.rows.map((row) => row.id)) : NO_IDS)}
          overdueIds={overdueIds}
          onOpen={setOpenId}
          lang={lang}
        />
      )}
      {filtered.rows.length === 0 && loaded && loaded.rows.length > 0 && (
        <p className="py-4 text-center text-slate-600 dark:text-slate-300">{s.noMatch}</p>
      )}
      {openId && <ProspectDrawer prospectId={openId} onClose={() => setOpenId(null)} />}
    </div>
  );
}

function Filters(props: {
  filter: RowFilter;
  tags: string[];
  filtering: boolean;
  status: string;
  onChange: (part: Partial<RowFilter>) => void;
  onClear: () => void;
}) {
  const s = useStrings(prospectsStrings);
  const { lang } = useI18n();
  const id = useId();
  const { filter, onChange } = props;
  const selectClass = `${inputClass.replace('w-full', '')} w-auto max-w-full`;
  return (
    <search className="flex flex-wrap items-end gap-3">
      <div className="min-w-48 flex-1">
        <label htmlFor={`${id}-q`} className="mb-1 block text-xs font-medium text-slate-700 dark:text-slate-200">
          {s.searchLabel}
        </label>
        <div className="relative">
          <Search aria-hidden="true" className="pointer-events-none absolute top-2 left-2 h-4 w-4 text-slate-500 dark:text-slate-400" />
          <input
            id={`${id}-q`}
            type="search"
            data-testid="prospect-search"
            className={`${inputClass} pl-8`}
            placeholder={s.searchPlaceholder}
            value={filter.query}
            autoComplete="off"
            onChange={(event) => onChange({ query: event.target.value })}
          />
        </div>
      </div>
      <div>
        <label htmlFor={`${id}-stage`} className="mb-1 block text-xs font-medium text-slate-700 dark:text-slate-200">
          {s.stageFilter}
        </label>
        <select
          id={`${id}-stage`}
          data-testid="prospect-filter-stage"
          className={selectClass}
          value={filter.stage}
          onChange={(event) => onChange({ stage: event.target.value as Stage | '' })}
        >
          <option value="">{s.allStages}</option>
          {STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {getStage(stage).title[lang]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-tag`} className="mb-1 block text-xs font-medium text-slate-700 dark:text-slate-200">
          {s.tagFilter}
        </label>
        <select
          id={`${id}-tag`}
          data-testid="prospect-filter-tag"
          className={selectClass}
          value={filter.tag}
          onChange={(event) => onChange({ tag: event.target.value })}
        >
          <option value="">{s.allTags}</option>
          {props.tags.map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
      </div>
      <label className="flex h-[34px] cursor-pointer items-center gap-2 whitespace-nowrap">
        <input
          type="checkbox"
          data-testid="prospect-filter-overdue"
          className="h-4 w-4 cursor-pointer accent-indigo-600"
          checked={filter.overdueOnly}
          onChange={(event) => onChange({ overdueOnly: event.target.checked })}
        />
        {s.overdueOnly}
      </label>
      {props.filtering && (
        <button type="button" className={`${buttonClass.ghost} h-[34px]`} onClick={props.onClear}>
          {s.clearFilters}
        </button>
      )}
      <p className="ml-auto self-center text-slate-600 dark:text-slate-300" aria-live="polite" data-testid="prospect-count">
        {props.status}
      </p>
    </search>
  );
}

/** Widths for a fixed layout: the name takes what is left. Segments show on wide screens only. */
const COLUMNS: { key: SortKey | 'tags'; className: string }[] = [
  { key: 'name', className: '' },
  { key: 'company', className: 'w-[24%]' },
  { key: 'stage', className: 'w-36' },
  { key: 'tags', className: 'hidden w-[14%] @3xl:table-cell' },
  { key: 'updatedAt', className: 'w-28' },
];

/** Stands for the rows scrolled out of view; one cell per column, so the columns keep their widths. */
function SpacerRow({ height }: { height: number }) {
  if (height <= 0) return null;
  return (
    <tr style={{ height }}>
      <td style={{ padding: 0 }} />
      {COLUMNS.map((column) => (
        <td key={column.key} className={column.className} style={{ padding: 0 }} />
      ))}
    </tr>
  );
}

function ProspectTable(props: {
  rows: ProspectRow[];
  sort: SortOrder;
  onSort: (key: SortKey) => void;
  selected: ReadonlySet<string>;
  onSelect: (index: number, event: MouseEvent) => void;
  onSelectAll: (all: boolean) => void;
  overdueIds: ReadonlySet<string>;
  onOpen: (id: string) => void;
  lang: 'fr' | 'en';
}) {
  const s = useStrings(prospectsStrings);
  const { rows, selected, lang } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const selectAll = useRef<HTMLInputElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = Math.max(0, virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0));
  const day = useMemo(() => {
    const thisYear = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short' });
    const otherYear = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', year: 'numeric' });
    const year = new Date().getFullYear();
    return (ms: number) => (new Date(ms).getFullYear() === year ? thisYear : otherYear).format(ms);
  }, [lang]);

  const allSelected = rows.length > 0 && selected.size >= rows.length;
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = selected.size > 0 && !allSelected;
  }, [selected, allSelected]);

  return (
    <div
      ref={scroller}
      className="overflow-auto rounded-lg border border-slate-200 dark:border-slate-700"
      style={{ height: 'max(320px, calc(100vh - 300px))' }}
      data-testid="prospect-table-scroller"
    >
      <table className="w-full table-fixed border-collapse text-left" aria-label={s.tableLabel} aria-rowcount={rows.length + 1}>
        <thead className="sticky top-0 z-10 bg-slate-50 text-xs text-slate-600 shadow-[0_1px_0] shadow-slate-200 dark:bg-slate-800 dark:text-slate-300 dark:shadow-slate-700">
          <tr aria-rowindex={1}>
            <th scope="col" className="w-10 px-3 py-2">
              <input
                ref={selectAll}
                type="checkbox"
                data-testid="prospect-select-all"
                aria-label={s.selectAll}
                className="h-4 w-4 cursor-pointer accent-indigo-600 align-middle"
                checked={allSelected}
                onChange={(event) => props.onSelectAll(event.target.checked)}
              />
            </th>
            {COLUMNS.map((column) => {
              const label = s.columns[column.key];
              if (column.key === 'tags') {
                return (
                  <th key={column.key} scope="col" className={`px-2 py-2 font-semibold ${column.className}`}>
                    {label}
                  </th>
                );
              }
              const key = column.key;
              const active = props.sort.key === key;
              const Icon = active ? (props.sort.descending ? ArrowDown : ArrowUp) : ArrowUpDown;
              return (
                <th
                  key={key}
                  scope="col"
                  className={`px-1 py-1 font-semibold ${column.className}`}
                  aria-sort={active ? (props.sort.descending ? 'descending' : 'ascending') : undefined}
                >
                  <button
                    type="button"
                    data-testid="prospect-sort"
                    data-sort={key}
                    title={s.sortBy(label)}
                    className="inline-flex items-center gap-1 whitespace-nowrap rounded px-1 py-1 hover:bg-slate-200 dark:hover:bg-slate-700"
                    onClick={() => props.onSort(key)}
                  >
                    {label}
                    <Icon aria-hidden="true" className={`h-3.5 w-3.5 ${active ? '' : 'opacity-50'}`} />
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          <SpacerRow height={paddingTop} />
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const prospect = row.prospect;
            const isSelected = selected.has(row.id);
            const overdue = props.overdueIds.has(row.id);
            return (
              <tr
                key={row.id}
                data-testid="prospect-row"
                data-prospect-name={prospect.fullName}
                data-stage={prospect.stage}
                data-id={row.id}
                aria-rowindex={item.index + 2}
                style={{ height: ROW_HEIGHT }}
                className={`cursor-pointer border-b border-slate-100 dark:border-slate-800 ${
                  isSelected ? 'bg-indigo-50 dark:bg-indigo-950/60' : 'hover:bg-slate-50 dark:hover:bg-slate-800/60'
                }`}
                onClick={() => props.onOpen(row.id)}
              >
                <td className="px-3">
                  <input
                    type="checkbox"
                    data-testid="prospect-select"
                    aria-label={s.selectRow(prospect.fullName)}
                    className="h-4 w-4 cursor-pointer accent-indigo-600 align-middle"
                    checked={isSelected}
                    onClick={(event) => {
                      event.stopPropagation();
                      props.onSelect(item.index, event);
                    }}
                    onChange={() => undefined}
                  />
                </td>
                <td className="min-w-0 px-2">
                  <button
                    type="button"
                    data-testid="prospect-open"
                    className="block max-w-full truncate rounded text-left font-medium text-slate-900 hover:underline dark:text-slate-100"
                    onClick={(event) => {
                      event.stopPropagation();
                      props.onOpen(row.id);
                    }}
                  >
                    {prospect.fullName}
                  </button>
                  <p className="flex items-center gap-1.5 truncate text-xs text-slate-600 dark:text-slate-300">
                    {overdue && (
                      <span className="inline-flex shrink-0 items-center gap-1 font-medium text-red-700 dark:text-red-300">
                        <span aria-hidden="true" className="inline-block h-1.5 w-1.5 rounded-full bg-red-600 dark:bg-red-400" />
                        {s.overdue}
                      </span>
                    )}
                    <span className="truncate">{prospect.emails[0] ?? prospect.jobTitle ?? ''}</span>
                  </p>
                </td>
                <td className="truncate px-2 text-slate-700 dark:text-slate-200">{prospect.company ?? ''}</td>
                <td className="px-2">
                  <span
                    className={`inline-block max-w-full truncate rounded-full px-2 py-0.5 align-middle text-xs font-medium ${STAGE_TONE[prospect.outcome?.result ?? 'open']}`}
                  >
                    {getStage(prospect.stage).title[lang]}
                    {prospect.outcome && ` · ${s.outcome[prospect.outcome.result]}`}
                  </span>
                </td>
                <td className="hidden truncate px-2 text-xs text-slate-600 @3xl:table-cell dark:text-slate-300">
                  {prospect.tags.join(', ')}
                </td>
                <td className="truncate px-2 text-xs text-slate-600 tabular-nums dark:text-slate-300">{day(prospect.updatedAt)}</td>
              </tr>
            );
          })}
          <SpacerRow height={paddingBottom} />
        </tbody>
      </table>
    </div>
  );
}
