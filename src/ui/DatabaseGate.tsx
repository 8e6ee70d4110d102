import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { db } from '../db/instance';
import { downloadBlob, exportRawDatabase } from '../db/raw-export';
import { messages, resolveLang } from '../i18n';
import { buttonClass } from './components';

type GateState = { kind: 'opening' } | { kind: 'open' } | { kind: 'failed'; detail: string };

/**
 * Opens the database before the page renders anything that reads it. If it cannot be
 * opened (blocked, aborted upgrade, quota, a newer version), the rep sees what happened,
 * can save a raw copy of everything and try again — never a blank page.
 */
export function DatabaseGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<GateState>({ kind: 'opening' });
  const open = useCallback(() => {
    setState({ kind: 'opening' });
    db.open()
      .then(() => setState({ kind: 'open' }))
      .catch((error: unknown) =>
        setState({ kind: 'failed', detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
      );
  }, []);
  useEffect(() => {
    open();
    // Another page upgrading the schema closes this connection: say so instead of failing later.
    const onVersionChange = () => setState({ kind: 'failed', detail: 'VersionChange' });
    db.on('versionchange', onVersionChange);
    return () => db.on('versionchange').unsubscribe(onVersionChange);
  }, [open]);

  if (state.kind === 'open') return <>{children}</>;
  if (state.kind === 'opening') return <OpeningNotice />;
  return <DatabaseErrorScreen detail={state.detail} onRetry={open} />;
}

/** Past this, opening is not instant (a schema upgrade over a large store): say so rather than show a blank page. */
const SLOW_OPEN_MS = 400;

function OpeningNotice() {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), SLOW_OPEN_MS);
    return () => clearTimeout(timer);
  }, []);
  if (!slow) return null; // a normal open takes a few ms: no flash
  const t = messages(resolveLang('auto', navigator.language));
  return (
    <p role="status" data-testid="db-opening" className="m-4 text-sm text-slate-600 dark:text-slate-300">
      {t.dbOpening}
    </p>
  );
}

function DatabaseErrorScreen({ detail, onRetry }: { detail: string; onRetry: () => void }) {
  const t = messages(resolveLang('auto', navigator.language));
  const [exportError, setExportError] = useState<string | null>(null);
  const exportRaw = async () => {
    try {
      downloadBlob(await exportRawDatabase(), `relance-raw-export-${new Date().toISOString().slice(0, 10)}.json`);
    } catch (error) {
      setExportError(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <main
      role="alert"
      data-testid="db-error"
      className="m-4 rounded-lg border border-red-300 bg-red-50 p-4 text-sm dark:border-red-800 dark:bg-red-950"
    >
      <h1 className="mb-1 text-base font-semibold text-red-900 dark:text-red-100">{t.dbErrorTitle}</h1>
      <p className="text-red-900 dark:text-red-100">{t.dbErrorText}</p>
      <p className="mt-1 break-words font-mono text-xs text-red-800 dark:text-red-200">{detail}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" data-testid="db-raw-export" className={buttonClass.primary} onClick={() => void exportRaw()}>
          {t.dbErrorExport}
        </button>
        <button type="button" data-testid="db-retry" className={buttonClass.secondary} onClick={onRetry}>
          {t.dbErrorRetry}
        </button>
      </div>
      {exportError && <p className="mt-2 text-red-800 dark:text-red-200">{exportError}</p>}
    </main>
  );
}
