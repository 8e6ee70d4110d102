/**
 * Opens a database with plain IndexedDB, only if it already exists at exactly `dexieVersion`
 * (IndexedDB holds Dexie's version × 10); null otherwise or on any failure. It never creates,
 * upgrades or blocks anything, which only Dexie may do: it asks for no version (so no other
 * connection is told to close), gives up a database that would have to be created, and closes
 * itself as soon as another context asks for a new version.
 */
export function openExistingDatabase(factory: IDBFactory, name: string, dexieVersion: number): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name);
    } catch {
      resolve(null);
      return;
    }
    request.onupgradeneeded = () => {
      // No such database: aborting the version change leaves none behind.
      request.transaction?.abort();
    };
    request.onerror = (event) => {
      event.preventDefault();
      resolve(null);
    };
    request.onblocked = () => resolve(null);
    request.onsuccess = () => {
      const connection = request.result;
      if (connection.version !== Math.round(dexieVersion * 10)) {
        connection.close();
        resolve(null);
        return;
      }
      connection.onversionchange = () => connection.close();
      resolve(connection);
    };
  });
}
