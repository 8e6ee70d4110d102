import { useLiveQuery } from 'dexie-react-hooks';
import { PanelRight, Settings } from 'lucide-react';
import { lazy, Suspense, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { browser } from 'wxt/browser';
import { openSidePanel } from '../../browser/side-panel';
import { stageEventsOf } from '../../db/database';
import { db } from '../../db/instance';
import {
  FULL_PAGE,
  type QueueCount,
  type QueueLimits,
  type QueueSection,
  type QueueSectionKey,
  relanceCounts,
  relanceQueue,
} from '../../db/relance-queue';
import { completeRelance, logInteraction, nextOpenRelance, type RelanceRow, scheduleRelance, snoozeRelance } from '../../db/repository';
import type { Prospect } from '../../model';
import { type Channel, proposeNextRelance, stageStartDay, todayIso } from '../../process';
import { effectiveCadences } from '../../process/playbook';
import { buttonClass } from '../components';
import { formatDay } from '../format';
import { useI18n } from '../i18n-context';
import { useSettings } from '../use-settings';
import { firstPage } from './first-page';
import { RelanceItem, type SectionKey } from './RelanceItem';
import type { SnoozeKey } from './relance-days';
import { type ShownRow, useRowFocus } from './row-focus';

/** Past this many rows the list is virtualised: only what is on screen is rendered. */
const VIRTUALISE_FROM = 100;
const VirtualList = lazy(() => import('./VirtualList'));
/** Rows a section's "show more" adds. */
const MORE_ROWS = 100;

type Entry =
  | { kind: 'header'; section: QueueSection; count: QueueCount | undefined }
  | { kind: 'row'; section: SectionKey; row: QueueSection['rows'][number] }
  | { kind: 'more'; section: QueueSectionKey; rows: number };

/**
 * The first screen: the one read as the popup loaded, while it is for today. `settled` once that
 * read is over (answered or not) or when there is none for today.
 */
function useFirstPage(today: string): { settled: boolean; sections: QueueSection[] | undefined } {
  const ours = today === firstPage.today;
  const [state, setState] = useState(() => ({ settled: firstPage.settled, sections: firstPage.sections }));
  useLayoutEffect(() => {
    if (!ours || state.settled) return;
    let current = true;
    void firstPage.request.then((sections) => {
      // Rendered in this task, not in one queued behind others: the rows are what the popup
      // was opened for.
      if (current) flushSync(() => setState({ settled: true, sections }));
    });
    return () => {
      current = false;
    };
  }, [ours, state.settled]);
  return ours ? state : { settled: true, sections: undefined };
}

/** How many more rows a section of the live page may hold than it shows. */
function hiddenRows(shown: number, limit: number, count: QueueCount | undefined): number {
  // Until counted (or past the count's cap), a full page may hide more rows.
  if (count === undefined || count.capped) return shown >= limit ? MORE_ROWS : 0;
  return count.count - shown;
}

/** Today's work: overdue, today's and the week's relances, each done or snoozed in one click. */
export function PopupApp() {
  const { t } = useI18n();
  const today = todayIso();
  const [limits, setLimits] = useState<QueueLimits>(FULL_PAGE);
  const first = useFirstPage(today);
  // The page (below the fold too), live. It starts once the first screen is settled: before,
  // it would read the same rows again and hold up the first screen's read and render.
  const live = useLiveQuery(() => (first.settled ? relanceQueue(db, today, { limits }) : undefined), [today, limits, first.settled]);
  const sections = live ?? first.sections;
  const shown = sections !== undefined;
  // Counted once the rows are shown: the first screen never waits for it.
  const counts = useLiveQuery(async () => (shown ? relanceCounts(db, today) : undefined), [today, shown]);
  // A live query, never awaited: the first screen renders without it. Until it answers, the
  // snooze days and the proposal follow the default ("working days only").
  const settings = useSettings();
  const workingDaysOnly = settings?.workingDaysOnly ?? true;
  const cadences = useMemo(() => effectiveCadences(settings), [settings]);
  const [justDone, setJustDone] = useState<{ prospect: Prospect; channel: Channel; proposal: string | null } | null>(null);

  const openPanel = async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab) await openSidePanel(tab);
    window.close();
  };

  const showMore = (section: QueueSectionKey) => setLimits((current) => ({ ...current, [section]: current[section] + MORE_ROWS }));

  const entries: Entry[] = (sections ?? [])
    .filter((section) => section.rows.length > 0)
    .flatMap((section): Entry[] => {
      const count = counts?.[section.key];
      // The first screen alone offers no more: the page read right after it brings the rest.
      const more = live === undefined ? 0 : hiddenRows(section.rows.length, limits[section.key], count);
      return [
        { kind: 'header', section, count },
        ...section.rows.map((row): Entry => ({ kind: 'row', section: section.key, row })),
        ...(more > 0 ? [{ kind: 'more' as const, section: section.key, rows: Math.min(more, MORE_ROWS) }] : []),
      ];
    });
  const empty = sections !== undefined && entries.length === 0;

  const main = useRef<HTMLElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const shownRows = entries.flatMap((entry): ShownRow[] =>
    entry.kind === 'row' ? [{ relanceId: entry.row.relance.id, dueDate: entry.row.relance.dueDate }] : [],
  );
  const focus = useRowFocus(main, title, shownRows);

  const onDone = async ({ relance, prospect }: RelanceRow, channel: Channel) => {
    focus.begin(relance.id, 'relance-done');
    try {
      await completeRelance(db, relance.id);
      await logInteraction(db, prospect.id, channel, relance.note ? { note: relance.note } : {});
      const [next, trail] = await Promise.all([nextOpenRelance(db, prospect.id), stageEventsOf(db, [prospect.id]).toArray()]);
      const proposal = proposeNextRelance(prospect.stage, today, {
        cadences,
        workingDaysOnly,
        hasOpenRelance: next !== undefined,
        stageSince: stageStartDay(prospect, trail),
      });
      // In one render with the banner, so focus can go to its accept button.
      setJustDone({ prospect, channel, proposal });
      focus.finish({ toProposal: proposal !== null });
    } catch (error) {
      focus.cancel();
      throw error;
    }
  };

  const onSnooze = async ({ relance }: RelanceRow, to: string, control: SnoozeKey) => {
    focus.begin(relance.id, control);
    try {
      await snoozeRelance(db, relance.id, to);
      focus.finish();
    } catch (error) {
      focus.cancel();
      throw error;
    }
  };

  return (
    <main ref={main} className="flex max-h-[600px] w-[400px] flex-col text-sm">
      <header className="flex items-center justify-between border-b border-slate-200 px-4 py-2.5 dark:border-slate-700">
        {/* Focusable by script only: where focus goes once the last row is done. */}
        <h1 ref={title} tabIndex={-1} className="text-base font-bold text-indigo-700 outline-none dark:text-indigo-300">
          {t.popupTitle}
        </h1>
        <button type="button" className={buttonClass.ghost} onClick={() => void openPanel()}>
          <PanelRight aria-hidden="true" className="h-4 w-4" />
          {t.openPanel}
        </button>
      </header>
      {justDone && <DoneBanner {...justDone} onClose={() => setJustDone(null)} />}
      {empty && <p className="px-4 py-6 text-slate-600 dark:text-slate-300">{t.popupEmpty}</p>}
      {entries.length > 0 && (
        <QueueList
          entries={entries}
          today={today}
          workingDaysOnly={workingDaysOnly}
          onDone={onDone}
          onSnooze={onSnooze}
          onShowMore={showMore}
        />
      )}
      <footer className="border-t border-slate-200 px-4 py-2 dark:border-slate-700">
        <button type="button" className={buttonClass.ghost} onClick={() => void browser.runtime.openOptionsPage()}>
          <Settings aria-hidden="true" className="h-4 w-4" />
          {t.dashboardLink}
        </button>
      </footer>
    </main>
  );
}

