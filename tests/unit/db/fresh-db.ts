import { openDatabase, type RelanceDatabase } from '../../../src/db/database';

const opened: RelanceDatabase[] = [];

/** A database of the test's own, under a unique name; `deleteFreshDatabases` removes it. */
export function freshDb(label = 'test'): RelanceDatabase {
  return keepForDeletion(openDatabase(`relance-${label}-${crypto.randomUUID()}`));
}

/** Another handle (e.g. a reopened one) to delete with the rest after the test. */
export function keepForDeletion(db: RelanceDatabase): RelanceDatabase {
  opened.push(db);
  return db;
}

/** For `afterEach`: deletes every database the test opened. */
export async function deleteFreshDatabases(): Promise<void> {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
}
