import { useEffect } from 'react';
import { db } from '../../db/instance';
import { logInteraction, scheduleRelance } from '../../db/repository';
import type { Prospect } from '../../model';
import type { PageContact } from '../../model/page-contact';
import { addDays, stageIndex, todayIso } from '../../process';
import { Section } from '../components';
import { useI18n } from '../i18n-context';
import { Checklist } from './Checklist';
import { DiscoveryRecap } from './DiscoveryRecap';
import { EraseProspect } from './EraseProspect';
import { History } from './History';
import { LogContact } from './LogContact';
import { NextAction } from './NextAction';
import { OfferGuide } from './OfferGuide';
import { ProspectHeader } from './ProspectHeader';
import { RelancePlanner } from './RelancePlanner';
import { StageGuidance } from './StageGuidance';
import { StageStepper } from './StageStepper';
import { useProspectRecords } from './use-prospect-records';

/** The cockpit for one known prospect: where they stand and what to do next. */
export function ProspectView({ prospect, contact }: { prospect: Prospect; contact: PageContact | null }) {
  const { t } = useI18n();
  const records = useProspectRecords(prospect.id);
  const today = todayIso();
  const openRelances = (records?.relances ?? [])
    .filter((relance) => relance.status === 'open')
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const lastContactAt = records?.interactions.reduce<number | undefined>((latest, item) => Math.max(latest ?? 0, item.date), undefined);
  const pastDiscovery = stageIndex(prospect.stage) >= stageIndex('proposal');
  const presenting = prospect.stage === 'proposal' || prospect.stage === 'closing';

  useKeyboardShortcuts(prospect.id, today);

  return (
    <div>
      <ProspectHeader prospect={prospect} contact={contact} nextRelance={openRelances[0]} lastContactAt={lastContactAt} />
      {records && <NextAction prospect={prospect} records={records} />}
      <StageStepper prospect={prospect} />
      <StageGuidance stage={prospect.stage} />
      <Checklist prospect={prospect} />
      {pastDiscovery && <DiscoveryRecap prospect={prospect} />}
      {presenting && <OfferGuide prospect={prospect} />}
      <LogContact prospect={prospect} contact={contact} hasOpenRelance={openRelances.length > 0} />
      <RelancePlanner prospect={prospect} />
      {(prospect.notes || prospect.tags.length > 0) && (
        <Section title={t.notes}>
          {prospect.tags.length > 0 && (
            <ul className="mb-1 flex flex-wrap gap-1" aria-label={t.tags}>
              {prospect.tags.map((tag) => (
                <li key={tag} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs dark:bg-slate-800">
                  {tag}
                </li>
              ))}
            </ul>
          )}
          {prospect.notes && <p className="whitespace-pre-wrap">{prospect.notes}</p>}
        </Section>
      )}
      <History prospectId={prospect.id} />
      <EraseProspect prospect={prospect} />
      <p className="px-4 pb-4 text-xs text-slate-500 dark:text-slate-400">{t.shortcuts}</p>
    </div>
  );
}

/** Alt+Shift+C logs a call, Alt+Shift+J schedules a relance in two days: the two most frequent gestures. */
function useKeyboardShortcuts(prospectId: string, today: string) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey) return;
      if (event.code === 'KeyC') {
        event.preventDefault();
        void logInteraction(db, prospectId, 'call', {});
      } else if (event.code === 'KeyJ') {
        event.preventDefault();
        void scheduleRelance(db, prospectId, addDays(today, 2));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [prospectId, today]);
}
