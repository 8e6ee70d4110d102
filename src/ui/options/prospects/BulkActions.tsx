import { Download, Tag, Trash2, X } from 'lucide-react';
import { useId, useState } from 'react';
import { db } from '../../../db/instance';
import { type ErasedProspect, eraseProspect, moveStage, restoreErased, updateProspectFields } from '../../../db/repository';
import { exportProspectsCsv } from '../../../import/export';
import { STAGES, type Stage } from '../../../model/enums';
import { canMoveTo, checklistKey, getStage, todayIso } from '../../../process';
import { buttonClass, inputClass } from '../../components';
import { useI18n } from '../../i18n-context';
import { useStrings } from '../../localized';
import { useToast } from '../../toast';
import { ConfirmDialog } from '../offers/ConfirmDialog';
import { prospectsStrings } from './strings';

const compactInput = `${inputClass.replace('w-full', '')} w-auto disabled:opacity-50`;
const secondaryButton = `${buttonClass.secondary} disabled:cursor-not-allowed disabled:opacity-50`;
const eraseButtonClass =
  'inline-flex items-center justify-center gap-1.5 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-red-700 hover:bg-red-50 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:text-red-300 dark:hover:bg-red-950';

/** Moves the prospects in one transaction; unmet exit criteria are recorded as a forced move, as in the panel. */
async function moveAll(ids: readonly string[], to: Stage): Promise<number> {
  let moved = 0;
  await db.transaction('rw', [db.prospects, db.stageEvents], async () => {
    for (const id of ids) {
      const prospect = await db.prospects.get(id);
      if (!prospect || prospect.stage === to) continue;
      const check = canMoveTo(prospect.stage, to, prospect.checklist);
      await moveStage(
        db,
        id,
        to,
        check.allowed ? {} : { forced: true, unmet: check.unmet.map((item) => checklistKey(item.stage, item.key)) },
      );
      moved += 1;
    }
  });
  return moved;
}

async function tagAll(ids: readonly string[], tag: string): Promise<number> {
  let tagged = 0;
  const folded = tag.toLocaleLowerCase('fr');
  await db.transaction('rw', db.prospects, async () => {
    for (const id of ids) {
      const prospect = await db.prospects.get(id);
      if (!prospect || prospect.tags.some((known) => known.toLocaleLowerCase('fr') === folded)) continue;
      await updateProspectFields(db, id, { tags: [...prospect.tags, tag] }, { byUser: true });
      tagged += 1;
    }
  });
  return tagged;
}

async function eraseAll(ids: readonly string[]): Promise<ErasedProspect[]> {
  return db.transaction('rw', [db.prospects, db.interactions, db.relances, db.stageEvents], async () => {
    const erased: ErasedProspect[] = [];
    for (const id of ids) {
      const snapshot = await eraseProspect(db, id);
      if (snapshot) erased.push(snapshot);
    }
    return erased;
  });
}

async function restoreAll(snapshots: readonly ErasedProspect[]): Promise<void> {
  await db.transaction('rw', [db.prospects, db.interactions, db.relances, db.stageEvents], async () => {
    for (const snapshot of snapshots) await restoreErased(db, snapshot);
  });
}

