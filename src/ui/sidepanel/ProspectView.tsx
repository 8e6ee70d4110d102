import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/instance';
import { nextOpenRelance } from '../../db/repository';
import type { Prospect } from '../../model';
import type { PageContact } from '../../model/page-contact';
import { getStage, todayIso } from '../../process';
import { Chip, Initials } from '../components';
import { formatDay, relativeDay } from '../format';
import { useI18n } from '../i18n-context';
import { Checklist } from './Checklist';
import { History } from './History';
import { LogContact } from './LogContact';
import { RelancePlanner } from './RelancePlanner';
import { StageGuidance } from './StageGuidance';
import { StageStepper } from './StageStepper';

/** The cockpit for one known prospect: where they stand and what to do next. */
export function ProspectView({ prospect, contact }: { prospect: Prospect; contact: PageContact }) {
  const { t, lang } = useI18n();
  const stage = getStage(prospect.stage);
  const relance = useLiveQuery(() => nextOpenRelance(db, prospect.id), [prospect.id]);
  const today = todayIso();
  const overdue = relance ? relance.dueDate < today : false;

  return (
    <div>
      <div className="flex items-start gap-3 px-4 pb-3">
        <Initials name={prospect.fullName} />
        <div className="min-w-0 flex-1">
          <h1 data-testid="prospect-name" className="truncate text-base font-semibold">
            {prospect.fullName}
          </h1>
          {(prospect.jobTitle || prospect.company) && (
            <p className="truncate text-slate-600 dark:text-slate-300">
              {[prospect.jobTitle, prospect.company].filter(Boolean).join(' · ')}
            </p>
          )}
          {!prospect.jobTitle && prospect.headline && (
            <p className="line-clamp-2 text-slate-500 dark:text-slate-400">{prospect.headline}</p>
          )}
          <div className="mt-1 flex flex-wrap items-center gap-1.5">
            <span data-testid="prospect-stage" data-stage={prospect.stage}>
              <Chip tone="indigo">{stage.title[lang]}</Chip>
            </span>
            <Chip>{t.qualification[prospect.qualification]}</Chip>
            <Chip>{t.sites[contact.site]}</Chip>
          </div>
          <p data-testid="next-relance" data-due={relance?.dueDate ?? ''} className="mt-1.5 text-xs">
            {relance ? (
              <span className={overdue ? 'font-semibold text-red-700 dark:text-red-300' : 'text-slate-700 dark:text-slate-200'}>
                {t.nextRelance} {formatDay(relance.dueDate, lang)} ({relativeDay(relance.dueDate, today, t)})
                {relance.note ? ` — ${relance.note}` : ''}
              </span>
            ) : (
              <span className="text-slate-500 dark:text-slate-400">{t.noRelance}</span>
            )}
          </p>
        </div>
      </div>
      <StageStepper prospect={prospect} />
      <StageGuidance stage={prospect.stage} />
      <Checklist prospect={prospect} />
      <LogContact prospect={prospect} />
      <RelancePlanner prospect={prospect} />
      <History prospectId={prospect.id} />
    </div>
  );
}
