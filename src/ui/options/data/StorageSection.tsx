import Dexie from 'dexie';
import { HardDrive } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { buttonClass } from '../../components';
import { useI18n } from '../../i18n-context';
import { useStrings } from '../../localized';
import { Card, Notice } from './parts';
import { dataStrings } from './strings';

type StorageState = { persisted: boolean | null; usage: number | null; quota: number | null };

const MB = 1024 * 1024;

async function readStorage(): Promise<StorageState> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage) return { persisted: null, usage: null, quota: null };
  const [persisted, estimate] = await Promise.all([
    storage.persisted ? storage.persisted().catch(() => null) : Promise.resolve(null),
    storage.estimate ? storage.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

/** Whether the browser may clear the data, and how much room it takes. */
export function StorageSection() {
  const s = useStrings(dataStrings);
  const { lang } = useI18n();
  const [state, setState] = useState<StorageState | null>(null);
  const [answer, setAnswer] = useState<boolean | null>(null);
  const [asking, setAsking] = useState(false);

  const refresh = useCallback(async () => setState(await readStorage()), []);
  useEffect(() => {
    void refresh();
    // The usage follows imports and restores (from any page or the worker), a second later at most.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        void refresh();
      }, 1000);
    };
    Dexie.on('storagemutated', onChange);
    return () => {
      Dexie.on('storagemutated').unsubscribe(onChange);
      if (timer) clearTimeout(timer);
    };
  }, [refresh]);

  const persist = async () => {
    setAsking(true);
    try {
      // From the page (not the worker): the browser weighs the request against the page's engagement.
      const granted = (await navigator.storage?.persist?.()) ?? false;
      setAnswer(granted);
    } catch {
      setAnswer(false);
    } finally {
      setAsking(false);
      await refresh();
    }
  };

  const megabytes = (bytes: number) =>
    s.megabytes(new Intl.NumberFormat(lang, { maximumFractionDigits: bytes < 10 * MB ? 1 : 0 }).format(bytes / MB));

  return (
    <Card title={s.storageTitle} testId="storage-section">
      {state && (
        <div className="space-y-1">
          <p className="flex items-center gap-2" data-testid="storage-persisted" data-persisted={String(state.persisted)}>
            <HardDrive aria-hidden="true" className="h-4 w-4 shrink-0 text-slate-600 dark:text-slate-300" />
            {state.persisted === null ? s.storageUnknown : state.persisted ? s.storagePersisted : s.storageNotPersisted}
          </p>
          <p data-testid="storage-usage">
            {state.usage === null || state.quota === null
              ? s.storageUsageUnknown
              : s.storageUsage(megabytes(state.usage), megabytes(state.quota))}
          </p>
        </div>
      )}
      {state?.persisted === false && (
        <button
          type="button"
          data-testid="storage-persist"
          className={buttonClass.secondary}
          disabled={asking}
          onClick={() => void persist()}
        >
          {s.storagePersist}
        </button>
      )}
      {answer !== null && (
        <Notice tone={answer ? 'success' : 'warning'} role="status" testId="storage-persist-answer">
          <p>{answer ? s.storagePersistGranted : s.storagePersistRefused}</p>
        </Notice>
      )}
      <p className="text-slate-600 dark:text-slate-300">{s.storageUnlimited}</p>
    </Card>
  );
}
