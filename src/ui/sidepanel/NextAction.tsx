import { useLiveQuery } from 'dexie-react-hooks';
import { Lightbulb } from 'lucide-react';
import { db } from '../../db/instance';
import { completeRelance, getSettings, logInteraction, moveStage, scheduleRelance } from '../../db/repository';
import type { Lang } from '../../i18n';
import type { Prospect } from '../../model';
import { type NextAction as Action, type ChecklistKey, canMoveTo, checklistKey, nextBestActions, todayIso } from '../../process';
import { buttonClass } from '../components';
import { useI18n } from '../i18n-context';
import type { ProspectRecords } from './use-prospect-records';

/** The rule module's most urgent suggestion, performed in one click where it can be. */
export function NextAction({
  prospect,
  records,
  onOpenChecklist,
}: {
  prospect: Prospect;
  records: ProspectRecords;
  /** Brings a checklist point on screen and focuses it, whatever stage it belongs to. */
  onOpenChecklist: (key: ChecklistKey) => void;
}) {
  const { t, lang } = useI18n();
  const noContactDays = useLiveQuery(() => getSettings(db).then((settings) => settings.noContactDays), []);
  if (noContactDays === undefined) return null;
  const actionsNow = () => nextBestActions({ prospect, ...records, today: todayIso(), now: Date.now(), noContactDays });
  const [top, ...others] = actionsNow();

  const doIt = (shown: Action) => {
    // Recomputed at the click: a date in the suggestion ("get back in touch today") is the click's day, not the render's.
    const current = actionsNow().find((action) => action.key === shown.key) ?? shown;
    void perform(prospect, current, lang, onOpenChecklist);
  };

  return (
    <section
      aria-label={t.nextAction}
      className="mx-4 mb-3 rounded-lg border border-indigo-200 bg-indigo-50 p-3 dark:border-indigo-800 dark:bg-indigo-950"
    >
      <h2 className="mb-1 flex items-center gap-1.5 text-xs font-semibold uppercase tracking-wide text-indigo-800 dark:text-indigo-200">
        <Lightbulb aria-hidden="true" className="h-3.5 w-3.5" />
        {t.nextAction}
      </h2>
      {top ? (
        <div data-testid="next-action" data-action-key={top.key}>
          <p className="font-medium">{top.title[lang]}</p>
          <p className="text-slate-700 dark:text-slate-200">{top.detail[lang]}</p>
          {top.action && (
            <button type="button" data-testid="next-action-do" className={`${buttonClass.primary} mt-2`} onClick={() => doIt(top)}>
              {t.doIt}
            </button>
          )}
          {others.length > 0 && (
            <ul className="mt-2 space-y-0.5 text-xs text-slate-600 dark:text-slate-300">
              {others.slice(0, 3).map((action) => (
                <li key={action.key}>• {action.title[lang]}</li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <p data-testid="next-action" data-action-key="none" className="text-slate-700 dark:text-slate-200">
          {t.allGood}
        </p>
      )}
    </section>
  );
}

async function perform(prospect: Prospect, { action }: Action, lang: Lang, openChecklist: (key: ChecklistKey) => void): Promise<void> {
  if (!action) return;
  switch (action.kind) {
    case 'schedule-relance':
      await scheduleRelance(db, prospect.id, action.dueDate, action.note[lang]);
      return;
    case 'complete-relance':
      await completeRelance(db, action.relanceId);
      return;
    case 'log-contact':
      await logInteraction(db, prospect.id, action.channel, {});
      return;
    case 'move-stage': {
      const check = canMoveTo(prospect.stage, action.to, prospect.checklist);
      await moveStage(
        db,
        prospect.id,
        action.to,
        check.allowed ? {} : { forced: true, unmet: check.unmet.map((item) => checklistKey(item.stage, item.key)) },
      );
      return;
    }
    case 'open-checklist':
      openChecklist(action.checklistKey);
      return;
    case 'set-outcome':
      focusElement('[data-testid="outcome-won"]');
      return;
  }
}

function focusElement(selector: string): void {
  const element = document.querySelector<HTMLElement>(selector);
  element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  element?.focus();
}
