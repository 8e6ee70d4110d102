import type { BackupErrorCode, BackupSummary, RestoreResult } from '../../../db/backup';
import type { CsvEncoding } from '../../../import/csv-read';
import type { ExportPreset } from '../../../import/export';
import type { ColumnMapping } from '../../../import/mapping';
import type { DuplicateOf, DuplicatePolicy, ImportResult, ImportWarning, MatchedBy, RejectedRow } from '../../../import/plan';

/*
 * What the data view asks of its worker (data.worker.ts) and what comes back. Reading and
 * planning a CSV file, writing an import, making and restoring a backup all run there, so
 * the page stays responsive whatever the file's size. Everything here is structured-clone
 * safe: plain objects, arrays and Blobs.
 */

/** At most this many rejected rows, duplicates and warnings travel to the page; the counts are always whole. */
export const LISTED_ROWS_LIMIT = 200;

/** How many rows of the file the mapping step previews. */
export const PREVIEW_ROWS = 5;

export type ParsedSummary = {
  encoding: CsvEncoding;
  delimiter: string;
  headers: string[];
  /** The first rows' cells, cut for display. */
  preview: string[][];
  /** Data rows (blank ones not counted). */
  rowCount: number;
  /** Columns in the widest row: a file may hold more cells than headers. */
  columnCount: number;
  /** The mapping autoMap proposes. */
  mapping: ColumnMapping;
};

export type ListedDuplicate = { line: number; fullName: string; of: DuplicateOf; via: MatchedBy };

export type PlanSummary = {
  totals: { rows: number; ok: number; duplicates: number; rejected: number; warnings: number };
  rejected: RejectedRow[];
  duplicates: ListedDuplicate[];
  warnings: ImportWarning[];
};

export type BackupMade = { blob: Blob; exportedAt: number };

export type ExportKind = 'prospects' | 'interactions' | 'relances';

export type DataRequest =
  | { type: 'parse'; file: Blob }
  | { type: 'export'; kind: ExportKind; preset: ExportPreset }
  | { type: 'plan'; mapping: ColumnMapping }
  | { type: 'execute'; onDuplicate: DuplicatePolicy }
  | { type: 'backup' }
  | { type: 'backup-summary'; file: Blob }
  | { type: 'restore'; file: Blob };

export type DataResults = {
  parse: ParsedSummary;
  /** The CSV file, BOM included. */
  export: Blob;
  plan: PlanSummary;
  execute: ImportResult;
  backup: BackupMade;
  'backup-summary': BackupSummary;
  restore: RestoreResult;
};

export type DataRequestType = DataRequest['type'];

/** An error as it crosses the thread boundary: BackupError keeps its code. */
export type SerializedError = { name: string; message: string; code?: BackupErrorCode };

export type DataRequestMessage = { id: number; request: DataRequest };

export type DataResponseMessage =
  | { id: number; kind: 'progress'; done: number; total: number }
  | { id: number; kind: 'ok'; value: DataResults[DataRequestType] }
  | { id: number; kind: 'error'; error: SerializedError };
