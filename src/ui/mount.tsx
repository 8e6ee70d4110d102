import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { db } from '../db/instance';
import { findMatch } from '../db/repository';
import { DatabaseGate } from './DatabaseGate';
import { I18nProvider } from './i18n-context';
import { notifyBackgroundOnWrites } from './notify-background';
import './styles.css';

export function mountPage(app: ReactNode): void {
  notifyBackgroundOnWrites();
  // Backup is loaded on demand: a static import would put dexie-export-import in every production page, dead branch or not.
  if (import.meta.env.RELANCE_TEST_HOOKS)
    Object.assign(globalThis, {
      __relanceTest: {
        db,
        findMatch,
        createBackup: async (...args: Parameters<typeof import('../db/backup').createBackup>) =>
          (await import('../db/backup')).createBackup(...args),
        restoreBackup: async (...args: Parameters<typeof import('../db/backup').restoreBackup>) =>
          (await import('../db/backup')).restoreBackup(...args),
      },
    });
  const container = document.getElementById('root');
  if (!container) throw new Error('Relance: #root missing');
  createRoot(container).render(
    <StrictMode>
      <DatabaseGate>
        <I18nProvider>{app}</I18nProvider>
      </DatabaseGate>
    </StrictMode>,
  );
}
