import { useEffect, useState } from 'react';
import { db } from '../../db/instance';
import { getSettings, logInteraction, scheduleRelance } from '../../db/repository';
import type { Prospect } from '../../model';
import type { PageContact } from '../../model/page-contact';
import { type ChecklistKey, relanceDayIn, stageIndex, stageStartDay, todayIso } from '../../process';
import { Section } from '../components';
import { useI18n } from '../i18n-context';
import { useToday } from '../use-today';
import { Checklist, type ChecklistRequest } from './Checklist';
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
  // Re-renders the whole cockpit at midnight, so "overdue", "today" and the next action follow the day.
  useToday();
  const [checklistRequest, setChecklistRequest] = useState<ChecklistRequest | null>(null);
  const openChecklist = (key: ChecklistKey) => setChecklistRequest((previous) => ({ key, serial: (previous?.serial ?? 0) + 1 }));
  const openRelances = (records?.relances ?? [])
    .filter((relance) => relance.status === 'open')
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const lastContactAt = records?.interactions.reduce<number | undefined>((latest, item) => Math.max(latest ?? 0, item.date), undefined);
  const pastDiscovery = stageIndex(prospect.stage) >= stageIndex('proposal');
  const presenting = prospect.stage === 'proposal' || prospect.stage === 'closing';

  useKeyboardShortcuts(prospect.id);

  return (
    <div>
      <ProspectHeader prospect={prospect} contact={contact} nextRelance={openRelances[0]} lastContactAt={lastContactAt} />
      {records && <NextAction prospect={prospect} records={records} onOpenChecklist={openChecklist} />}
      <StageStepper prospect={prospect} />
      <StageGuidance stage={prospect.stage} />
      <Checklist prospect={prospect} request={checklistRequest} />
      {pastDiscovery && <DiscoveryRecap prospect={prospect} />}
      {presenting && <OfferGuide prospect={prospect} />}
      <LogContact
        prospect={prospect}
        contact={contact}
        hasOpenRelance={openRelances.length > 0}
        stageSince={records ? stageStartDay(prospect, records.stageEvents) : undefined}
      />
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

/**
 * Alt+Shift+C logs a call, Alt+Shift+J schedules a relance in two days (the planner's "+2 days",
 * same working-days rule): the two most frequent gestures.
 */
function useKeyboardShortcuts(prospectId: string) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey) return;
      if (event.code === 'KeyC') {
        event.preventDefault();
        void logInteraction(db, prospectId, 'call', {});
      } else if (event.code === 'KeyJ') {
        event.preventDefault();
        void scheduleInTwoDays(prospectId);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [prospectId]);
}

async function scheduleInTwoDays(prospectId: string): Promise<void> {
  // Day and setting read at the key press: the panel may have stayed open overnight, the setting changed since.
  const today = todayIso();
  const { workingDaysOnly } = await getSettings(db);
  await scheduleRelance(db, prospectId, relanceDayIn(today, 2, workingDaysOnly));
}
