import Dexie from 'dexie';
import { exportDB, peakImportFile } from 'dexie-export-import';
import { DERIVED_STORES, type RelanceDatabase, type RelanceRecords, type RelanceTableName, storedForm } from './database';
import { ValidationError } from './errors';
import { RAW_EXPORT_FORMAT } from './raw-export';

/*
 * Full backups in dexie-export-import's JSON format ({ formatName: 'dexie', data: { databaseName,
 * databaseVersion, tables, data: [{ tableName, inbound, rows }] } }), so a backup stays readable
 * by Dexie's own tooling. `databaseVersion` is the schema version (Dexie's verno).
 *
 * Restoring does not use the addon's importInto: with clearTablesBeforeImport it clears each table
 * in a transaction of its own before importing in another, so a failure half-way leaves the
 * database emptied or half-filled. Here the whole file is parsed and every record validated first,
 * then all tables are cleared and refilled in one transaction: a restore happens whole or not at all.
 *
 * The raw copy offered when the database will not open (raw-export.ts: { format:
 * 'relance-raw-export', database, version, exportedAt, tables: { <store>: rows } }) is restored
 * the same way, through the same checks: it is the rep's only way back after a reinstall.
 */

export type BackupErrorCode = 'not-a-backup' | 'newer-schema' | 'wrong-database' | 'corrupt';

/** Where in a backup the refused record sits; index counts from 0 in the table's rows. */
export type BackupErrorLocation = { table: string; index?: number };

/** A backup file was refused. The message reads as is in the UI; `code` lets it pick its own wording. */
export class BackupError extends Error {
  override readonly name = 'BackupError';

