import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';
import { ValidationError } from '../../../db/errors';
import { db } from '../../../db/instance';
import { getSettings, saveSettings } from '../../../db/repository';
import type { Lang } from '../../../i18n';
import {
  isStageCustomized,
  newChecklistKey,
  overrideFromDraft,
  type PlaybookOverrides,
  resetStage,
  type StageDraft,
  withStageOverride,
} from '../../../process/playbook';
import { STAGE_DEFINITIONS, type Stage } from '../../../process/stages';
import { buttonClass, Chip, inputClass } from '../../components';
import { useI18n } from '../../i18n-context';
import { useStrings } from '../../localized';
import { useToast } from '../../toast';
import { issueStrings } from '../offers/strings';
import { localizeIssue } from '../offers/validation';
import { playbookStrings } from './strings';

const LANGS: readonly Lang[] = ['fr', 'en'];

function moved<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(index, 1);
  if (item !== undefined) next.splice(target, 0, item);
  return next;
}

/** One-line texts that wrap as they grow (labels and guidance lines hold no line breaks). */
const lineClass = `${inputClass} field-sizing-content min-h-8 resize-none`;
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');
const noNewLine = (event: KeyboardEvent<HTMLTextAreaElement>) => {
  if (event.key === 'Enter') event.preventDefault();
};

/** A text in one language, tagged FR or EN. */
function LangLine({ language, children }: { language: Lang; children: ReactNode }) {
  return (
    <div className="flex items-start gap-2">
      <span
        aria-hidden="true"
        className="mt-1.5 w-7 shrink-0 rounded bg-slate-200 py-0.5 text-center text-[10px] font-semibold uppercase text-slate-700 dark:bg-slate-700 dark:text-slate-200"
      >
        {language}
      </span>
      {children}
    </div>
  );
}

const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

const iconButtonClass =
  'inline-flex h-8 w-8 items-center justify-center rounded-md text-slate-600 hover:bg-slate-200 disabled:opacity-30 disabled:hover:bg-transparent dark:text-slate-300 dark:hover:bg-slate-700';

/** Up, down and remove buttons of one row; focus follows the row when it moves. */
function RowActions(props: {
  what: string;
  index: number;
  count: number;
  idFor: (action: 'up' | 'down' | 'remove', index: number) => string;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  testPrefix: string;
}) {
  const s = useStrings(playbookStrings);
  const { index, count, idFor } = props;
  return (
    <div className="flex shrink-0 items-center gap-0.5">
      <button
        type="button"
        id={idFor('up', index)}
        data-testid={`${props.testPrefix}-up`}
        aria-label={s.moveUp(props.what)}
        title={s.moveUp(props.what)}
        className={iconButtonClass}
        disabled={index === 0}
        onClick={() => {
          props.onMove(-1);
          focusSoon(idFor(index - 1 === 0 ? 'down' : 'up', index - 1));
        }}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        id={idFor('down', index)}
        data-testid={`${props.testPrefix}-down`}
        aria-label={s.moveDown(props.what)}
        title={s.moveDown(props.what)}
        className={iconButtonClass}
        disabled={index === count - 1}
        onClick={() => {
          props.onMove(1);
          focusSoon(idFor(index + 1 === count - 1 ? 'up' : 'down', index + 1));
        }}
      >
        <span aria-hidden="true">↓</span>
      </button>
      <button
        type="button"
        id={idFor('remove', index)}
        data-testid={`${props.testPrefix}-remove`}
        aria-label={s.remove(props.what)}
        title={s.remove(props.what)}
        className={`${iconButtonClass} hover:text-red-700 dark:hover:text-red-300`}
        onClick={() => {
          props.onRemove();
          const next = Math.min(index, count - 2);
          if (next >= 0) focusSoon(idFor('remove', next));
        }}
      >
        <span aria-hidden="true">✕</span>
      </button>
    </div>
  );
}

