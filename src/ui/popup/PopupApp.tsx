import { useLiveQuery } from 'dexie-react-hooks';
import { PanelRight } from 'lucide-react';
import { browser } from 'wxt/browser';
import { db } from '../../db/instance';
import { dueRelances, type RelanceRow } from '../../db/repository';
import { todayIso } from '../../process';
import { buttonClass } from '../components';
import { useI18n } from '../i18n-context';
import { RelanceItem } from './RelanceItem';

type SectionKey = 'overdue' | 'today' | 'upcoming';

/** Today's work: overdue, today's and the week's relances, each done or snoozed in one click. */
export function PopupApp() {
  const { t } = useI18n();
  const today = todayIso();
  const due = useLiveQuery(() => dueRelances(db, today, 7), [today]);
  const sections: Array<{ key: SectionKey; title: string; rows: RelanceRow[] }> = due
    ? [
        { key: 'overdue', title: t.sectionOverdue, rows: due.overdue },
        { key: 'today', title: t.sectionToday, rows: due.today },
        { key: 'upcoming', title: t.sectionUpcoming, rows: due.upcoming },
      ]
    : [];
  const empty = due && sections.every((section) => section.rows.length === 0);

  const openPanel = async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const panel = (globalThis as { chrome?: { sidePanel?: { open(o: { tabId: number }): Promise<void> } } }).chrome?.sidePanel;
    if (panel && tab?.id !== undefined) await panel.open({ tabId: tab.id });
    else await (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction?.open();
    window.close();
  };

  return (
    <main className="w-[380px] text-sm">
      <header className="flex items-center justify-between border-b border-slate-200 px-4 py-2.5 dark:border-slate-700">
        <h1 className="text-base font-bold text-indigo-700 dark:text-indigo-300">{t.popupTitle}</h1>
        <button type="button" className={buttonClass.ghost} onClick={() => void openPanel()}>
          <PanelRight aria-hidden="true" className="h-4 w-4" />
          {t.openPanel}
        </button>
      </header>
      {empty && <p className="px-4 py-6 text-slate-600 dark:text-slate-300">{t.popupEmpty}</p>}
      {sections
        .filter((section) => section.rows.length > 0)
        .map((section) => (
          <section key={section.key} aria-labelledby={`section-${section.key}`} className="px-4 py-2">
            <h2
              id={`section-${section.key}`}
              className={`mb-1 text-xs font-semibold uppercase tracking-wide ${
                section.key === 'overdue' ? 'text-red-700 dark:text-red-300' : 'text-slate-500 dark:text-slate-400'
              }`}
            >
              {section.title} ({section.rows.length})
            </h2>
            <ul className="divide-y divide-slate-100 dark:divide-slate-800">
              {section.rows.map((row) => (
                <RelanceItem key={row.relance.id} row={row} section={section.key} today={today} />
              ))}
            </ul>
          </section>
        ))}
    </main>
  );
}
