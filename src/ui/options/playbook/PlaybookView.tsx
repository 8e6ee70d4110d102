import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { isStageCustomized, type PlaybookOverrides, type StageDraft, stageDraft } from '../../../process/playbook';
import { STAGE_DEFINITIONS, STAGES, type Stage } from '../../../process/stages';
import { useI18n } from '../../i18n-context';
import { useStrings } from '../../localized';
import { useSettings } from '../../use-settings';
import { CadencesEditor } from './CadencesEditor';
import { StageEditor } from './StageEditor';
import { playbookStrings } from './strings';

const sameDraft = (a: StageDraft, b: StageDraft) => JSON.stringify(a) === JSON.stringify(b);

/** The sales process as the user adapts it: each stage's goal, guidance and checklist, and the relance cadences. */
export function PlaybookView() {
  const s = useStrings(playbookStrings);
  const { lang } = useI18n();
  const settings = useSettings();
  const [selected, setSelected] = useState<Stage>('prospecting');
  // Unsaved edits per stage survive switching tabs.
  const [drafts, setDrafts] = useState<Partial<Record<Stage, StageDraft>>>({});
  const tabs = useRef<Partial<Record<Stage, HTMLButtonElement | null>>>({});
  const baseId = useId();
  // What was just saved, shown until the live settings catch up (no flash of the old stage).
  const [justSaved, setJustSaved] = useState<PlaybookOverrides | null>(null);
  const stored = settings?.playbook;
  useEffect(() => {
    if (stored) setJustSaved(null);
  }, [stored]);

  if (!settings) return <p>{s.loading}</p>;
  const overrides = justSaved ?? settings.playbook;
  const saved = (stage: Stage) => stageDraft(stage, overrides);
  const isDirty = (stage: Stage) => {
    const draft = drafts[stage];
    return draft !== undefined && !sameDraft(draft, saved(stage));
  };

  const clearDraft = (stage: Stage) =>
    setDrafts((current) => {
      const next = { ...current };
      delete next[stage];
      return next;
    });

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const moves: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    let next: number | undefined;
    if (event.key in moves) next = (index + (moves[event.key] ?? 0) + STAGES.length) % STAGES.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = STAGES.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    const stage = STAGES[next] as Stage;
    setSelected(stage);
    tabs.current[stage]?.focus();
  };

  return (
    <div className="max-w-4xl space-y-8" data-testid="playbook-view">
      <p className="text-slate-600 dark:text-slate-300">{s.intro}</p>

      <section aria-labelledby={`${baseId}-stages`} className="space-y-3">
        <h2 id={`${baseId}-stages`} className="text-base font-semibold">
          {s.stagesTitle}
        </h2>
        <div role="tablist" aria-label={s.stagesTabs} className="flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-700">
          {STAGES.map((stage, index) => {
            const definition = STAGE_DEFINITIONS[stage];
            const active = stage === selected;
            const customized = isStageCustomized(overrides, stage);
            const dirty = isDirty(stage);
            return (
              <button
                key={stage}
                ref={(element) => {
                  tabs.current[stage] = element;
                }}
                type="button"
                role="tab"
                id={`${baseId}-tab-${stage}`}
                aria-selected={active}
                aria-controls={`${baseId}-panel`}
                tabIndex={active ? 0 : -1}
                data-testid="playbook-stage-tab"
                data-stage={stage}
                data-customized={String(customized)}
                onClick={() => setSelected(stage)}
                onKeyDown={(event) => onTabKey(event, index)}
                className={`-mb-px flex items-center gap-1.5 rounded-t-md border px-3 py-2 text-sm ${
                  active
                    ? 'border-slate-200 border-b-white bg-white font-semibold text-indigo-700 dark:border-slate-700 dark:border-b-slate-900 dark:bg-slate-900 dark:text-indigo-300'
                    : 'border-transparent text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white'
                }`}
              >
                <span className="text-xs text-slate-500 dark:text-slate-400">{definition.step}</span>
                {definition.title[lang]}
                {(customized || dirty) && (
                  <>
                    <span
                      aria-hidden="true"
                      className={`h-2 w-2 rounded-full ${dirty ? 'bg-amber-500' : 'bg-indigo-500 dark:bg-indigo-300'}`}
                    />
                    <span className="sr-only">({dirty ? s.unsaved : s.customized})</span>
                  </>
                )}
              </button>
            );
          })}
        </div>
        <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${selected}`}>
          <StageEditor
            key={selected}
            stage={selected}
            overrides={overrides}
            draft={drafts[selected] ?? saved(selected)}
            dirty={isDirty(selected)}
            onDraft={(draft) => setDrafts((current) => ({ ...current, [selected]: draft }))}
            onClear={() => clearDraft(selected)}
            onSaved={(next) => {
              setJustSaved(next);
              clearDraft(selected);
            }}
          />
        </div>
      </section>

      <CadencesEditor settings={settings} />
    </div>
  );
}