/** One stage of the playbook in edition: goal, guidance lines and checklist points. */
export function StageEditor(props: {
  stage: Stage;
  overrides: PlaybookOverrides;
  draft: StageDraft;
  dirty: boolean;
  onDraft: (draft: StageDraft) => void;
  /** Unsaved edits dropped. */
  onClear: () => void;
  /** Written: the overrides as now stored. */
  onSaved: (overrides: PlaybookOverrides) => void;
}) {
  const { stage, overrides, draft, onDraft } = props;
  const s = useStrings(playbookStrings);
  const si = useStrings(issueStrings);
  const { lang } = useI18n();
  const toast = useToast();
  const base = useId();
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const definition = STAGE_DEFINITIONS[stage];
  const title = definition.title[lang];
  const customized = isStageCustomized(overrides, stage);
  const defaultKeys = new Set(definition.checklist.map((item) => item.key));

  const id = (...parts: (string | number)[]) => `${base}-${parts.join('-')}`;
  const change = (next: Partial<StageDraft>) => onDraft({ ...draft, ...next });

  const where = (path: string) => {
    const [, , part, index, sub] = path.split('.');
    if (part === 'goal') return sub === undefined && index ? s.goalIn[index as Lang] : s.goal;
    if (part === 'guidance' && index !== undefined) return `${s.guidance} ${Number(index) + 1}`;
    if (part === 'checklist' && index !== undefined) return s.point(Number(index) + 1);
    if (part === 'checklist') return s.checklist;
    return title;
  };

  const save = async () => {
    if (busy || !props.dirty) return;
    setBusy(true);
    try {
      const current = await getSettings(db);
      const saved = await saveSettings(db, { playbook: withStageOverride(current.playbook, stage, overrideFromDraft(stage, draft)) });
      setErrors([]);
      props.onSaved(saved.playbook);
      toast({ message: s.saved(title) });
    } catch (error) {
      if (error instanceof ValidationError) {
        setErrors(error.issues.map((issue) => `${where(issue.path)}${s.colon}${localizeIssue(issue.message, si)}`));
      } else {
        setErrors([s.failed(error instanceof Error ? error.message : String(error))]);
      }
    } finally {
      setBusy(false);
    }
  };

  const reset = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const current = await getSettings(db);
      const previous = current.playbook[stage];
      const saved = await saveSettings(db, { playbook: resetStage(current.playbook, stage) });
      setErrors([]);
      props.onSaved(saved.playbook);
      heading.current?.focus();
      toast({
        message: s.wasReset(title),
        ...(previous
          ? {
              action: {
                label: s.undo,
                run: async () => {
                  const latest = await getSettings(db);
                  await saveSettings(db, { playbook: withStageOverride(latest.playbook, stage, previous) });
                },
              },
            }
          : {}),
      });
    } finally {
      setBusy(false);
    }
  };

  const sectionTitle = 'text-sm font-semibold text-slate-800 dark:text-slate-100';
  const hint = 'text-xs text-slate-500 dark:text-slate-400';

  return (
    <div className="space-y-6 pt-4" data-testid="stage-editor" data-stage={stage}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 ref={heading} tabIndex={-1} className="text-base font-semibold">
          {s.step(definition.step)} — {title}
        </h3>
        {customized && <Chip tone="indigo">{s.customized}</Chip>}
        {props.dirty && <Chip tone="amber">{s.unsaved}</Chip>}
      </div>

      <fieldset className="space-y-2">
        <legend className={sectionTitle}>{s.goal}</legend>
        <div className="grid gap-3 lg:grid-cols-2">
          {LANGS.map((language) => (
            <div key={language}>
              <label htmlFor={id('goal', language)} className="mb-1 block text-xs font-medium text-slate-700 dark:text-slate-200">
                {s.goalIn[language]}
              </label>
              <textarea
                id={id('goal', language)}
                data-testid="playbook-goal"
                data-lang={language}
                lang={language}
                rows={3}
                className={inputClass}
                value={draft.goal[language]}
                onChange={(event) => change({ goal: { ...draft.goal, [language]: event.target.value } })}
              />
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className={sectionTitle}>{s.guidance}</legend>
        <p className={hint}>{s.guidanceHint}</p>
        {draft.guidance.length === 0 && <p className="text-slate-600 dark:text-slate-300">{s.noGuidance}</p>}
        <ol className="space-y-2">
          {draft.guidance.map((line, index) => (
            <li
              // Lines have no identity of their own; the index is what the user sees ("Guidance 3").
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are addressed by position
              key={index}
              data-testid="guidance-row"
              className="flex items-start gap-2 rounded-md bg-slate-50 p-2 dark:bg-slate-800/60"
            >
              <span aria-hidden="true" className="w-5 shrink-0 pt-1.5 text-xs text-slate-500 dark:text-slate-400">
                {index + 1}.
              </span>
              <div className="flex-1 space-y-1.5">
                {LANGS.map((language) => (
                  <LangLine key={language} language={language}>
                    <textarea
                      id={id('guidance', index, language)}
                      data-testid="guidance-text"
                      data-lang={language}
                      lang={language}
                      rows={1}
                      aria-label={s.guidanceLine(index + 1, s.languages[language])}
                      className={lineClass}
                      value={line[language]}
                      onKeyDown={noNewLine}
                      onChange={(event) =>
                        change({
                          guidance: draft.guidance.map((item, i) =>
                            i === index ? { ...item, [language]: oneLine(event.target.value) } : item,
                          ),
                        })
                      }
                    />
                  </LangLine>
                ))}
              </div>
              <RowActions
                what={`${s.guidance} ${index + 1}`}
                index={index}
                count={draft.guidance.length}
                idFor={(action, i) => id('guidance', action, i)}
                onMove={(by) => change({ guidance: moved(draft.guidance, index, by) })}
                onRemove={() => change({ guidance: draft.guidance.filter((_, i) => i !== index) })}
                testPrefix="guidance"
              />
            </li>
          ))}
        </ol>
        <button
          type="button"
          data-testid="guidance-add"
          className={buttonClass.secondary}
          onClick={() => {
            change({ guidance: [...draft.guidance, { fr: '', en: '' }] });
            focusSoon(id('guidance', draft.guidance.length, lang));
          }}
        >
          <span aria-hidden="true">+</span> {s.addGuidance}
        </button>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className={sectionTitle}>{s.checklist}</legend>
        <p className={hint}>{s.checklistHint}</p>
        {draft.checklist.length === 0 && <p className="text-slate-600 dark:text-slate-300">{s.noPoint}</p>}
        <ol className="space-y-2">
          {draft.checklist.map((item, index) => (
            <li
              key={item.key}
              data-testid="checklist-edit-row"
              data-key={item.key}
              className="flex items-start gap-2 rounded-md bg-slate-50 p-2 dark:bg-slate-800/60"
            >
              <span aria-hidden="true" className="w-5 shrink-0 pt-1.5 text-xs text-slate-500 dark:text-slate-400">
                {index + 1}.
              </span>
              <div className="flex-1 space-y-1.5">
                {LANGS.map((language) => (
                  <LangLine key={language} language={language}>
                    <textarea
                      id={id('point', item.key, language)}
                      data-testid="checklist-label"
                      data-lang={language}
                      lang={language}
                      rows={1}
                      aria-label={s.pointLabel(index + 1, s.languages[language])}
                      className={lineClass}
                      value={item.label[language]}
                      onKeyDown={noNewLine}
                      onChange={(event) =>
                        change({
                          checklist: draft.checklist.map((point) =>
                            point.key === item.key
                              ? { ...point, label: { ...point.label, [language]: oneLine(event.target.value) } }
                              : point,
                          ),
                        })
                      }
                    />
                  </LangLine>
                ))}
                <div className="flex flex-wrap items-center gap-3">
                  <label className="inline-flex cursor-pointer items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      data-testid="checklist-exit"
                      aria-label={s.exitFor(index + 1)}
                      className="h-4 w-4 cursor-pointer accent-indigo-600"
                      checked={item.exit}
                      onChange={(event) =>
                        change({
                          checklist: draft.checklist.map((point) =>
                            point.key === item.key ? { ...point, exit: event.target.checked } : point,
                          ),
                        })
                      }
                    />
                    <span>{s.exit}</span>
                  </label>
                  {!defaultKeys.has(item.key) && <Chip tone="green">{s.added}</Chip>}
                </div>
              </div>
              <RowActions
                what={s.point(index + 1)}
                index={index}
                count={draft.checklist.length}
                idFor={(action, i) => id('point', action, i)}
                onMove={(by) => change({ checklist: moved(draft.checklist, index, by) })}
                onRemove={() => change({ checklist: draft.checklist.filter((point) => point.key !== item.key) })}
                testPrefix="checklist"
              />
            </li>
          ))}
        </ol>
        <button
          type="button"
          data-testid="checklist-add"
          className={buttonClass.secondary}
          onClick={() => {
            const key = newChecklistKey(draft.checklist.map((point) => point.key));
            change({ checklist: [...draft.checklist, { key, label: { fr: '', en: '' }, exit: false }] });
            focusSoon(id('point', key, lang));
          }}
        >
          <span aria-hidden="true">+</span> {s.addPoint}
        </button>
      </fieldset>

      {errors.length > 0 && (
        <div
          role="alert"
          data-testid="playbook-errors"
          className="rounded-lg border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-700 dark:bg-red-950/60 dark:text-red-100"
        >
          <p className="font-semibold">{s.errorsTitle}</p>
          <ul className="mt-1 ml-4 list-disc">
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}

      <div className="sticky bottom-0 -mx-1 flex flex-wrap gap-2 border-t border-slate-200 bg-white/95 px-1 py-3 dark:border-slate-700 dark:bg-slate-900/95">
        <button
          type="button"
          data-testid="playbook-save"
          className={`${buttonClass.primary} aria-disabled:cursor-not-allowed aria-disabled:opacity-50`}
          aria-disabled={busy || !props.dirty || undefined}
          onClick={() => void save()}
        >
          {s.save}
        </button>
        {props.dirty && (
          <button
            type="button"
            data-testid="playbook-discard"
            className={buttonClass.secondary}
            onClick={() => {
              setErrors([]);
              props.onClear();
            }}
          >
            {s.discard}
          </button>
        )}
        {customized && (
          <button
            type="button"
            data-testid="playbook-reset"
            className={buttonClass.secondary}
            aria-disabled={busy || undefined}
            onClick={() => void reset()}
          >
            {s.reset}
          </button>
        )}
      </div>
    </div>
  );
}
