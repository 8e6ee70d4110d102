import { STAGES } from '../model/enums';
import type { StageEvent } from '../model/stage-event';
import {
  CHANNELS,
  type ChannelCounts,
  type ContactCounts,
  contactWeekSpans,
  type KpiPeriod,
  type KpiProspect,
  type KpiRelance,
  type KpiStageEvent,
} from '../process';
import type { RelanceDatabase } from './database';

/*
 * The dashboard's reads. Plain IndexedDB getAll on Dexie's own connection, not Dexie queries:
 * inside a live query Dexie deep-clones every result (its default "cloned" query cache) and
 * records the key of every row an index query returns, which for 30k rows costs more than the
 * figures themselves. Liveness comes from Dexie's storagemutated event instead (see
 * dashboard-watch.ts), which every Dexie write fires, in this page or another.
 */

export const DASHBOARD_TABLES = ['prospects', 'stageEvents', 'interactions', 'relances'] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

/** The tables the period does not change: every prospect and its stage moves. */
export const WHOLE_TABLES: readonly DashboardTable[] = ['prospects', 'stageEvents'];
/** The tables read only over the period, by index. */
export const PERIOD_TABLES: readonly DashboardTable[] = ['interactions', 'relances'];

export type DashboardRecords = {
  prospects: KpiProspect[];
  stageEvents: KpiStageEvent[];
  /** Not records: the period's contacts per channel and week, counted by index (contactWeekSpans). */
  interactions: ContactCounts;
  relances: KpiRelance[];
};

// kpiProspects rows are already the four fields computeKpis reads (kpiProspectRow).
const asKpiProspect = (row: KpiProspect): KpiProspect => row;
const toKpiStageEvent = ({ prospectId, from, to, date }: StageEvent): KpiStageEvent => ({ prospectId, from, to, date });

/** The IndexedDB stores each dashboard table is read from. */
const STORES: Record<DashboardTable, string> = {
  prospects: 'kpiProspects',
  stageEvents: 'stageEvents',
  interactions: 'interactions',
  relances: 'relances',
};

/**
 * The stage moves, without the creation events: through the `from` index, which holds no
 * creation event (from null), one request per stage moved from. The KPIs read a creation event
 * and a prospect without one alike: the stay before the first move starts at the prospect's
 * creation, in the stage that move left (computeDaysInStage, computeConversion), so a third
 * of the records read (at 10k prospects, 10k of 16k events) told nothing.
 */
function readStageMoves(stageEvents: IDBObjectStore): Promise<KpiStageEvent[]> {
  const index = stageEvents.index('from');
  return Promise.all(STAGES.map((stage) => result<StageEvent[]>(index.getAll(IDBKeyRange.only(stage))))).then((pages) =>
    pages.flatMap((page) => page.map(toKpiStageEvent)),
  );
}

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * The period's contacts per channel and week, by `[channel+date]` index counts over each
 * week's local-midnight bounds: some 30 counts where reading a month's contacts decoded
 * thousands of records. The requests are all made at once, while the transaction is active.
 */
function countContacts(interactions: IDBObjectStore, period: KpiPeriod): Promise<ContactCounts> {
  const index = interactions.index('[channel+date]');
  return Promise.all(
    contactWeekSpans(period).map(async ({ startMs, endMs }) => {
      const counts = await Promise.all(
        CHANNELS.map((channel) =>
          // IDBKeyRange refuses an empty range (a day the zone skipped whole): nothing to count there.
          endMs > startMs ? result(index.count(IDBKeyRange.bound([channel, startMs], [channel, endMs], false, true))) : 0,
        ),
      );
      return Object.fromEntries(CHANNELS.map((channel, at) => [channel, counts[at] ?? 0])) as ChannelCounts;
    }),
  );
}

/** Records per request when a whole table is read (see readWholeStore). */
const WHOLE_STORE_PAGE = 2_500;

/**
 * Every record of a store keyed by `id`, in pages of WHOLE_STORE_PAGE by primary key, each page
 * mapped to `toRow` as it arrives. One getAll of 10k prospects occupies the browser's database
 * for a long stretch, during which the page's own requests (opening the database, reading the
 * settings its first paint waits for) queue behind it; between pages they get served.
 */
function readWholeStore<T extends { id: string }, R>(store: IDBObjectStore, toRow: (record: T) => R): Promise<R[]> {
  return new Promise((resolve, reject) => {
    const rows: R[] = [];
    const readAfter = (lastId: string | null) => {
      const request = store.getAll(lastId === null ? null : IDBKeyRange.lowerBound(lastId, true), WHOLE_STORE_PAGE);
      request.onsuccess = () => {
        const page = request.result as T[];
        for (const record of page) rows.push(toRow(record));
        const last = page.at(-1);
        if (page.length < WHOLE_STORE_PAGE || !last) resolve(rows);
        else readAfter(last.id);
      };
      request.onerror = () => reject(request.error);
    };
    readAfter(null);
  });
}

export type DashboardReads = { [K in DashboardTable]?: Promise<DashboardRecords[K]> };

/**
 * Reads `tables` for the dashboard in one read-only transaction (so the figures never mix two
 * states of the base): every prospect's KPI row and every stage move, relances by `dueDate` over
 * the period only, and of the contacts only their counts per channel and week. One promise per
 * table, each settled as soon as its rows are decoded, so the caller can work on the first
 * tables while the database reads the next ones; all reject if the transaction aborts.
 */
export async function readDashboardTables(
  db: RelanceDatabase,
  period: KpiPeriod,
  tables: readonly DashboardTable[] = DASHBOARD_TABLES,
): Promise<DashboardReads> {
  if (tables.length === 0) return {};
  // Dexie opens lazily; its connection is the one the rest of the page uses (and closes on upgrade).
  if (!db.isOpen()) await db.open();
  return readDashboardStores(db.backendDB(), period, tables);
}

/**
 * readDashboardTables on a plain IndexedDB connection: what the options page's prefetch script
 * runs before the page's bundle (and Dexie) has even loaded.
 */
export function readDashboardStores(
  connection: IDBDatabase,
  period: KpiPeriod,
  tables: readonly DashboardTable[] = DASHBOARD_TABLES,
): DashboardReads {
  if (tables.length === 0) return {};
  const transaction = connection.transaction(
    tables.map((table) => STORES[table]),
    'readonly',
  );
  const store = (name: DashboardTable) => transaction.objectStore(STORES[name]);
  const aborted = new Promise<never>((_, reject) => {
    transaction.onabort = () => reject(transaction.error ?? new DOMException('Dashboard read aborted', 'AbortError'));
  });
  // Nobody may be listening to this one when every read has succeeded already.
  aborted.catch(() => {});
  const settle = <T>(read: Promise<T>) => Promise.race([read, aborted]);
  const reads: DashboardReads = {};
  // Requested largest first: the database reads the next page while this page decodes the previous one.
  if (tables.includes('prospects')) reads.prospects = settle(readWholeStore(store('prospects'), asKpiProspect));
  if (tables.includes('stageEvents')) reads.stageEvents = settle(readStageMoves(store('stageEvents')));
  if (tables.includes('interactions')) reads.interactions = settle(countContacts(store('interactions'), period));
  if (tables.includes('relances')) {
    reads.relances = settle(result<KpiRelance[]>(store('relances').index('dueDate').getAll(IDBKeyRange.bound(period.from, period.to))));
  }
  return reads;
}
