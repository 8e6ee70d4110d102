import { useState } from 'react';
import { db } from '../../db/instance';
import { moveStage } from '../../db/repository';
import type { Prospect } from '../../model';
import { canMoveTo, checklistKey, getStage, STAGES, type Stage, type StageChecklistItem, stageIndex } from '../../process';
import { buttonClass, Section } from '../components';
import { useI18n } from '../i18n-context';
import { usePlaybook } from '../use-settings';
import { OutcomeControls } from './OutcomeControls';

/** The six stages; moving forward checks the exit criteria and warns, but never blocks. */
export function StageStepper({ prospect }: { prospect: Prospect }) {
  const { t, lang } = useI18n();
  const [gate, setGate] = useState<{ to: Stage; unmet: StageChecklistItem[] } | null>(null);
  const current = stageIndex(prospect.stage);
  const playbook = usePlaybook();

  const requestMove = async (to: Stage) => {
    if (to === prospect.stage) return;
    const check = canMoveTo(prospect.stage, to, prospect.checklist, playbook);
    if (!check.allowed) {
      setGate({ to, unmet: check.unmet });
      return;
    }
    setGate(null);
    await moveStage(db, prospect.id, to);
  };

  const moveAnyway = async () => {
    if (!gate) return;
    const unmet = gate.unmet.map((item) => checklistKey(item.stage, item.key));
    setGate(null);
    await moveStage(db, prospect.id, gate.to, { forced: true, unmet });
  };

  return (
    <Section title={t.stage} aside={<span className="text-xs text-slate-500">{t.stageOf(current + 1, STAGES.length)}</span>}>
      <ol className="grid grid-cols-6 gap-1">
        {STAGES.map((stage, index) => {
          const title = getStage(stage).title[lang];
          const state = index < current ? 'done' : index === current ? 'current' : 'todo';
          const tone = {
            done: 'bg-indigo-100 text-indigo-800 dark:bg-indigo-900/50 dark:text-indigo-100',
            current: 'bg-indigo-600 text-white',
            todo: 'bg-slate-100 text-slate-600 hover:bg-slate-200 dark:bg-slate-800 dark:text-slate-300',
          }[state];
          return (
            <li key={stage}>
              <button
                type="button"
                data-testid="stage-step"
                data-stage={stage}
                aria-current={state === 'current' ? 'step' : undefined}
                title={t.moveTo(title)}
                onClick={() => void requestMove(stage)}
                className={`flex h-12 w-full flex-col items-center justify-center rounded-md px-0.5 text-[11px] leading-tight ${tone}`}
              >
                <span className="sr-only">{t.moveToStage} </span>
                <span className="font-semibold">{index + 1}</span>
                <span className="w-full truncate text-center">{title}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <OutcomeControls prospect={prospect} />
      {gate && (
        <div role="alert" className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 dark:border-amber-700 dark:bg-amber-950">
          <p className="font-medium text-amber-900 dark:text-amber-100">{t.gateTitle}</p>
          <ul className="ml-4 list-disc text-amber-900 dark:text-amber-100">
            {gate.unmet.map((item) => (
              <li key={`${item.stage}.${item.key}`}>{item.label[lang]}</li>
            ))}
          </ul>
          <div className="mt-2 flex gap-2">
            <button type="button" data-testid="stage-confirm" className={buttonClass.primary} onClick={() => void moveAnyway()}>
              {t.gateMoveAnyway}
            </button>
            <button type="button" className={buttonClass.secondary} onClick={() => setGate(null)}>
              {t.gateCancel}
            </button>
          </div>
        </div>
      )}
    </Section>
  );
}
