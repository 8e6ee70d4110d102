import { DatabaseBackup, Download } from 'lucide-react';
import { type ChangeEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { BackupErrorCode, BackupSummary, RestoreResult } from '../../../db/backup';
import type { RelanceTableName } from '../../../db/database';
import { db } from '../../../db/instance';
import { getSettings, saveSettings } from '../../../db/repository';
import type { Settings } from '../../../model/settings';
import { buttonClass } from '../../components';
import { useI18n } from '../../i18n-context';
import { useStrings } from '../../localized';
import { useToast } from '../../toast';
import { datedFileName, downloadBlob } from './download';
import { Busy, Card, errorMessage, FilePicker, Notice, ProgressBar } from './parts';
import { dataStrings } from './strings';
import { type DataWorker, DataWorkerError } from './worker-client';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether the reminder is due: never backed up, or longer ago than the setting says (0 = never remind). */
export function backupReminderDue(settings: Pick<Settings, 'backupReminderDays' | 'lastBackupAt'>, now: number): boolean {
  if (settings.backupReminderDays <= 0) return false;
  if (settings.lastBackupAt === undefined) return true;
  return now - settings.lastBackupAt > settings.backupReminderDays * DAY_MS;
}

type BackupState =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; fileName: string }
  | { kind: 'failed'; message: string };

export type BackupDownload = { state: BackupState; start: () => Promise<void> };

/** Making and downloading a backup; shared by the reminder banner and the backup section. */
export function useBackupDownload(worker: DataWorker): BackupDownload {
  const s = useStrings(dataStrings);
  const toast = useToast();
  const [state, setState] = useState<BackupState>({ kind: 'idle' });
  const running = useRef(false);
  const start = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setState({ kind: 'running', done: 0, total: 0 });
    // Recorded before the export so that the backup holds its own date: restoring it then
    // says "last backup: that day", which is true of the data it brings back.
    const previous = (await getSettings(db)).lastBackupAt;
    const startedAt = Date.now();
    try {
      await saveSettings(db, { lastBackupAt: startedAt });
      const made = await worker.call({ type: 'backup' }, (done, total) => setState({ kind: 'running', done, total }));
      const fileName = datedFileName('relance-backup', 'json', new Date(startedAt));
      downloadBlob(made.blob, fileName);
      setState({ kind: 'done', fileName });
      toast({ message: s.backupDone(fileName) });
    } catch (error) {
      await saveSettings(db, { lastBackupAt: previous }).catch(() => undefined);
      setState({ kind: 'failed', message: errorMessage(error) });
    } finally {
      running.current = false;
    }
  }, [worker, toast, s]);
  return { state, start };
}

/** The banner at the top of the view when a backup is due. */
export function BackupReminder({ settings, backup }: { settings: Settings; backup: BackupDownload }) {
  const s = useStrings(dataStrings);
  const titleId = useId();
  if (!backupReminderDue(settings, Date.now())) return null;
  return (
    <aside
      aria-labelledby={titleId}
      data-testid="backup-reminder"
      className="flex items-start gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-50"
    >
      <DatabaseBackup aria-hidden="true" className="mt-0.5 h-5 w-5 shrink-0 text-amber-700 dark:text-amber-300" />
      <div className="min-w-0 flex-1 space-y-2">
        <h2 id={titleId} className="font-semibold">
          {s.reminderTitle}
        </h2>
        <p>{settings.lastBackupAt === undefined ? s.reminderNever : s.reminderOld(settings.backupReminderDays)}</p>
        <p>{s.reminderUninstall}</p>
        <button
          type="button"
          data-testid="backup-reminder-download"
          className={buttonClass.primary}
          disabled={backup.state.kind === 'running'}
          onClick={() => void backup.start()}
        >
          <Download aria-hidden="true" className="h-4 w-4" />
          {s.reminderAction}
        </button>
      </div>
    </aside>
  );
}

export function BackupSection({
  settings,
  backup,
  worker,
}: {
  settings: Settings | undefined;
  backup: BackupDownload;
  worker: DataWorker;
}) {
  const s = useStrings(dataStrings);
  const { lang } = useI18n();
  const { state } = backup;
  const when = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' });

  return (
    <Card title={s.backupTitle} testId="backup-section">
      <p className="text-slate-600 dark:text-slate-300">{s.backupIntro}</p>
      {settings && (
        <p data-testid="backup-last">
          {settings.lastBackupAt === undefined ? s.noBackupYet : s.lastBackup(when.format(settings.lastBackupAt))}
        </p>
      )}
      <button
        type="button"
        data-testid="backup-download"
        className={buttonClass.primary}
        disabled={state.kind === 'running'}
        aria-busy={state.kind === 'running'}
        onClick={() => void backup.start()}
      >
        <Download aria-hidden="true" className="h-4 w-4" />
        {s.backupDownload}
      </button>
      {state.kind === 'running' && <ProgressBar label={s.backupProgress} done={state.done} total={state.total} testId="backup-progress" />}
      {state.kind === 'failed' && (
        <Notice tone="error" role="alert" testId="backup-error">
          <p>{s.backupFailed(state.message)}</p>
        </Notice>
      )}
      <RestorePart worker={worker} />
    </Card>
  );
}

type RestoreState =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'preview'; file: File; summary: BackupSummary }
  | { kind: 'restoring'; done: number; total: number }
  | { kind: 'done'; result: RestoreResult }
  | { kind: 'failed'; code: BackupErrorCode | null; detail: string };

const TABLE_ORDER: readonly RelanceTableName[] = [
  'prospects',
  'interactions',
  'relances',
  'stageEvents',
  'offers',
  'decisions',
  'settings',
];

