import { useStrings } from '../../localized';
import { useSettings } from '../../use-settings';
import { BackupReminder, BackupSection, useBackupDownload } from './BackupSection';
import { ExportSection } from './ExportSection';
import { ImportWizard } from './ImportWizard';
import { StorageSection } from './StorageSection';
import { dataStrings } from './strings';
import { useDataWorker } from './worker-client';

/** `#/data`: CSV import and export, full backup and restore, storage state. */
// biome-ignore lint/suspicious/noShadowRestrictedNames: the name the options registry imports; the binary DataView is not used here
export function DataView() {
  const s = useStrings(dataStrings);
  const settings = useSettings();
  const worker = useDataWorker();
  const backup = useBackupDownload(worker);
  return (
    <div className="max-w-4xl space-y-5" data-testid="data-view">
      <p className="max-w-3xl text-slate-600 dark:text-slate-300">{s.intro}</p>
      {settings && <BackupReminder settings={settings} backup={backup} />}
      <ImportWizard worker={worker} />
      <ExportSection worker={worker} />
      <BackupSection settings={settings} backup={backup} worker={worker} />
      <StorageSection />
    </div>
  );
}