function download(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** What can be done to the selected rows at once. Always shown, so the table never jumps. */
export function BulkActions(props: { selectedIds: ReadonlySet<string>; tags: string[]; onClear: () => void; onErased: () => void }) {
  const s = useStrings(prospectsStrings);
  const { lang } = useI18n();
  const toast = useToast();
  const id = useId();
  const [stage, setStage] = useState<Stage | ''>('');
  const [tag, setTag] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const ids = [...props.selectedIds];
  const count = ids.length;
  const none = count === 0 || busy;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      toast({ message: s.failed(error instanceof Error ? error.message : String(error)) });
    } finally {
      setBusy(false);
    }
  };

  const applyStage = () =>
    run(async () => {
      if (!stage) return;
      const moved = await moveAll(ids, stage);
      toast({ message: s.moved(moved, getStage(stage).title[lang]) });
    });

  const applyTag = () =>
    run(async () => {
      const text = tag.trim();
      if (!text) return;
      const tagged = await tagAll(ids, text);
      setTag('');
      toast({ message: s.tagged(tagged, text) });
    });

  const exportSelection = () =>
    run(async () => {
      const csv = await exportProspectsCsv(db, { preset: 'relance', ids });
      download(csv, `relance-prospects-${todayIso()}.csv`);
      toast({ message: s.exported(count) });
    });

  const erase = () =>
    run(async () => {
      setConfirming(false);
      const erased = await eraseAll(ids);
      props.onErased();
      toast({
        message: s.erased(erased.length),
        action: {
          label: s.undo,
          run: async () => {
            try {
              await restoreAll(erased);
              toast({ message: s.restored });
            } catch (error) {
              toast({ message: s.failed(error instanceof Error ? error.message : String(error)) });
            }
          },
        },
      });
    });

  return (
    <section
      aria-label={s.bulkLabel}
      data-testid="prospect-bulk"
      aria-busy={busy}
      className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 dark:border-slate-700 dark:bg-slate-800/60"
    >
      <div className="flex items-center gap-1">
        <span className="font-medium tabular-nums" aria-live="polite" data-testid="prospect-selected-count" data-count={count}>
          {busy ? s.working(count) : s.selected(count)}
        </span>
        <button
          type="button"
          className={`${buttonClass.ghost} ${count > 0 ? '' : 'invisible'}`}
          aria-label={s.unselect}
          title={s.unselect}
          disabled={count === 0}
          onClick={props.onClear}
        >
          <X aria-hidden="true" className="h-4 w-4" />
        </button>
      </div>
      <form
        className="flex items-center gap-1.5"
        onSubmit={(event) => {
          event.preventDefault();
          void applyStage();
        }}
      >
        <label htmlFor={`${id}-stage`} className="sr-only">
          {s.moveTo}
        </label>
        <select
          id={`${id}-stage`}
          data-testid="bulk-stage"
          className={`${compactInput} w-44`}
          value={stage}
          disabled={none}
          aria-describedby={`${id}-stage-hint`}
          onChange={(event) => setStage(event.target.value as Stage | '')}
        >
          <option value="">{s.chooseStage}</option>
          {STAGES.map((key) => (
            <option key={key} value={key}>
              {getStage(key).title[lang]}
            </option>
          ))}
        </select>
        <span id={`${id}-stage-hint`} className="sr-only">
          {s.movedHint}
        </span>
        <button type="submit" data-testid="bulk-stage-apply" className={secondaryButton} disabled={none || !stage}>
          {s.apply}
        </button>
      </form>
      <form
        className="flex items-center gap-1.5"
        onSubmit={(event) => {
          event.preventDefault();
          void applyTag();
        }}
      >
        <label htmlFor={`${id}-tag`} className="sr-only">
          {s.tagToAdd}
        </label>
        <input
          id={`${id}-tag`}
          data-testid="bulk-tag"
          className={`${compactInput} w-36`}
          list={`${id}-tags`}
          placeholder={s.tagPlaceholder}
          value={tag}
          maxLength={100}
          disabled={none}
          onChange={(event) => setTag(event.target.value)}
        />
        <datalist id={`${id}-tags`}>
          {props.tags.map((known) => (
            <option key={known} value={known} />
          ))}
        </datalist>
        <button type="submit" data-testid="bulk-tag-apply" className={secondaryButton} disabled={none || !tag.trim()}>
          <Tag aria-hidden="true" className="h-3.5 w-3.5" />
          {s.addTag}
        </button>
      </form>
      <div className="ml-auto flex items-center gap-1.5">
        <button type="button" data-testid="bulk-export" className={secondaryButton} disabled={none} onClick={() => void exportSelection()}>
          <Download aria-hidden="true" className="h-3.5 w-3.5" />
          {s.export}
        </button>
        <button type="button" data-testid="bulk-erase" className={eraseButtonClass} disabled={none} onClick={() => setConfirming(true)}>
          <Trash2 aria-hidden="true" className="h-3.5 w-3.5" />
          {s.erase}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={s.eraseTitle(count)}
          body={s.eraseBody(count)}
          confirmLabel={s.eraseConfirm(count)}
          cancelLabel={s.cancel}
          onConfirm={() => void erase()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
