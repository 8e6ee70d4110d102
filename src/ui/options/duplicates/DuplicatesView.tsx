import { useLiveQuery } from 'dexie-react-hooks';
import { CircleCheck, GitMerge } from 'lucide-react';
import { type ReactNode, useId, useRef, useState } from 'react';
import {
  type DuplicateGroup,
  findDuplicateGroups,
  type LinkedRecordCounts,
  linkedRecordCounts,
  markNotDuplicates,
  mergeProspects,
} from '../../../db/duplicates';
import { db } from '../../../db/instance';
import type { Prospect } from '../../../model/prospect';
import { getStage, STAGES } from '../../../process';
import { buttonClass, Chip } from '../../components';
import { useI18n } from '../../i18n-context';
import { useStrings } from '../../localized';
import { useToast } from '../../toast';
import { duplicatesStrings } from './strings';

const PAGE = 20;
const NO_COUNTS: LinkedRecordCounts = { interactions: 0, relances: 0, stageEvents: 0 };

/** The record kept by default: the one with the most history and filled fields; the oldest on a tie. */
function defaultKeep(group: DuplicateGroup, counts: ReadonlyMap<string, LinkedRecordCounts>): string {
  const score = (prospect: Prospect) => {
    const linked = counts.get(prospect.id) ?? NO_COUNTS;
    const fields = [prospect.jobTitle, prospect.company, prospect.linkedinUrl, prospect.location, prospect.notes].filter(Boolean).length;
    return (linked.interactions + linked.relances) * 10 + fields + prospect.emails.length + prospect.phones.length;
  };
  let best = group.prospects[0];
  for (const prospect of group.prospects) if (best && score(prospect) > score(best)) best = prospect;
  return best?.id ?? '';
}

/** Likely duplicates, side by side: keep one and merge the others into it, or say they are different people. */
export function DuplicatesView() {
  const s = useStrings(duplicatesStrings);
  const [limit, setLimit] = useState(PAGE);
  const heading = useRef<HTMLHeadingElement>(null);
  const data = useLiveQuery(async () => {
    const groups = await findDuplicateGroups(db);
    const shown = groups.slice(0, limit);
    const counts = await linkedRecordCounts(
      db,
      shown.flatMap((group) => group.prospects.map((prospect) => prospect.id)),
    );
    return { groups, counts };
  }, [limit]);
  const empty = data?.groups.length === 0;

  return (
    <div className="max-w-5xl space-y-4" data-testid="duplicates-view">
      <p className="max-w-3xl text-slate-600 dark:text-slate-300">{s.intro}</p>
      {!data ? (
        <p className="py-6 text-slate-600 dark:text-slate-300" aria-live="polite">
          {s.searching}
        </p>
      ) : (
        <>
          {/*
           * One heading for the count and the empty state: a merge or "not duplicates" focuses
           * it, and the last group going must not unmount the focused element (focus would
           * fall to the page). Only its text and what surrounds it change.
           */}
          <div
            data-testid={empty ? 'duplicates-empty' : undefined}
            className={
              empty ? 'flex items-start gap-3 rounded-lg border border-dashed border-slate-300 p-4 dark:border-slate-600' : undefined
            }
            aria-live="polite"
          >
            {empty && <CircleCheck aria-hidden="true" className="mt-0.5 h-5 w-5 shrink-0 text-emerald-700 dark:text-emerald-400" />}
            <div>
              <h2
                ref={heading}
                tabIndex={-1}
                className={empty ? 'font-semibold' : 'text-base font-semibold'}
                data-testid={empty ? undefined : 'duplicates-count'}
              >
                {empty ? s.empty : s.count(data.groups.length)}
              </h2>
              {empty && <p className="text-slate-600 dark:text-slate-300">{s.emptyHint}</p>}
            </div>
          </div>
          {data.groups.slice(0, limit).map((group, index) => (
            <GroupCard key={group.id} group={group} number={index + 1} counts={data.counts} onDone={() => heading.current?.focus()} />
          ))}
          {data.groups.length > limit && (
            <button type="button" className={buttonClass.secondary} onClick={() => setLimit(limit + PAGE)}>
              {s.showMore(Math.min(PAGE, data.groups.length - limit))}
            </button>
          )}
        </>
      )}
    </div>
  );
}

