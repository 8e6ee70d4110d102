import { type DashboardReads, readDashboardStores } from '../../../db/dashboard-read';
import { openExistingDatabase } from '../../../db/open-existing';
import { DEFAULT_DATABASE_NAME, SCHEMA_VERSION } from '../../../db/schema-version';
import { DEXIE_WRITE_CHANNEL } from '../../../db/write-broadcast';
import { type IsoDate, type KpiPeriod, todayIso } from '../../../process';
import { viewFromHash } from '../views';
import { initialChoice, periodOf } from './period';

/*
 * The options page opened on the dashboard spends its first ~40 ms fetching and evaluating its
 * bundle before the dashboard's own code can ask for anything, and the reads then take ~400 ms
 * on 10k prospects. A tiny classic script (entrypoints/dashboard-prefetch.ts, loaded before the
 * bundle) starts those reads at once with plain IndexedDB and leaves them here for the feed.
 */

type DashboardPrefetch = {
  /** performance.now() when the reads were asked for. */
  startedAt: number;
  period: KpiPeriod;
  today: IsoDate;
  /** Every dashboard table, read the way readDashboardTables reads them; null when the database could not be opened that way. */
  reads: Promise<DashboardReads | null>;
  /** Another context committed a write after the read began: the read may not include it. */
  written: boolean;
  stopListening(): void;
};

// The script and the page's bundle are built apart and share nothing but the page's global scope.
const HANDOFF = '__relanceDashboardPrefetch';
type Scope = { [HANDOFF]?: DashboardPrefetch };

/** Starts the dashboard's reads when the page is opened on it (the prefetch script's whole job). */
export function prefetchDashboard(
  hash: string = location.hash,
  factory: IDBFactory = indexedDB,
  scope: Scope = globalThis as Scope,
  databaseName: string = DEFAULT_DATABASE_NAME,
): void {
  if (viewFromHash(hash) !== 'dashboard') return;
  const today = todayIso();
  const period = periodOf(initialChoice(today), today);
  if (!period) return;
  // Dexie announces every committed write of the other contexts here; this page's own code has not loaded yet.
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(DEXIE_WRITE_CHANNEL);
  const prefetch: DashboardPrefetch = {
    startedAt: performance.now(),
    period,
    today,
    written: channel === null,
    reads: openExistingDatabase(factory, databaseName, SCHEMA_VERSION).then((connection) => {
      if (!connection) return null;
      try {
        const reads = readDashboardStores(connection, period);
        void Promise.allSettled(Object.values(reads)).then(() => connection.close());
        return reads;
      } catch {
        connection.close();
        return null;
      }
    }),
    stopListening: () => channel?.close(),
  };
  if (channel)
    channel.onmessage = () => {
      prefetch.written = true;
    };
  scope[HANDOFF] = prefetch;
}

/**
 * The prefetched reads, once, when they are for this period and day and no write happened since
 * they began; null otherwise (and the promise may still resolve to null: the database could not
 * be opened without Dexie). Call it in the same task that starts watching writes, so no write
 * can fall between the two.
 */
export function takeDashboardPrefetch(
  period: KpiPeriod,
  today: IsoDate,
  scope: Scope = globalThis as Scope,
): Pick<DashboardPrefetch, 'reads' | 'startedAt'> | null {
  const prefetch = scope[HANDOFF];
  if (!prefetch) return null;
  delete scope[HANDOFF];
  prefetch.stopListening();
  const usable = !prefetch.written && prefetch.today === today && prefetch.period.from === period.from && prefetch.period.to === period.to;
  return usable ? { reads: prefetch.reads, startedAt: prefetch.startedAt } : null;
}