function failureOf(error: unknown): RestoreState {
  return { kind: 'failed', code: error instanceof DataWorkerError ? (error.code ?? null) : null, detail: errorMessage(error) };
}

function RestorePart({ worker }: { worker: DataWorker }) {
  const s = useStrings(dataStrings);
  const { lang } = useI18n();
  const headingId = useId();
  const [fileName, setFileName] = useState<string | null>(null);
  const [state, setState] = useState<RestoreState>({ kind: 'idle' });
  const attempt = useRef(0);
  const result = useRef<HTMLHeadingElement>(null);
  const count = new Intl.NumberFormat(lang);
  const when = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' });

  useEffect(() => {
    if (state.kind === 'preview' || state.kind === 'done' || state.kind === 'failed') result.current?.focus();
  }, [state.kind]);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const current = ++attempt.current;
    setFileName(file.name);
    setState({ kind: 'reading' });
    try {
      const summary = await worker.call({ type: 'backup-summary', file });
      if (attempt.current === current) setState({ kind: 'preview', file, summary });
    } catch (error) {
      if (attempt.current === current) setState(failureOf(error));
    }
  };

  const restore = async (file: File, total: number) => {
    const current = ++attempt.current;
    setState({ kind: 'restoring', done: 0, total });
    try {
      const restored = await worker.call({ type: 'restore', file }, (done, all) => {
        if (attempt.current === current) setState({ kind: 'restoring', done, total: all });
      });
      if (attempt.current === current) setState({ kind: 'done', result: restored });
    } catch (error) {
      if (attempt.current === current) setState(failureOf(error));
    }
  };

  return (
    <div className="space-y-3 border-t border-slate-200 pt-3 dark:border-slate-700">
      <h3 id={headingId} className="font-semibold">
        {s.restoreTitle}
      </h3>
      <p className="text-slate-600 dark:text-slate-300">{s.restoreIntro}</p>
      <FilePicker
        label={s.restoreFile}
        accept=".json,application/json"
        testId="restore-file"
        fileName={fileName}
        noFile={s.noFileChosen}
        disabled={state.kind === 'restoring'}
        onChange={(event) => void choose(event)}
      />
      {state.kind === 'reading' && <Busy>{s.readingBackup}</Busy>}
      {state.kind === 'preview' && (
        <div className="space-y-3" data-testid="restore-preview" data-schema-version={state.summary.schemaVersion}>
          <h4 ref={result} tabIndex={-1} className="font-semibold outline-none">
            {s.previewTitle}
          </h4>
          <ul className="text-slate-700 dark:text-slate-200">
            <li>{s.previewSchema(state.summary.schemaVersion)}</li>
            <li>{state.summary.exportedAt === undefined ? s.previewNoDate : s.previewExportedAt(when.format(state.summary.exportedAt))}</li>
          </ul>
          <table className="w-full max-w-md border-collapse text-left">
            <thead className="text-xs text-slate-700 dark:text-slate-200">
              <tr className="border-b border-slate-200 dark:border-slate-700">
                <th scope="col" className="py-1 pr-3 font-semibold">
                  {s.previewTable}
                </th>
                <th scope="col" className="py-1 text-right font-semibold">
                  {s.previewRows}
                </th>
              </tr>
            </thead>
            <tbody>
              {TABLE_ORDER.map((table) => (
                <tr key={table} className="border-b border-slate-100 dark:border-slate-800">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {s.tables[table]}
                  </th>
                  <td
                    className="py-1 text-right tabular-nums"
                    data-testid="restore-count"
                    data-table={table}
                    data-count={state.summary.rowCounts[table]}
                  >
                    {count.format(state.summary.rowCounts[table])}
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row" className="py-1 pr-3 font-semibold">
                  {s.previewTotal}
                </th>
                <td className="py-1 text-right font-semibold tabular-nums">{count.format(state.summary.totalRows)}</td>
              </tr>
            </tbody>
          </table>
          <Notice tone="warning" testId="restore-warning">
            <p>{s.restoreWarning}</p>
          </Notice>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              data-testid="restore-confirm"
              className={`${buttonClass.primary} bg-red-700 hover:bg-red-800`}
              onClick={() => void restore(state.file, state.summary.totalRows)}
            >
              {s.restoreConfirm}
            </button>
            <button
              type="button"
              className={buttonClass.secondary}
              onClick={() => {
                attempt.current++;
                setFileName(null);
                setState({ kind: 'idle' });
              }}
            >
              {s.cancel}
            </button>
          </div>
        </div>
      )}
      {state.kind === 'restoring' && (
        <div aria-busy="true">
          <ProgressBar label={s.restoreProgress} done={state.done} total={state.total} testId="restore-progress" />
        </div>
      )}
      {state.kind === 'done' && (
        <Notice tone="success" role="status" testId="restore-done">
          <h4 ref={result} tabIndex={-1} className="font-semibold outline-none" data-total={state.result.totalRows}>
            {s.restoreDone(state.result.totalRows)}
          </h4>
          {state.result.upgraded && <p>{s.restoreUpgraded(state.result.schemaVersion)}</p>}
        </Notice>
      )}
      {state.kind === 'failed' && (
        <Notice tone="error" role="alert" testId="restore-error">
          <h4 ref={result} tabIndex={-1} className="font-semibold outline-none" data-code={state.code ?? 'other'}>
            {state.code ? s.backupErrors[state.code] : s.restoreFailed(state.detail)}
          </h4>
          {state.code === 'corrupt' && <p className="break-words text-sm">{s.errorDetail(state.detail)}</p>}
          <p>{s.dataUntouched}</p>
        </Notice>
      )}
    </div>
  );
}
