/*
 * Used only when the options page has no data or dashboard view: the app's own import and
 * KPI code, bundled by the bench from src/ and run inside an extension page on its own
 * connection to the same IndexedDB database, timed there. Becomes `globalThis.__benchApp`.
 */
import { openDatabase } from '../../src/db/database';
import { decodeCsvBytes, parseCsv } from '../../src/import/csv-read';
import { autoMap } from '../../src/import/mapping';
import { executeImport, planImport } from '../../src/import/plan';
import { computeKpis, todayIso } from '../../src/process';

const db = openDatabase();

/** The import as the wizard runs it: decode, parse, map automatically, plan (skip duplicates), write. */
export async function importCsvThroughFunctions(csv: string): Promise<{ ms: number; created: number; ok: number }> {
  const bytes = new TextEncoder().encode(csv);
  const started = performance.now();
  const parsed = parseCsv(decodeCsvBytes(bytes).text);
  const plan = await planImport(db, parsed, autoMap(parsed.headers), { onDuplicate: 'skip' });
  const result = await executeImport(db, plan, { onDuplicate: 'skip' });
  return { ms: performance.now() - started, created: result.created, ok: plan.totals.ok };
}

/** The dashboard's work without its view: the four tables read in parallel, then computeKpis for this month. */
export async function dashboardThroughFunctions(): Promise<{ ms: number; total: number }> {
  const started = performance.now();
  const [prospects, interactions, relances, stageEvents] = await Promise.all([
    db.prospects.toArray(),
    db.interactions.toArray(),
    db.relances.toArray(),
    db.stageEvents.toArray(),
  ]);
  const today = todayIso();
  const kpis = computeKpis({
    prospects,
    interactions,
    relances,
    stageEvents,
    today,
    period: { from: `${today.slice(0, 8)}01`, to: today },
  });
  return { ms: performance.now() - started, total: kpis.funnel.total };
}

export type BenchAppApi = {
  importCsvThroughFunctions: typeof importCsvThroughFunctions;
  dashboardThroughFunctions: typeof dashboardThroughFunctions;
};

const api: BenchAppApi = { importCsvThroughFunctions, dashboardThroughFunctions };
Object.assign(globalThis, { __benchApp: api });
