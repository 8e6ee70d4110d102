/*
 * dexie-export-import (loaded by backup.ts) reads `self` when its module loads and reads blobs
 * with FileReader: both are there in every extension context (pages and the service worker) but
 * not in Node. Import this module first, before anything that loads backup.ts: ES modules run in
 * import order, so the addon finds both when it loads.
 */

if (typeof globalThis.self === 'undefined') Object.defineProperty(globalThis, 'self', { value: globalThis, configurable: true });
if (typeof globalThis.FileReader === 'undefined') {
  type ReadEvent = { target: { result?: ArrayBuffer; error?: unknown } };
  class BlobReader {
    result: ArrayBuffer | null = null;
    error: unknown = null;
    onload: ((event: ReadEvent) => void) | null = null;
    onerror: ((event: ReadEvent) => void) | null = null;
    onabort: ((event: ReadEvent) => void) | null = null;
    readAsArrayBuffer(blob: Blob): void {
      blob.arrayBuffer().then(
        (buffer) => {
          this.result = buffer;
          this.onload?.({ target: { result: buffer } });
        },
        (error: unknown) => {
          this.error = error;
          this.onerror?.({ target: { error } });
        },
      );
    }
  }
  Object.defineProperty(globalThis, 'FileReader', { value: BlobReader, configurable: true });
}
