import { Dexie, type ObservabilitySet } from 'dexie';
import { DASHBOARD_TABLES, type DashboardTable } from './dashboard-read';
import type { RelanceDatabase } from './database';

/**
 * Calls `onChange` with the dashboard tables each committed write touched, whichever page or
 * worker made it (Dexie relays writes between contexts). Returns the unsubscribe function.
 */
export function watchDashboardTables(db: RelanceDatabase, onChange: (tables: Set<DashboardTable>) => void): () => void {
  const prefix = `idb://${db.name}/`;
  const listener = (parts: ObservabilitySet) => {
    const touched = new Set<DashboardTable>();
    for (const part of Object.keys(parts)) {
      if (!part.startsWith(prefix)) continue;
      const table = part.slice(prefix.length).split('/')[0];
      if ((DASHBOARD_TABLES as readonly string[]).includes(table ?? '')) touched.add(table as DashboardTable);
    }
    if (touched.size > 0) onChange(touched);
  };
  Dexie.on.storagemutated.subscribe(listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}
