import { DASHBOARD_TABLES, type DashboardRecords, type DashboardTable, readDashboardTables } from '../../../db/dashboard-read';
import { watchDashboardTables } from '../../../db/dashboard-watch';
import type { RelanceDatabase } from '../../../db/database';
import {
  type ContactsPerWeek,
  computePipelineFigures,
  computeRelanceFigures,
  contactFiguresFromCounts,
  type IsoDate,
  type KpiPeriod,
  type PipelineFigures,
  type RelanceFigures,
} from '../../../process';
import { takeDashboardPrefetch } from './prefetch';

/** Every part of the figures, for one period and one day. */
export type DashboardParts = { pipeline: PipelineFigures; contacts: ContactsPerWeek; relances: RelanceFigures };

export type DashboardSnapshot = {
  /** Null until every part has been computed once. */
  parts: DashboardParts | null;
  /** The period and day `parts` are for (the view may already ask for another). */
  period: KpiPeriod | null;
  today: IsoDate | null;
  /** `parts` come from the stored data as it is now: no write since it was read, no read under way. */
  current: boolean;
  /** The read that completed `parts`, from its start to its last table decoded (ms). */
  readMs: number | null;
  /** Time spent computing `parts` (ms). */
  computeMs: number | null;
  /** The read that completed `parts` was the one the page's prefetch script started. */
  prefetched: boolean;
  error: unknown;
};

type Part<T> = { value: T; rows: readonly unknown[]; period: KpiPeriod; today: IsoDate; ms: number };

const samePeriod = (a: KpiPeriod | null, b: KpiPeriod | null) => a !== null && b !== null && a.from === b.from && a.to === b.to;
const round = (value: number) => Math.round(value * 10) / 10;
const PERIOD_TABLES: readonly DashboardTable[] = ['interactions', 'relances'];

/**
 * The dashboard's figures, kept current. Reads every table once, then only those a write
 * touched (a write to offers, settings or decisions reads nothing), or the period's tables when
 * the period changes. Each part of the figures is computed as soon as its tables are decoded,
 * while the database still reads the others. Subscribable the way useSyncExternalStore expects.
 */
export class DashboardFeed {
  private readonly db: RelanceDatabase;
  private period: KpiPeriod;
  private today: IsoDate;
  private rows: Partial<DashboardRecords> = {};
  /** The period `rows.interactions` and `rows.relances` were read for. */
  private rowsPeriod: KpiPeriod | null = null;
  /** Tables whose stored rows may differ from `rows`. */
  private readonly stale = new Set<DashboardTable>(DASHBOARD_TABLES);
  /** Tables the last read failed on: read again with the next change, not in a loop. */
  private readonly failed = new Set<DashboardTable>();
  /** Tables the read under way has not decoded yet. */
  private readonly pending = new Set<DashboardTable>();
  private reading = false;
  private readStarted = 0;
  private readMs: number | null = null;
  private readPrefetched = false;
  private error: unknown = null;
  private pipeline: Part<PipelineFigures> | null = null;
  private contacts: Part<ContactsPerWeek> | null = null;
  private relances: Part<RelanceFigures> | null = null;
  private unwatch: (() => void) | null = null;
  private readonly listeners = new Set<() => void>();
  private snapshot: DashboardSnapshot = {
    parts: null,
    period: null,
    today: null,
    current: false,
    readMs: null,
    computeMs: null,
    prefetched: false,
    error: null,
  };

  constructor(db: RelanceDatabase, period: KpiPeriod, today: IsoDate) {
    this.db = db;
    this.period = period;
    this.today = today;
    this.resume();
  }