function QueueList({
  entries,
  today,
  workingDaysOnly,
  onDone,
  onSnooze,
  onShowMore,
}: {
  entries: Entry[];
  today: string;
  workingDaysOnly: boolean;
  onDone: (row: RelanceRow, channel: Channel) => Promise<void>;
  onSnooze: (row: RelanceRow, to: string, control: SnoozeKey) => Promise<void>;
  onShowMore: (section: QueueSectionKey) => void;
}) {
  const { t, lang } = useI18n();

  const render = (entry: Entry) => {
    if (entry.kind === 'row') {
      return (
        <RelanceItem
          row={entry.row}
          section={entry.section}
          today={today}
          workingDaysOnly={workingDaysOnly}
          onDone={onDone}
          onSnooze={onSnooze}
        />
      );
    }
    if (entry.kind === 'more') {
      return (
        <button
          type="button"
          data-testid="relance-more"
          data-section={entry.section}
          className={`${buttonClass.ghost} my-1 w-full justify-center text-xs`}
          onClick={() => onShowMore(entry.section)}
        >
          {t.showMoreRows(entry.rows)}
        </button>
      );
    }
    return (
      <h2
        data-testid="relance-section"
        data-section={entry.section.key}
        className={`pt-2 pb-1 text-xs font-semibold uppercase tracking-wide ${
          entry.section.key === 'overdue' ? 'text-red-700 dark:text-red-300' : 'text-slate-500 dark:text-slate-400'
        }`}
      >
        {{ overdue: t.sectionOverdue, today: t.sectionToday, upcoming: t.sectionUpcoming }[entry.section.key]}
        {entry.count !== undefined && ` (${entry.count.count.toLocaleString(lang)}${entry.count.capped ? '+' : ''})`}
      </h2>
    );
  };

  const plain = (shown: Entry[]) => (
    <div className="min-h-0 flex-1 overflow-y-auto px-4 pb-2">
      <ul>
        {shown.map((entry) => (
          <li key={entryKey(entry)} className="list-none">
            {render(entry)}
          </li>
        ))}
      </ul>
    </div>
  );
  if (entries.length <= VIRTUALISE_FROM) return plain(entries);
  return (
    <Suspense fallback={plain(entries.slice(0, VIRTUALISE_FROM))}>
      <VirtualList items={entries} keyOf={entryKey} estimateSize={(entry: Entry) => (entry.kind === 'row' ? 92 : 32)} render={render} />
    </Suspense>
  );
}

function entryKey(entry: Entry): string {
  if (entry.kind === 'row') return entry.row.relance.id;
  return `${entry.kind}-${entry.kind === 'header' ? entry.section.key : entry.section}`;
}

function DoneBanner({
  prospect,
  channel,
  proposal,
  onClose,
}: {
  prospect: Prospect;
  channel: Channel;
  proposal: string | null;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  return (
    <div role="status" className="mx-4 mt-2 rounded-md bg-emerald-50 p-2 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
      <p>{t.doneBanner(prospect.fullName, t.channel[channel])}</p>
      {proposal && (
        <div className="mt-1 flex items-center justify-between gap-2" data-testid="relance-proposal" data-due={proposal}>
          <span>{t.proposeRelance(formatDay(proposal, lang))}</span>
          <button
            type="button"
            data-testid="relance-proposal-accept"
            className={buttonClass.secondary}
            onClick={() => void scheduleRelance(db, prospect.id, proposal).then(onClose)}
          >
            {t.acceptRelance}
          </button>
        </div>
      )}
    </div>
  );
}
