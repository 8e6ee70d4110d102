/*
 * The data view's worker: CSV reading, import planning and writing, backup and restore,
 * off the page's thread. It opens its own connection to the same IndexedDB database;
 * Dexie tells the pages about its writes (BroadcastChannel), so live queries follow.
 */
import { BackupError, createBackup, readBackupSummary, restoreBackup } from '../../../db/backup';
import { db } from '../../../db/instance';
import { decodeCsvBytes, type ParsedCsv, parseCsv } from '../../../import/csv-read';
import { exportInteractionsCsv, exportProspectsCsv, exportRelancesCsv } from '../../../import/export';
import { autoMap, type ColumnMapping } from '../../../import/mapping';
import { executeImport, type ImportPlan, planImport } from '../../../import/plan';
import {
  type DataRequest,
  type DataRequestMessage,
  type DataResponseMessage,
  type DataResults,
  LISTED_ROWS_LIMIT,
  type ParsedSummary,
  type PlanSummary,
  PREVIEW_ROWS,
  type SerializedError,
} from './protocol';

/** The part of DedicatedWorkerGlobalScope used here (the project's types are the DOM's). */
type WorkerScope = {
  postMessage(message: DataResponseMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<DataRequestMessage>) => void): void;
};
const scope = self as unknown as WorkerScope;

const PREVIEW_CELL_LENGTH = 120;

/** The file being imported, between the steps of the wizard. */
let parsed: ParsedCsv | null = null;
let plan: ImportPlan | null = null;

function cut(cell: string): string {
  return cell.length > PREVIEW_CELL_LENGTH ? `${cell.slice(0, PREVIEW_CELL_LENGTH - 1)}…` : cell;
}

async function parse(file: Blob): Promise<ParsedSummary> {
  parsed = null;
  plan = null;
  const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
  const result = parseCsv(decoded.text);
  parsed = result;
  // Excel keeps the separators of emptied columns ("a;b;;;"): only columns with a title or a value count.
  let columnCount = result.headers.length;
  for (const row of result.rows) {
    for (let index = row.cells.length - 1; index >= columnCount; index--) {
      if ((row.cells[index] ?? '').trim() !== '') {
        columnCount = index + 1;
        break;
      }
    }
  }
  return {
    encoding: decoded.encoding,
    delimiter: result.delimiter,
    headers: result.headers,
    preview: result.rows.slice(0, PREVIEW_ROWS).map((row) => row.cells.map(cut)),
    rowCount: result.rows.length,
    columnCount,
    mapping: autoMap(result.headers),
  };
}

async function makePlan(mapping: ColumnMapping): Promise<PlanSummary> {
  if (!parsed) throw new Error('No file is being imported: choose the file again.');
  plan = null;
  // Planned as "skip": the buckets are the same either way, and executeImport merges on demand.
  const next = await planImport(db, parsed, mapping, { onDuplicate: 'skip' });
  plan = next;
  return {
    totals: { ...next.totals, warnings: next.warnings.length },
    rejected: next.rejected.slice(0, LISTED_ROWS_LIMIT),
    duplicates: next.duplicates.slice(0, LISTED_ROWS_LIMIT).map((duplicate) => ({
      line: duplicate.line,
      fullName: duplicate.contact.fullName,
      of: duplicate.of,
      via: duplicate.via,
    })),
    warnings: next.warnings.slice(0, LISTED_ROWS_LIMIT),
  };
}

type Progress = (done: number, total: number) => void;

async function handle(request: DataRequest, progress: Progress): Promise<DataResults[DataRequest['type']]> {
  switch (request.type) {
    case 'parse':
      return parse(request.file);
    case 'export': {
      const text =
        request.kind === 'prospects'
          ? await exportProspectsCsv(db, { preset: request.preset })
          : request.kind === 'interactions'
            ? await exportInteractionsCsv(db)
            : await exportRelancesCsv(db);
      return new Blob([text], { type: 'text/csv;charset=utf-8' });
    }
    case 'plan':
      return makePlan(request.mapping);
    case 'execute': {
      const current = plan;
      if (!current) throw new Error('Nothing to import: check the file again.');
      // Written once: a second click re-plans rather than re-writes.
      plan = null;
      parsed = null;
      return executeImport(db, current, { onDuplicate: request.onDuplicate, onProgress: progress });
    }
    case 'backup': {
      const blob = await createBackup(db, { onProgress: progress });
      return { blob, exportedAt: Date.now() };
    }
    case 'backup-summary':
      return readBackupSummary(db, request.file);
    case 'restore':
      return restoreBackup(db, request.file, { onProgress: progress });
  }
}

function serialized(error: unknown): SerializedError {
  if (error instanceof BackupError) return { name: error.name, message: error.message, code: error.code };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

scope.addEventListener('message', (event) => {
  const { id, request } = event.data;
  const progress: Progress = (done, total) => scope.postMessage({ id, kind: 'progress', done, total });
  handle(request, progress).then(
    (value) => scope.postMessage({ id, kind: 'ok', value }),
    (error: unknown) => scope.postMessage({ id, kind: 'error', error: serialized(error) }),
  );
});
