import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { db } from '../db/instance';
import { I18nProvider } from './i18n-context';
import { notifyBackgroundOnWrites } from './notify-background';
import './styles.css';

export function mountPage(app: ReactNode): void {
  notifyBackgroundOnWrites();
  if (import.meta.env.RELANCE_TEST_HOOKS) Object.assign(globalThis, { __relanceTest: { db } });
  const container = document.getElementById('root');
  if (!container) throw new Error('Relance: #root missing');
  createRoot(container).render(
    <StrictMode>
      <I18nProvider>{app}</I18nProvider>
    </StrictMode>,
  );
}
