import { Check, Clock } from 'lucide-react';
import { db } from '../../db/instance';
import { completeRelance, type RelanceRow, snoozeRelance } from '../../db/repository';
import { addDays, getStage } from '../../process';
import { buttonClass } from '../components';
import { formatDay, relativeDay } from '../format';
import { useI18n } from '../i18n-context';

export function RelanceItem({ row, section, today }: { row: RelanceRow; section: 'overdue' | 'today' | 'upcoming'; today: string }) {
  const { t, lang } = useI18n();
  const { relance, prospect } = row;
  // Snoozing an overdue relance counts from today, not from the missed day.
  const snoozeTo = addDays(relance.dueDate < today ? today : relance.dueDate, 1);
  return (
    <li data-testid="relance-item" data-prospect-name={prospect.fullName} data-section={section} className="flex items-start gap-2 py-2">
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium">{prospect.fullName}</p>
        <p className="truncate text-xs text-slate-500 dark:text-slate-400">
          {[prospect.company, getStage(prospect.stage).title[lang]].filter(Boolean).join(' · ')}
        </p>
        <p className={`text-xs ${section === 'overdue' ? 'text-red-700 dark:text-red-300' : 'text-slate-600 dark:text-slate-300'}`}>
          <time dateTime={relance.dueDate}>{formatDay(relance.dueDate, lang)}</time> ({relativeDay(relance.dueDate, today, t)})
          {relance.note ? ` — ${relance.note}` : ''}
        </p>
      </div>
      <div className="flex shrink-0 gap-1">
        <button
          type="button"
          data-testid="relance-done"
          aria-label={t.relanceDoneLabel(prospect.fullName)}
          className={`${buttonClass.secondary} px-2 text-xs`}
          onClick={() => void completeRelance(db, relance.id)}
        >
          <Check aria-hidden="true" className="h-3.5 w-3.5" />
          {t.relanceDone}
        </button>
        <button
          type="button"
          data-testid="relance-snooze"
          aria-label={t.relanceSnoozeLabel(prospect.fullName)}
          className={`${buttonClass.secondary} px-2 text-xs`}
          onClick={() => void snoozeRelance(db, relance.id, snoozeTo)}
        >
          <Clock aria-hidden="true" className="h-3.5 w-3.5" />
          {t.relanceSnooze}
        </button>
      </div>
    </li>
  );
}
