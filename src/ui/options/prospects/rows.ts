import { STAGES, type Stage } from '../../../model/enums';
import type { Prospect } from '../../../model/prospect';

/*
 * The prospect list's in-memory model: one light row per prospect with its search text and
 * sort keys computed once (and remembered per stored record, so a live update recomputes
 * only the records that changed). Filtering 100k rows is then a plain loop over short
 * strings, and sorting compares precomputed keys.
 */

export type ProspectRow = {
  prospect: Prospect;
  id: string;
  /** Folded (lower case, no accents) name, company and addresses, for search. */
  haystack: string;
  sortName: string;
  sortCompany: string;
  stageIndex: number;
};

export const SORT_KEYS = ['name', 'company', 'stage', 'updatedAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = { key: SortKey; descending: boolean };

export type RowFilter = {
  /** Raw text typed by the user. */
  query: string;
  stage: Stage | '';
  tag: string;
  overdueOnly: boolean;
};

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

const STAGE_INDEX = new Map<Stage, number>(STAGES.map((stage, index) => [stage, index]));
const rowCache = new WeakMap<Prospect, ProspectRow>();

export function rowOf(prospect: Prospect): ProspectRow {
  let row = rowCache.get(prospect);
  if (!row) {
    const sortName = fold(prospect.fullName);
    const sortCompany = prospect.company ? fold(prospect.company) : '';
    row = {
      prospect,
      id: prospect.id,
      haystack: `${sortName}\n${sortCompany}\n${prospect.emailKeys.join('\n')}`,
      sortName,
      sortCompany,
      stageIndex: STAGE_INDEX.get(prospect.stage) ?? 0,
    };
    rowCache.set(prospect, row);
  }
  return row;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A new array, sorted; ties fall back on the name, then the id, so the order is stable. */
export function sortRows(rows: readonly ProspectRow[], order: SortOrder): ProspectRow[] {
  const direction = order.descending ? -1 : 1;
  const byKey: (a: ProspectRow, b: ProspectRow) => number = {
    name: (a: ProspectRow, b: ProspectRow) => compareText(a.sortName, b.sortName),
    // Records without a company go last whichever the direction.
    company: (a: ProspectRow, b: ProspectRow) =>
      a.sortCompany === b.sortCompany
        ? 0
        : a.sortCompany === ''
          ? direction
          : b.sortCompany === ''
            ? -direction
            : compareText(a.sortCompany, b.sortCompany),
    stage: (a: ProspectRow, b: ProspectRow) => a.stageIndex - b.stageIndex,
    updatedAt: (a: ProspectRow, b: ProspectRow) => a.prospect.updatedAt - b.prospect.updatedAt,
  }[order.key];
  return [...rows].sort((a, b) => direction * byKey(a, b) || compareText(a.sortName, b.sortName) || compareText(a.id, b.id));
}

/** The rows matching every criterion, in the order given. Each query word must appear. */
export function filterRows(rows: readonly ProspectRow[], filter: RowFilter, overdueIds: ReadonlySet<string>): ProspectRow[] {
  const words = fold(filter.query).split(/\s+/).filter(Boolean);
  const tag = filter.tag;
  if (words.length === 0 && !filter.stage && !tag && !filter.overdueOnly) return rows as ProspectRow[];
  return rows.filter(
    (row) =>
      (!filter.stage || row.prospect.stage === filter.stage) &&
      (!tag || row.prospect.tags.includes(tag)) &&
      (!filter.overdueOnly || overdueIds.has(row.id)) &&
      words.every((word) => row.haystack.includes(word)),
  );
}

/** Every tag in use, sorted the French way. */
export function tagsOf(rows: readonly ProspectRow[]): string[] {
  const tags = new Set<string>();
  for (const row of rows) for (const tag of row.prospect.tags) tags.add(tag);
  return [...tags].sort((a, b) => a.localeCompare(b, 'fr'));
}
