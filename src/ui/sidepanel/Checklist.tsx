import { useEffect, useRef, useState } from 'react';
import { db } from '../../db/instance';
import { setChecklistItem } from '../../db/repository';
import type { Prospect } from '../../model';
import {
  type ChecklistItem,
  type ChecklistKey,
  checklistKey,
  getStage,
  type PlaybookLookup,
  STAGES,
  type Stage,
  stageCompletion,
} from '../../process';
import { inputClass, Section } from '../components';
import { useI18n } from '../i18n-context';
import { usePlaybook } from '../use-settings';

/** "Take me to this point": `serial` grows on every request, so asking twice for the same point focuses it again. */
export type ChecklistRequest = { key: ChecklistKey; serial: number };

/**
 * The current stage's points, each a tick and a short note that stays with the prospect.
 * A point of another stage the next action asks for (the contact stage's decision-maker at
 * closing, a discovery point at proposal) is shown below them, so "Do it" always lands on a
 * control that does the thing.
 */
export function Checklist({ prospect, request }: { prospect: Prospect; request?: ChecklistRequest | null }) {
  const { t, lang } = useI18n();
  const playbook = usePlaybook();
  const listRef = useRef<HTMLDivElement>(null);
  const stage = playbook(prospect.stage);
  const completion = stageCompletion(prospect.stage, prospect.checklist, playbook);
  const shownKeys = new Set(stage.checklist.map((item) => checklistKey(prospect.stage, item.key)));
  const requested = request && !shownKeys.has(request.key) ? findItem(request.key, playbook) : null;

  useEffect(() => {
    if (!request) return;
    const row = [...(listRef.current?.querySelectorAll<HTMLElement>('[data-checklist-key]') ?? [])].find(
      (element) => element.dataset.checklistKey === request.key,
    );
    row?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    row?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus();
  }, [request]);

  const row = (rowStage: Stage, item: ChecklistItem) => {
    const key = checklistKey(rowStage, item.key);
    const entry = prospect.checklist[key];
    return (
      <ChecklistRow
        // The draft note belongs to this prospect's point, never to whoever the panel showed before.
        key={`${prospect.id}:${key}`}
        checklistKey={key}
        label={item.label[lang]}
        exit={item.exit && rowStage === prospect.stage ? t.exitCriterion : undefined}
        done={entry?.done ?? false}
        note={entry?.note ?? ''}
        noteLabel={t.addNote}
        onToggle={() => void setChecklistItem(db, prospect.id, key, { done: !(entry?.done ?? false) })}
        onNote={(note) => void setChecklistItem(db, prospect.id, key, { note })}
      />
    );
  };

  return (
    <Section
      title={t.checklist}
      aside={<span className="text-xs text-slate-500 dark:text-slate-400">{t.checklistDone(completion.done, completion.total)}</span>}
    >
      <div ref={listRef}>
        <ul className="space-y-1">{stage.checklist.map((item) => row(prospect.stage, item))}</ul>
        {requested && (
          <div data-testid="checklist-requested" className="mt-2 border-t border-dashed border-slate-200 pt-2 dark:border-slate-700">
            <p className="mb-1 text-xs text-slate-500 dark:text-slate-400">{t.checklistFromStage(getStage(requested.stage).title[lang])}</p>
            <ul>{row(requested.stage, requested.item)}</ul>
          </div>
        )}
      </div>
    </Section>
  );
}

/** The point behind a key, from the rep's playbook, else the built-in one (the next action knows the built-in points). */
function findItem(key: ChecklistKey, playbook: PlaybookLookup): { stage: Stage; item: ChecklistItem } | null {
  const dot = key.indexOf('.');
  const stage = STAGES.find((candidate) => candidate === key.slice(0, dot));
  if (!stage) return null;
  const itemKey = key.slice(dot + 1);
  const item =
    playbook(stage).checklist.find((candidate) => candidate.key === itemKey) ??
    getStage(stage).checklist.find((candidate) => candidate.key === itemKey);
  return item ? { stage, item } : null;
}

function ChecklistRow(props: {
  checklistKey: string;
  label: string;
  exit?: string;
  done: boolean;
  note: string;
  noteLabel: string;
  onToggle: () => void;
  onNote: (note: string) => void;
}) {
  const [draft, setDraft] = useState(props.note);
  const [editing, setEditing] = useState(false);
  return (
    <li data-checklist-key={props.checklistKey} className="rounded-md px-1 py-0.5 hover:bg-slate-50 dark:hover:bg-slate-800/60">
      <div className="flex items-start gap-2">
        <label data-testid="checklist-item" data-checked={String(props.done)} className="flex flex-1 cursor-pointer items-start gap-2">
          <input
            type="checkbox"
            checked={props.done}
            onChange={props.onToggle}
            className="mt-0.5 h-4 w-4 shrink-0 cursor-pointer accent-indigo-600"
          />
          <span className={props.done ? 'text-slate-600 dark:text-slate-300' : ''}>
            {props.label}
            {props.exit && <span className="ml-1 text-xs text-amber-700 dark:text-amber-300">• {props.exit}</span>}
          </span>
        </label>
        <button
          type="button"
          aria-label={`${props.noteLabel} — ${props.label}`}
          aria-expanded={editing}
          onClick={() => {
            // The note may have changed since the row appeared (another page, another panel): edit the stored one.
            if (!editing) setDraft(props.note);
            setEditing(!editing);
          }}
          className="shrink-0 rounded px-1 text-xs text-indigo-700 hover:underline dark:text-indigo-300"
        >
          ✎
        </button>
      </div>
      {!editing && props.note && <p className="ml-6 text-xs text-slate-600 dark:text-slate-300">{props.note}</p>}
      {editing && (
        <input
          className={`${inputClass} mt-1 ml-6 w-[calc(100%-1.5rem)] text-xs`}
          aria-label={`${props.noteLabel} — ${props.label}`}
          value={draft}
          maxLength={2000}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={() => {
            if (draft !== props.note) props.onNote(draft);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              props.onNote(draft);
              setEditing(false);
            }
          }}
        />
      )}
    </li>
  );
}