  getSnapshot = (): DashboardSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.unwatch === null) this.resume();
    return () => {
      this.listeners.delete(listener);
      // StrictMode unsubscribes and subscribes again at once: only a real unmount stops watching.
      queueMicrotask(() => {
        if (this.listeners.size === 0) this.suspend();
      });
    };
  };

  /** The figures wanted now; the prospects' part is recomputed at once from the rows in memory. */
  show(period: KpiPeriod, today: IsoDate): void {
    if (samePeriod(period, this.period) && today === this.today) return;
    if (!samePeriod(period, this.period)) this.markStale(PERIOD_TABLES);
    this.period = period;
    this.today = today;
    this.refresh();
  }

  private resume(): void {
    // Whatever happened while nobody watched is unknown: everything is read again.
    this.markStale(DASHBOARD_TABLES);
    this.unwatch = watchDashboardTables(this.db, (tables) => {
      this.markStale(tables);
      this.refresh();
    });
    this.refresh();
  }

  private markStale(tables: Iterable<DashboardTable>): void {
    for (const table of [...tables, ...this.failed]) this.stale.add(table);
    this.failed.clear();
  }

  private suspend(): void {
    this.unwatch?.();
    this.unwatch = null;
  }

  private refresh(): void {
    if (!this.reading && this.stale.size > 0 && this.unwatch !== null) void this.read();
    this.compute();
    this.publish();
  }

  private async read(): Promise<void> {
    const tables = [...this.stale];
    const period = this.period;
    this.stale.clear();
    for (const table of tables) this.pending.add(table);
    this.reading = true;
    this.readStarted = performance.now();
    // Taken in the task that watches writes already (resume, then refresh): no write falls between.
    const prefetched = tables.length === DASHBOARD_TABLES.length ? takeDashboardPrefetch(period, this.today) : null;
    if (prefetched) this.readStarted = prefetched.startedAt;
    let fromPrefetch = false;
    try {
      const prefetchedReads = prefetched && (await prefetched.reads);
      fromPrefetch = Boolean(prefetchedReads);
      const reads = prefetchedReads || (await readDashboardTables(this.db, period, tables));
      const arrivals = tables.map(async (table) => {
        const rows = await reads[table];
        this.pending.delete(table);
        if (rows === undefined) return;
        const forPeriod = PERIOD_TABLES.includes(table);
        // Rows of a period given up meanwhile are dropped: show() has marked them stale again.
        if (forPeriod && !samePeriod(period, this.period)) return;
        this.rows[table] = rows as never;
        if (forPeriod) this.rowsPeriod = period;
        this.compute();
      });
      await Promise.all(arrivals);
      this.readMs = round(performance.now() - this.readStarted);
      this.readPrefetched = fromPrefetch;
      this.error = null;
    } catch (error) {
      if (fromPrefetch) {
        // The prefetch's own connection gave up (closed for an upgrade…): read again through Dexie.
        for (const table of tables) this.stale.add(table);
      } else {
        for (const table of tables) this.failed.add(table);
        this.error = error;
      }
    }
    this.pending.clear();
    this.reading = false;
    this.refresh();
  }

  /** Computes each part whose rows, period or day changed, once all its rows are there. */
  private compute(): void {
    const { period, today, pending } = this;
    const { prospects, stageEvents, interactions: contactCounts, relances } = this.rows;
    const periodRows = samePeriod(this.rowsPeriod, period);
    if (prospects && stageEvents && !pending.has('prospects') && !pending.has('stageEvents')) {
      this.pipeline = computed(this.pipeline, [prospects, stageEvents], period, today, () =>
        computePipelineFigures({ prospects, stageEvents, period, today }),
      );
    }
    if (contactCounts && periodRows && !pending.has('interactions')) {
      this.contacts = computed(this.contacts, [contactCounts], period, today, () =>
        contactFiguresFromCounts({ counts: contactCounts, period, today }),
      );
    }
    if (relances && periodRows && !pending.has('relances')) {
      this.relances = computed(this.relances, [relances], period, today, () => computeRelanceFigures({ relances, period, today }));
    }
  }

  private publish(): void {
    const { pipeline, contacts, relances, period, today } = this;
    const previous = this.snapshot;
    const complete = [pipeline, contacts, relances].every(
      (part) => part !== null && samePeriod(part.period, period) && part.today === today,
    );
    let next: DashboardSnapshot;
    if (complete && pipeline && contacts && relances) {
      const sameParts =
        previous.parts?.pipeline === pipeline.value &&
        previous.parts.contacts === contacts.value &&
        previous.parts.relances === relances.value;
      next = {
        parts: sameParts ? previous.parts : { pipeline: pipeline.value, contacts: contacts.value, relances: relances.value },
        period,
        today,
        current: !this.reading && this.stale.size === 0 && this.error === null,
        readMs: this.readMs,
        computeMs: round(pipeline.ms + contacts.ms + relances.ms),
        prefetched: this.readPrefetched,
        error: this.error,
      };
    } else {
      // The last complete figures stay until the new ones are all there, never mixed.
      next = { ...previous, current: false, error: this.error };
    }
    const unchanged = (Object.keys(next) as (keyof DashboardSnapshot)[]).every((key) => next[key] === previous[key]);
    if (unchanged) return;
    // A new object only when something changed, as useSyncExternalStore requires.
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

/** The part again when made from the same rows for the same period and day, otherwise computed anew (and timed). */
function computed<T>(part: Part<T> | null, rows: readonly unknown[], period: KpiPeriod, today: IsoDate, compute: () => T): Part<T> {
  if (part && samePeriod(part.period, period) && part.today === today && part.rows.every((input, index) => input === rows[index]))
    return part;
  const started = performance.now();
  const value = compute();
  return { value, rows, period, today, ms: performance.now() - started };
}

let early: DashboardFeed | null = null;

/**
 * Starts reading before React has mounted anything (the page's shell and the database gate
 * take a good share of the time to the figures): the view takes this feed over on mount.
 */
export function startDashboardFeedEarly(db: RelanceDatabase, period: KpiPeriod, today: IsoDate): void {
  early ??= new DashboardFeed(db, period, today);
}

/** The feed the view should use: the early one once, otherwise a new one. */
export function takeDashboardFeed(db: RelanceDatabase, period: KpiPeriod, today: IsoDate): DashboardFeed {
  const feed = early ?? new DashboardFeed(db, period, today);
  early = null;
  feed.show(period, today);
  return feed;
}