function GroupCard(props: { group: DuplicateGroup; number: number; counts: ReadonlyMap<string, LinkedRecordCounts>; onDone: () => void }) {
  const { group, number, counts } = props;
  const s = useStrings(duplicatesStrings);
  const { lang } = useI18n();
  const toast = useToast();
  const id = useId();
  const [choice, setChoice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const keepId = choice && group.prospects.some((prospect) => prospect.id === choice) ? choice : defaultKeep(group, counts);
  const kept = group.prospects.find((prospect) => prospect.id === keepId);
  const day = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  const stageNames = Object.fromEntries(STAGES.map((stage) => [stage, getStage(stage).title[lang]]));

  const act = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      const message = await action();
      toast({ message });
      props.onDone();
    } catch (error) {
      toast({ message: s.failed(error instanceof Error ? error.message : String(error)) });
      setBusy(false);
    }
  };

  const merge = () =>
    act(async () => {
      const others = group.prospects.filter((prospect) => prospect.id !== keepId).map((prospect) => prospect.id);
      const merged = await mergeProspects(db, keepId, others, { labels: s.mergeLabels, stageNames });
      return s.merged(others.length, merged.fullName);
    });

  const dismiss = () =>
    act(async () => {
      await markNotDuplicates(
        db,
        group.prospects.map((prospect) => prospect.id),
      );
      return s.dismissed;
    });

  const rows: { key: keyof typeof s.fields; value: (prospect: Prospect) => ReactNode }[] = [
    { key: 'jobTitle', value: (p) => p.jobTitle },
    { key: 'company', value: (p) => p.company },
    { key: 'emails', value: (p) => (p.emails.length > 0 ? <List items={p.emails} /> : undefined) },
    { key: 'phones', value: (p) => (p.phones.length > 0 ? <List items={p.phones} /> : undefined) },
    {
      key: 'linkedinUrl',
      value: (p) =>
        p.linkedinUrl ? (
          <a
            href={p.linkedinUrl}
            target="_blank"
            rel="noopener noreferrer"
            className="break-all text-indigo-700 underline dark:text-indigo-300"
          >
            {p.linkedinUrl.replace('https://www.linkedin.com', '')}
          </a>
        ) : undefined,
    },
    { key: 'salesNavId', value: (p) => p.salesNavId },
    { key: 'stage', value: (p) => getStage(p.stage).title[lang] },
    { key: 'tags', value: (p) => (p.tags.length > 0 ? p.tags.join(', ') : undefined) },
    { key: 'notes', value: (p) => (p.notes ? <span className="line-clamp-3 whitespace-pre-wrap">{p.notes}</span> : undefined) },
    { key: 'interactions', value: (p) => String((counts.get(p.id) ?? NO_COUNTS).interactions) },
    { key: 'relances', value: (p) => String((counts.get(p.id) ?? NO_COUNTS).relances) },
    { key: 'createdAt', value: (p) => day.format(p.createdAt) },
    { key: 'updatedAt', value: (p) => day.format(p.updatedAt) },
  ];

  return (
    <section
      aria-labelledby={`${id}-title`}
      data-testid="duplicate-group"
      data-group-id={group.id}
      className="rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-700 dark:bg-slate-800/40"
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-4 py-2 dark:border-slate-700">
        <h3 id={`${id}-title`} className="font-semibold">
          {s.groupTitle(number, group.prospects.length)}
        </h3>
        <ul className="flex flex-wrap gap-1.5">
          {group.matches.map((match) => (
            <li key={`${match.reason}:${match.key}`}>
              <Chip tone="amber">{s.reasons[match.reason](match.key)}</Chip>
            </li>
          ))}
        </ul>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[32rem] table-fixed border-collapse text-left">
          <caption className="sr-only">{s.compare(number)}</caption>
          <thead>
            <tr>
              <th scope="col" className="w-32 px-4 py-2 text-xs font-medium text-slate-600 dark:text-slate-300">
                <span className="sr-only">{s.field}</span>
              </th>
              {group.prospects.map((prospect, index) => {
                const isKept = prospect.id === keepId;
                return (
                  <th
                    key={prospect.id}
                    scope="col"
                    data-testid="duplicate-record"
                    data-prospect-id={prospect.id}
                    data-prospect-name={prospect.fullName}
                    data-kept={isKept}
                    className={`px-3 py-2 align-top font-normal ${isKept ? 'bg-indigo-50 dark:bg-indigo-950/60' : ''}`}
                  >
                    <span className="block break-words font-semibold">{prospect.fullName}</span>
                    <label className="mt-1 inline-flex cursor-pointer items-center gap-1.5 text-sm">
                      <input
                        type="radio"
                        name={`${id}-keep`}
                        data-testid="duplicate-keep"
                        className="h-4 w-4 cursor-pointer accent-indigo-600"
                        checked={isKept}
                        aria-label={s.keepRecord(prospect.fullName, index + 1)}
                        onChange={() => setChoice(prospect.id)}
                      />
                      <span aria-hidden="true">{isKept ? s.kept : s.keep}</span>
                    </label>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className="border-t border-slate-100 dark:border-slate-700/60">
                <th scope="row" className="px-4 py-1.5 align-top text-xs font-medium text-slate-600 dark:text-slate-300">
                  {s.fields[row.key]}
                </th>
                {group.prospects.map((prospect) => (
                  <td
                    key={prospect.id}
                    data-field={row.key}
                    className={`min-w-0 break-words px-3 py-1.5 align-top ${prospect.id === keepId ? 'bg-indigo-50 dark:bg-indigo-950/60' : ''}`}
                  >
                    {row.value(prospect) ?? <span className="text-slate-500 dark:text-slate-400">{s.none}</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap justify-end gap-2 border-t border-slate-200 px-4 py-2 dark:border-slate-700">
        <button type="button" data-testid="duplicate-not" className={buttonClass.secondary} disabled={busy} onClick={() => void dismiss()}>
          {s.notDuplicates}
        </button>
        <button
          type="button"
          data-testid="duplicate-merge"
          className={buttonClass.primary}
          disabled={busy || !kept}
          onClick={() => void merge()}
        >
          <GitMerge aria-hidden="true" className="h-4 w-4" />
          {busy ? s.merging : s.merge(kept?.fullName ?? '')}
        </button>
      </div>
    </section>
  );
}

function List({ items }: { items: string[] }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item} className="break-all">
          {item}
        </li>
      ))}
    </ul>
  );
}
