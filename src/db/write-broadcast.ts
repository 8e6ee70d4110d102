/**
 * The BroadcastChannel on which Dexie tells the other contexts of the extension (pages, the
 * worker) about each write it commits, whatever the table. Code that runs before Dexie is
 * loaded (the dashboard's prefetch) listens to it to know whether what it read is still
 * current. Dexie's own name, not ours: tests/unit/ui/dashboard-prefetch.test.ts has a real Dexie
 * write reach it, so an upgrade that renames it fails there instead of going unnoticed.
 */
export const DEXIE_WRITE_CHANNEL = 'x-storagemutated-1';
