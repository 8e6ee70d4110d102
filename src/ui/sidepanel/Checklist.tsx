import { useState } from 'react';
import { db } from '../../db/instance';
import { setChecklistItem } from '../../db/repository';
import type { Prospect } from '../../model';
import { checklistKey, stageCompletion } from '../../process';
import { inputClass, Section } from '../components';
import { useI18n } from '../i18n-context';
import { usePlaybook } from '../use-settings';

/** The current stage's points, each a tick and a short note that stays with the prospect. */
export function Checklist({ prospect }: { prospect: Prospect }) {
  const { t, lang } = useI18n();
  const playbook = usePlaybook();
  const stage = playbook(prospect.stage);
  const completion = stageCompletion(prospect.stage, prospect.checklist, playbook);

  return (
    <Section
      title={t.checklist}
      aside={<span className="text-xs text-slate-500 dark:text-slate-400">{t.checklistDone(completion.done, completion.total)}</span>}
    >
      <ul className="space-y-1">
        {stage.checklist.map((item) => {
          const key = checklistKey(prospect.stage, item.key);
          const entry = prospect.checklist[key];
          return (
            <ChecklistRow
              key={key}
              checklistKey={key}
              label={item.label[lang]}
              exit={item.exit ? t.exitCriterion : undefined}
              done={entry?.done ?? false}
              note={entry?.note ?? ''}
              noteLabel={t.addNote}
              onToggle={() => void setChecklistItem(db, prospect.id, key, { done: !(entry?.done ?? false) })}
              onNote={(note) => void setChecklistItem(db, prospect.id, key, { note })}
            />
          );
        })}
      </ul>
    </Section>
  );
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
          onClick={() => setEditing(!editing)}
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
