import { Download } from 'lucide-react';
import { useId, useState } from 'react';
import { EXPORT_PRESETS, type ExportPreset } from '../../../import/export';
import { buttonClass, inputClass } from '../../components';
import { useStrings } from '../../localized';
import { useToast } from '../../toast';
import { datedFileName, downloadBlob } from './download';
import { Card, errorMessage, Notice } from './parts';
import type { ExportKind } from './protocol';
import { dataStrings } from './strings';
import type { DataWorker } from './worker-client';

/** CSV downloads: the prospects in one of three layouts, the contacts log, the relances. */
export function ExportSection({ worker }: { worker: DataWorker }) {
  const s = useStrings(dataStrings);
  const toast = useToast();
  const presetId = useId();
  const [preset, setPreset] = useState<ExportPreset>('relance');
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async (kind: ExportKind) => {
    setBusy(kind);
    setFailure(null);
    try {
      // Written by the worker: a 100,000-row file never holds up the page.
      const blob = await worker.call({ type: 'export', kind, preset });
      const stem = kind === 'prospects' && preset !== 'relance' ? `relance-prospects-${preset}` : `relance-${kind}`;
      const fileName = datedFileName(stem, 'csv');
      downloadBlob(blob, fileName);
      toast({ message: s.exported(fileName) });
    } catch (error) {
      setFailure(s.exportFailed(errorMessage(error)));
    } finally {
      setBusy(null);
    }
  };

  const button = (kind: ExportKind, label: string, primary = false) => (
    <button
      type="button"
      data-testid={`export-${kind}`}
      className={primary ? buttonClass.primary : buttonClass.secondary}
      disabled={busy !== null}
      aria-busy={busy === kind}
      onClick={() => void run(kind)}
    >
      <Download aria-hidden="true" className="h-4 w-4" />
      {busy === kind ? s.working : label}
    </button>
  );

  return (
    <Card title={s.exportTitle} testId="export-section">
      <p className="text-slate-600 dark:text-slate-300">{s.exportIntro}</p>
      <div className="flex flex-wrap items-end gap-2">
        <div className="space-y-1">
          <label htmlFor={presetId} className="block font-medium">
            {s.exportPreset}
          </label>
          <select
            id={presetId}
            data-testid="export-preset"
            className={inputClass.replace('w-full', 'w-56')}
            value={preset}
            onChange={(event) => setPreset(event.target.value as ExportPreset)}
          >
            {EXPORT_PRESETS.map((option) => (
              <option key={option} value={option}>
                {s.presets[option]}
              </option>
            ))}
          </select>
        </div>
        {button('prospects', s.exportProspects, true)}
      </div>
      <div className="flex flex-wrap gap-2">
        {button('interactions', s.exportInteractions)}
        {button('relances', s.exportRelances)}
      </div>
      {failure && (
        <Notice tone="error" role="alert" testId="export-error">
          <p>{failure}</p>
        </Notice>
      )}
    </Card>
  );
}