  constructor(
    readonly code: BackupErrorCode,
    message: string,
    readonly location?: BackupErrorLocation,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Rows done out of the total, for a progress bar. */
export type ProgressListener = (done: number, total: number) => void;

export type BackupSummary = {
  databaseName: string;
  /** The schema version the backup was made with; older ones are upgraded on restore. */
  schemaVersion: number;
  /** When the backup was made (epoch ms); absent in files made by other dexie-export-import tools. */
  exportedAt?: number;
  /** Rows per table as the restore would leave them: a table the backup lacks restores empty. */
  rowCounts: Record<RelanceTableName, number>;
  totalRows: number;
};

export type RestoreResult = {
  /** The backup's schema version. */
  schemaVersion: number;
  /** True when the backup came from an older schema and its records were brought up to date. */
  upgraded: boolean;
  rowCounts: Record<RelanceTableName, number>;
  totalRows: number;
};

// The addon's default; small enough to keep a progress bar moving and memory flat during export.
const ROWS_PER_EXPORT_CHUNK = 2000;
const ROWS_PER_WRITE = 2000;
// Sniffed before handing a file to the addon's streaming parser, which would otherwise crawl
// through a large non-JSON file 5 KB at a time; also enough to hold any real backup's tail.
const SNIFF_BYTES = 1024;
// exportRawDatabase writes its format first, so a raw copy is known by its first bytes, before the
// addon's parser (which would crawl through the whole of it looking for dexie's header) is run.
const RAW_EXPORT_HEAD = new RegExp(`^\\uFEFF?\\s*\\{\\s*"format"\\s*:\\s*"${RAW_EXPORT_FORMAT}"`);

/** Every table a backup may hold: typed as a full map so adding a table forces a decision here. */
const RESTORABLE_TABLES: { readonly [K in RelanceTableName]: true } = {
  prospects: true,
  interactions: true,
  relances: true,
  stageEvents: true,
  offers: true,
  settings: true,
  decisions: true,
};
const TABLE_NAMES = Object.keys(RESTORABLE_TABLES) as RelanceTableName[];

function isRestorableTable(name: string): name is RelanceTableName {
  return Object.hasOwn(RESTORABLE_TABLES, name);
}

function emptyRowCounts(): Record<RelanceTableName, number> {
  return Object.fromEntries(TABLE_NAMES.map((name) => [name, 0])) as Record<RelanceTableName, number>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

// ---------------------------------------------------------------------------------------
// Backup

/** The whole database as a dexie-export-import JSON file, read in chunks inside one read transaction. */
export async function createBackup(db: RelanceDatabase, options: { onProgress?: ProgressListener } = {}): Promise<Blob> {
  // verno is the installed schema version only once the database is open.
  await db.open();
  const { onProgress } = options;
  const exported = await exportDB(db, {
    // Derived stores are rebuilt from their source as the restore writes it.
    skipTables: [...DERIVED_STORES],
    numRowsPerChunk: ROWS_PER_EXPORT_CHUNK,
    progressCallback: onProgress
      ? (progress) => {
          onProgress(progress.completedRows, progress.totalRows ?? 0);
          return true;
        }
      : undefined,
  });
  // The format has no export date: it goes first, so the addon's peakImportFile (which stops
  // at the rows) sees it. Importers ignore unknown top-level keys. The slice drops the opening
  // brace without copying the exported chunks.
  return new Blob([`{"exportedAt":${Date.now()},`, exported.slice(1)], { type: 'application/json' });
}

// ---------------------------------------------------------------------------------------
// Reading a backup's header

type TableHeader = { name: RelanceTableName; rowCount: number };
type BackupHeader = { databaseName: string; schemaVersion: number; exportedAt?: number; tables: TableHeader[] };

const NOT_A_BACKUP = 'This file is not a Relance backup.';

/** Refuses a file made from another database, or from a schema this version of Relance does not know. */
function checkRestorableInto(db: RelanceDatabase, databaseName: string, schemaVersion: number): void {
  if (databaseName !== db.name) {
    throw new BackupError('wrong-database', `This file is a backup of another database ("${databaseName}"), not of Relance.`);
  }
  if (schemaVersion > db.verno) {
    throw new BackupError(
      'newer-schema',
      `This backup comes from a newer version of Relance (schema ${schemaVersion}); update the extension first.`,
    );
  }
}

/**
 * The header of a parsed file, or the reason it cannot be restored into `db`. Shared by the
 * preview and the restore so both refuse a file for the same reason with the same words.
 */
function backupHeaderOf(file: unknown, db: RelanceDatabase): BackupHeader {
  if (!isObject(file) || file.formatName !== 'dexie') throw new BackupError('not-a-backup', NOT_A_BACKUP);
  if (file.formatVersion !== 1) {
    throw new BackupError('not-a-backup', `${NOT_A_BACKUP} (unsupported export format ${String(file.formatVersion)})`);
  }
  const data = file.data;
  if (
    !isObject(data) ||
    typeof data.databaseName !== 'string' ||
    typeof data.databaseVersion !== 'number' ||
    !Number.isSafeInteger(data.databaseVersion) ||
    data.databaseVersion < 1 ||
    !Array.isArray(data.tables)
  ) {
    throw new BackupError('not-a-backup', `${NOT_A_BACKUP} (its header is incomplete)`);
  }
  checkRestorableInto(db, data.databaseName, data.databaseVersion);
  const tables: TableHeader[] = [];
  for (const entry of data.tables) {
    if (!isObject(entry) || typeof entry.name !== 'string' || !isCount(entry.rowCount)) {
      throw new BackupError('corrupt', 'The backup is damaged: its list of tables is malformed.');
    }
    const { name, rowCount } = entry;
    if (!isRestorableTable(name)) throw new BackupError('corrupt', `The backup is damaged: unknown table "${name}".`, { table: name });
    if (tables.some((table) => table.name === name)) {
      throw new BackupError('corrupt', `The backup is damaged: table "${name}" is listed twice.`, { table: name });
    }
    tables.push({ name, rowCount });
  }
  const exportedAt = isCount(file.exportedAt) ? file.exportedAt : undefined;
  return { databaseName: data.databaseName, schemaVersion: data.databaseVersion, exportedAt, tables };
}

type RawBackup = { header: BackupHeader; rowsByTable: Map<RelanceTableName, unknown[]> };

/**
 * The header and rows of a parsed raw copy, or the reason it cannot be restored into `db`. The
 * copy holds no row counts: each table's is the length of its rows, as it has no header that
 * could disagree with them.
 */
function rawBackupOf(file: unknown, db: RelanceDatabase): RawBackup {
  if (!isObject(file) || file.format !== RAW_EXPORT_FORMAT) throw new BackupError('not-a-backup', NOT_A_BACKUP);
  const { database, version, tables } = file;
  if (typeof database !== 'string' || !isCount(version) || !isObject(tables)) {
    throw new BackupError('not-a-backup', `${NOT_A_BACKUP} (its header is incomplete)`);
  }
  // The copy holds IndexedDB's own version, which Dexie sets to ten times the schema version (plus
  // one when it patched a schema in place): schema n is what the upgrades up to version(n) made.
  const schemaVersion = Math.floor(version / 10);
  // Below 10, Dexie never opened it: the copy of a database that did not exist, holding nothing of Relance's.
  if (schemaVersion < 1) throw new BackupError('not-a-backup', `${NOT_A_BACKUP} (it holds no Relance data)`);
  checkRestorableInto(db, database, schemaVersion);
  const rowsByTable = new Map<RelanceTableName, unknown[]>();
  for (const [name, rows] of Object.entries(tables)) {
    // A raw copy holds every store, derived ones too: they are rebuilt from their source.
    if (DERIVED_STORES.includes(name)) continue;
    if (!isRestorableTable(name)) throw new BackupError('corrupt', `The backup is damaged: unknown table "${name}".`, { table: name });
    if (!Array.isArray(rows)) throw new BackupError('corrupt', `The backup is damaged: table "${name}" is malformed.`, { table: name });
    rowsByTable.set(name, rows);
  }
  // A table the copy lacks (decisions, before schema 2) restores empty, as with a normal backup.
  const header: BackupHeader = {
    databaseName: database,
    schemaVersion,
    tables: TABLE_NAMES.filter((name) => rowsByTable.has(name)).map((name) => ({ name, rowCount: rowsByTable.get(name)?.length ?? 0 })),
  };
  const exportedAt = typeof file.exportedAt === 'string' ? Date.parse(file.exportedAt) : Number.NaN;
  if (isCount(exportedAt)) header.exportedAt = exportedAt;
  return { header, rowsByTable };
}

function summaryOf(header: BackupHeader): BackupSummary {
  const rowCounts = emptyRowCounts();
  for (const table of header.tables) rowCounts[table.name] = table.rowCount;
  const summary: BackupSummary = {
    databaseName: header.databaseName,
    schemaVersion: header.schemaVersion,
    rowCounts,
    totalRows: header.tables.reduce((sum, table) => sum + table.rowCount, 0),
  };
  if (header.exportedAt !== undefined) summary.exportedAt = header.exportedAt;
  return summary;
}

function withoutWhitespace(text: string): string {
  return text.replace(/\s+/g, '');
}

async function textOf(part: Blob): Promise<string> {
  try {
    return await part.text();
  } catch (error) {
    throw new BackupError('corrupt', 'The backup file could not be read.', undefined, { cause: error });
  }
}

/** Which kind of file this is, from its first bytes; anything but a JSON object (a CSV, a zip, an array) is refused at once. */
async function backupKindOf(file: Blob): Promise<'dexie' | 'raw'> {
  const head = await textOf(file.slice(0, SNIFF_BYTES));
  if (!/^\uFEFF?\s*\{/.test(head)) throw new BackupError('not-a-backup', NOT_A_BACKUP);
  return RAW_EXPORT_HEAD.test(head) ? 'raw' : 'dexie';
}

/**
 * What a restore of this file would bring, so the user can confirm before anything is replaced.
 * A backup is read from its header only (a few KB, whatever the file's size); a raw copy has no
 * header apart from its rows and is parsed whole, as its restore will (the preview then takes
 * about as long as the restore's own parse). Refuses with a BackupError a file that restoreBackup
 * would refuse for its header; damaged rows are only found by the restore.
 */
export async function readBackupSummary(db: RelanceDatabase, file: Blob): Promise<BackupSummary> {
  await db.open();
  if ((await backupKindOf(file)) === 'raw') return summaryOf(rawBackupOf(await parsedFile(file), db).header);
  const tail = await textOf(file.slice(Math.max(0, file.size - SNIFF_BYTES)));

  let header: BackupHeader;
  try {
    const peeked: unknown = await peakImportFile(file);
    // The addon's streaming parser assigns keys as it meets them, so a "__proto__" key would
    // become the object's prototype; a JSON round trip keeps own data only.
    header = backupHeaderOf(JSON.parse(JSON.stringify(peeked)), db);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError('not-a-backup', NOT_A_BACKUP, undefined, { cause: error });
  }
  // The header is read without the rows, so a download cut short would pass unnoticed: a
  // complete file ends by closing the data array, the data object and the file itself.
  if (!withoutWhitespace(tail).endsWith(']}}')) {
    throw new BackupError('corrupt', 'The backup file is incomplete (cut short while saving or downloading?).');
  }
  return summaryOf(header);
}

// ---------------------------------------------------------------------------------------
// Restoring

type ValidatedTable = { name: RelanceTableName; records: unknown[] };

async function parsedFile(file: Blob): Promise<unknown> {
  try {
    // fatal: a file mangled into invalid UTF-8 is refused rather than restored with U+FFFD in names.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
    return JSON.parse(text);
  } catch (error) {
    // Past what a string can hold (about 500 MB of text): far beyond any prospect file, but say so rather than "damaged".
    const problem =
      error instanceof RangeError ? 'The backup file is too large to be read.' : 'The backup file is damaged: it is not valid JSON.';
    throw new BackupError('corrupt', problem, undefined, { cause: error });
  }
}

function recordKey(table: RelanceTableName, record: unknown): string {
  if (!isObject(record)) return '';
  return String(table === 'settings' ? record.key : record.id);
}

function unescapedKeyPathStep(step: string): string {
  return step.replace(/~1/g, '.').replace(/~0/g, '~');
}

function childAt(holder: unknown, step: string): unknown {
  if (Array.isArray(holder)) return /^\d+$/.test(step) ? holder[Number(step)] : undefined;
  return isObject(holder) && Object.hasOwn(holder, step) ? holder[step] : undefined;
}

/**
 * The row without dexie-export-import's type notes. The addon (typeson) marks every array as
 * `arrayNonindexKeys`, which changes nothing when the value is a plain array, and writes a value
 * JSON cannot hold as a placeholder: undefined becomes 0, so a `doneAt` left undefined would come
 * back as "done in 1970". Relance never stores undefined (the database drops such keys) but a
 * file from another writer may: it is dropped, since absent is what Relance means by it. Any
 * other note describes a value Relance never stores, and the row is refused.
 */
function withoutTypeNotes(row: unknown, where: BackupErrorLocation & { index: number }): unknown {
  if (!isObject(row) || !Object.hasOwn(row, '$types')) return row;
  const { $types: notes, ...plain } = row;
  const refuse = (what: string) =>
    new BackupError('corrupt', `The backup is damaged: record ${where.index + 1} of ${where.table} holds ${what}.`, where);
  if (!isObject(notes)) throw refuse('an unreadable type note');
  for (const [path, type] of Object.entries(notes)) {
    // typeson's key paths: steps joined by '.', with '.' and '~' inside keys escaped as ~1 and ~0.
    const steps = path.split('.').map(unescapedKeyPathStep);
    const last = steps.pop() ?? '';
    const holder = steps.reduce<unknown>(childAt, plain);
    if (type === 'arrayNonindexKeys' && Array.isArray(childAt(holder, last))) continue;
    if (type === 'undef' && isObject(holder) && Object.hasOwn(holder, last)) {
      delete holder[last];
      continue;
    }
    throw refuse(`a value of a kind Relance never stores (${JSON.stringify(type)} at ${path})`);
  }
  return plain;
}

/** A row as the file holds it, made into what storedForm checks. */
type RowReader = (row: unknown, where: BackupErrorLocation & { index: number }) => unknown;

// A raw copy holds the stored values themselves (JSON.stringify already dropped undefined ones).
const rawRow: RowReader = (row) => row;

/** The table's records in stored form, or a BackupError naming the first one the database would refuse. */
function validatedRecords(table: RelanceTableName, rows: readonly unknown[], readRow: RowReader): unknown[] {
  const records: unknown[] = [];
  const keys = new Set<string>();
  const linkedinUrls = new Set<string>();
  for (const [index, row] of rows.entries()) {
    const where = { table, index };
    let record: unknown;
    try {
      // storedForm validates whatever it is given (it is the middleware's own check); the cast
      // only satisfies its signature, which is typed for callers that already hold a record.
      record = storedForm(table, readRow(row, where) as RelanceRecords[typeof table]);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      throw new BackupError('corrupt', `The backup is damaged: record ${index + 1} of ${table} is invalid (${error.message}).`, where, {
        cause: error,
      });
    }
    // Checked here because bulkPut would silently keep the last of two same-id records, and a
    // duplicate LinkedIn URL would only fail inside the transaction, as a storage error.
    const key = recordKey(table, record);
    if (keys.has(key)) throw new BackupError('corrupt', `The backup is damaged: ${table} holds "${key}" twice.`, where);
    keys.add(key);
    if (table === 'prospects' && isObject(record) && typeof record.linkedinUrl === 'string') {
      if (linkedinUrls.has(record.linkedinUrl)) {
        throw new BackupError('corrupt', `The backup is damaged: two prospects share the LinkedIn profile ${record.linkedinUrl}.`, where);
      }
      linkedinUrls.add(record.linkedinUrl);
    }
    records.push(record);
  }
  return records;
}

/** Every table of the file, validated, in the order of its header. */
function validatedTables(file: unknown, header: BackupHeader): ValidatedTable[] {
  const data = isObject(file) && isObject(file.data) ? file.data.data : undefined;
  if (!Array.isArray(data)) throw new BackupError('corrupt', 'The backup is damaged: it holds no data.');
  const rowsByTable = new Map<RelanceTableName, unknown[]>();
  for (const entry of data) {
    if (!isObject(entry) || typeof entry.tableName !== 'string' || !Array.isArray(entry.rows)) {
      throw new BackupError('corrupt', 'The backup is damaged: a table is malformed.');
    }
    const name = entry.tableName;
    if (!header.tables.some((table) => table.name === name) || !isRestorableTable(name)) {
      throw new BackupError('corrupt', `The backup is damaged: table "${name}" is not in its header.`, { table: name });
    }
    if (rowsByTable.has(name)) throw new BackupError('corrupt', `The backup is damaged: table "${name}" appears twice.`, { table: name });
    // Every Relance table keeps its key inside the record; rows stored as [key, value] pairs come from elsewhere.
    if (entry.inbound !== true) throw new BackupError('corrupt', `The backup is damaged: table "${name}" is malformed.`, { table: name });
    rowsByTable.set(name, entry.rows);
  }
  return header.tables.map(({ name, rowCount }) => {
    const rows = rowsByTable.get(name);
    if (rows === undefined) throw new BackupError('corrupt', `The backup is damaged: table "${name}" is missing.`, { table: name });
    // The preview showed the header's counts: restoring anything else would not be what the user confirmed.
    if (rows.length !== rowCount) {
      throw new BackupError('corrupt', `The backup is damaged: ${name} should hold ${rowCount} records but holds ${rows.length}.`, {
        table: name,
      });
    }
    return { name, records: validatedRecords(name, rows, withoutTypeNotes) };
  });
}

/**
 * Refusals by the database itself, which the checks above should have anticipated, still mean a
 * bad file; a storage failure (quota, closed database) does not, and is passed on as it is.
 */
function isRefusedRecord(error: unknown): boolean {
  if (error instanceof ValidationError) return true;
  if (error instanceof Dexie.BulkError) return error.failures.every(isRefusedRecord);
  return error instanceof Error && error.name === 'ConstraintError';
}

/** The header and validated tables; the parsed file goes out of scope here, so only the validated records stay in memory during the write. */
async function validatedBackup(db: RelanceDatabase, file: Blob): Promise<{ header: BackupHeader; tables: ValidatedTable[] }> {
  await db.open();
  if ((await backupKindOf(file)) === 'raw') {
    // One parse: a raw copy's header checks need the whole file anyway.
    const { header, rowsByTable } = rawBackupOf(await parsedFile(file), db);
    const tables = header.tables.map(({ name }) => ({ name, records: validatedRecords(name, rowsByTable.get(name) ?? [], rawRow) }));
    return { header, tables };
  }
  // The cheap header checks first, so a wrong file is refused before the whole of it is read.
  await readBackupSummary(db, file);
  const parsed = await parsedFile(file);
  const header = backupHeaderOf(parsed, db);
  return { header, tables: validatedTables(parsed, header) };
}

/**
 * Replaces all data with the backup's. Every record is validated before anything is written,
 * then every table is cleared and refilled in one transaction: on any refusal or failure the
 * database is left exactly as it was. Records of an older schema are brought up to date on
 * the way in (the database recomputes derived keys such as companyKey on every write).
 */
export async function restoreBackup(
  db: RelanceDatabase,
  file: Blob,
  options: { onProgress?: ProgressListener } = {},
): Promise<RestoreResult> {
  const { header, tables } = await validatedBackup(db, file);

  const summary = summaryOf(header);
  const total = summary.totalRows;
  const { onProgress } = options;
  // Outside the transaction's zone, so a listener that reads the database does not join (and hold) it.
  const report = (done: number) => {
    if (onProgress) Dexie.ignoreTransaction(() => onProgress(done, total));
  };

  try {
    await db.transaction('rw', db.tables, async () => {
      let written = 0;
      report(written);
      for (const table of db.tables) await table.clear();
      for (const { name, records } of tables) {
        for (let start = 0; start < records.length; start += ROWS_PER_WRITE) {
          const chunk = records.slice(start, start + ROWS_PER_WRITE);
          await db.table(name).bulkPut(chunk);
          written += chunk.length;
          report(written);
        }
      }
    });
  } catch (error) {
    if (isRefusedRecord(error)) {
      throw new BackupError('corrupt', 'The backup is damaged: the database refused some of its records.', undefined, { cause: error });
    }
    throw error;
  }
  return {
    schemaVersion: header.schemaVersion,
    upgraded: header.schemaVersion < db.verno,
    rowCounts: summary.rowCounts,
    totalRows: total,
  };
}
