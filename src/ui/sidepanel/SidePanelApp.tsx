import { useLiveQuery } from 'dexie-react-hooks';
import { ArrowLeft } from 'lucide-react';
import { db } from '../../db/instance';
import { findMatch } from '../../db/repository';
import { clearPanelFocus } from '../../storage/panel-focus';
import { buttonClass } from '../components';
import { useI18n } from '../i18n-context';
import { ToastProvider } from '../toast';
import { CaptureForm } from './CaptureForm';
import { CompanyView } from './CompanyView';
import { ProspectView } from './ProspectView';
import { RecognizedPerson } from './RecognizedPerson';
import { useFollowedTab } from './use-followed-tab';
import { usePanelFocus } from './use-panel-focus';
import { usePendingCapture } from './use-pending-capture';
import { useTabContext } from './use-tab-context';

export function SidePanelApp() {
  const { t } = useI18n();
  const tabId = useFollowedTab();
  const { context, loaded } = useTabContext(tabId);
  const contact = context?.contact ?? null;
  const contactKey = contact ? JSON.stringify(contact) : '';
  const match = useLiveQuery(async () => (contact && contact.kind !== 'company' ? findMatch(db, contact) : null), [contactKey]);
  const focus = usePanelFocus();
  const pendingCapture = usePendingCapture(tabId);
  const focused = useLiveQuery(async () => (focus ? ((await db.prospects.get(focus.prospectId)) ?? null) : null), [focus?.prospectId]);

  let body: React.ReactNode;
  if (focused) {
    body = (
      <>
        <div className="px-4 pb-2">
          <button type="button" data-testid="back-to-page" className={buttonClass.ghost} onClick={() => void clearPanelFocus()}>
            <ArrowLeft aria-hidden="true" className="h-4 w-4" />
            {t.backToPage}
          </button>
        </div>
        <ProspectView key={focused.id} prospect={focused} contact={null} />
      </>
    );
  } else if (contact?.kind === 'company') {
    body = <CompanyView contact={contact} />;
  } else if (!loaded || (contact && match === undefined)) {
    body = null; // local data arrives in a few ms: no spinner flash
  } else if (!contact) {
    body = <p className="px-4 py-6 text-sm text-slate-600 dark:text-slate-300">{t.panelNoPage}</p>;
  } else if (match?.kind === 'exact') {
    // Keyed by prospect: a half-done gesture (logged contact, open editor, pending move) belongs to
    // the person it was started on, and must not carry over when the page shows someone else.
    body = <ProspectView key={match.prospect.id} prospect={match.prospect} contact={contact} />;
  } else {
    body = <RecognizedPerson contact={contact} suggestions={match?.kind === 'suggestions' ? match.prospects : []} />;
  }

  return (
    <ToastProvider>
      <main className="min-h-screen text-sm">
        <header className="flex items-center gap-2 px-4 py-2">
          <span className="text-base font-bold text-indigo-700 dark:text-indigo-300">{t.appName}</span>
        </header>
        {pendingCapture && <CaptureForm key={pendingCapture.at} capture={pendingCapture} />}
        {body}
      </main>
    </ToastProvider>
  );
}
