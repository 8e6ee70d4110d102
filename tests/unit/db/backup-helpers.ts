import './backup-shims';
import { expect } from 'vitest';
import { BackupError, type BackupErrorCode, readBackupSummary, restoreBackup } from '../../../src/db/backup';
import type { RelanceDatabase } from '../../../src/db/database';

export type Snapshot = Record<string, unknown[]>;

/** Every table's rows, by table name. */
export async function snapshot(db: RelanceDatabase): Promise<Snapshot> {
  const entries = await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const));
  return Object.fromEntries(entries);
}

/** A file holding `value` as JSON. */
export function fileOf(value: unknown): Blob {
  return new Blob([JSON.stringify(value)], { type: 'application/json' });
}

/** The BackupError the promise fails with (the test fails if it does not). */
export async function refusal(promise: Promise<unknown>): Promise<BackupError> {
  const outcome = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(outcome).toBeInstanceOf(BackupError);
  return outcome as BackupError;
}

/**
 * The restore (and, unless the fault is only found while restoring, the preview) refuses the file
 * with `code`, and the database is left as it was.
 */
export async function expectRefused(db: RelanceDatabase, file: Blob, code: BackupErrorCode, phase: 'preview' | 'restore' = 'preview') {
  const before = await snapshot(db);
  if (phase === 'preview') expect((await refusal(readBackupSummary(db, file))).code).toBe(code);
  const error = await refusal(restoreBackup(db, file));
  expect(error.code).toBe(code);
  expect(await snapshot(db)).toEqual(before);
  return error;
}
