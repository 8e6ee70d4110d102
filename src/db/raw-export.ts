/** Names a raw copy: restoreBackup (backup.ts) recognises one by it. */
export const RAW_EXPORT_FORMAT = 'relance-raw-export';

/**
 * A last-resort copy of everything stored, read with the bare IndexedDB API (no schema, no
 * version): it works even when the database cannot be opened by the app (an aborted upgrade,
 * a newer version left by a downgrade), so the rep never loses their file.
 */
export async function exportRawDatabase(name = 'relance'): Promise<Blob> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    // Opening without a version never upgrades; a brand-new empty database is simply empty.
    request.onupgradeneeded = () => undefined;
  });
  try {
    const tables: Record<string, unknown[]> = {};
    for (const storeName of Array.from(db.objectStoreNames)) {
      tables[storeName] = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    }
    // `format` stays the first key: restoreBackup tells a raw copy from a backup by the file's first
    // bytes. `version` is IndexedDB's, from which the restore derives the schema version (Dexie's × 10).
    const body = { format: RAW_EXPORT_FORMAT, database: name, version: db.version, exportedAt: new Date().toISOString(), tables };
    return new Blob([JSON.stringify(body)], { type: 'application/json' });
  } finally {
    db.close();
  }
}

/** Saves a blob as a file through a temporary link (extension pages may download this way). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
