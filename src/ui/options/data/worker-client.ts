import { useEffect, useMemo } from 'react';
import type { BackupErrorCode } from '../../../db/backup';
import type { DataRequest, DataRequestMessage, DataResponseMessage, DataResults, SerializedError } from './protocol';

/** An error thrown by the worker, rebuilt on the page: `code` is a BackupError's. */
export class DataWorkerError extends Error {
  readonly code: BackupErrorCode | undefined;
  readonly originalName: string;

  constructor(error: SerializedError) {
    super(error.message);
    this.name = 'DataWorkerError';
    this.code = error.code;
    this.originalName = error.name;
  }
}

type Pending = {
  resolve: (value: DataResults[DataRequest['type']]) => void;
  reject: (error: Error) => void;
  onProgress?: (done: number, total: number) => void;
};

export type DataWorker = {
  call<R extends DataRequest>(request: R, onProgress?: (done: number, total: number) => void): Promise<DataResults[R['type']]>;
};

/** A client for data.worker.ts; the worker starts on the first call and stops with `dispose`. */
export function createDataWorkerClient(): DataWorker & { dispose(): void } {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error) => {
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
  };

  const start = (): Worker => {
    if (worker) return worker;
    const created = new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module', name: 'relance-data' });
    created.addEventListener('message', (event: MessageEvent<DataResponseMessage>) => {
      const message = event.data;
      const entry = pending.get(message.id);
      if (!entry) return;
      if (message.kind === 'progress') {
        entry.onProgress?.(message.done, message.total);
        return;
      }
      pending.delete(message.id);
      if (message.kind === 'ok') entry.resolve(message.value);
      else entry.reject(new DataWorkerError(message.error));
    });
    created.addEventListener('error', (event) => {
      // A worker that cannot start (or crashed) fails every call in flight, and the next call starts a new one.
      event.preventDefault();
      failAll(new Error(event.message || 'The data worker stopped unexpectedly.'));
      created.terminate();
      if (worker === created) worker = null;
    });
    worker = created;
    return created;
  };

  return {
    call(request, onProgress) {
      const id = nextId++;
      const target = start();
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as Pending['resolve'], reject, onProgress });
        const message: DataRequestMessage = { id, request };
        target.postMessage(message);
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      failAll(new Error('The data view was closed.'));
    },
  };
}

/** The view's worker, stopped when the view goes away. */
export function useDataWorker(): DataWorker {
  const client = useMemo(() => createDataWorkerClient(), []);
  useEffect(() => () => client.dispose(), [client]);
  return client;
}
