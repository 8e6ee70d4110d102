import { Check, ExternalLink, PanelRight } from 'lucide-react';
import { useRef, useState } from 'react';
import type { RelanceRow } from '../../db/repository';
import type { Prospect } from '../../model';
import { CHANNELS, type Channel, getStage } from '../../process';
import { ChannelIcon } from '../channel-icon';
import { buttonClass } from '../components';
import { formatDay, relativeDay } from '../format';
import { useI18n } from '../i18n-context';
import { openProspectPage, showInSidePanel } from './open-prospect';
import { type SnoozeKey, snoozeDays } from './relance-days';
import type { RowControl } from './row-focus';

export type SectionKey = 'overdue' | 'today' | 'upcoming';

/**
 * A button's accessible name starts with its visible text (WCAG 2.5.3, "label in name"), so
 * speech users can say what they see; the longer label follows for screen-reader users.
 */
function labelInName(visible: string, context: string): string {
  return `${visible} — ${context}`;
}

/** The channel a rep most likely uses for this relance: the data the prospect file holds. */
export function channelHint(prospect: Prospect): Channel {
  if (prospect.phones.length > 0) return 'call';
  if (prospect.emails.length > 0) return 'email';
  return 'linkedin';
}

interface Props {
  row: RelanceRow;
  section: SectionKey;
  today: string;
  /** The "working days only" setting: snoozes skip weekends. */
  workingDaysOnly: boolean;
  /** Marks it done and logs the contact on that channel. */
  onDone: (row: RelanceRow, channel: Channel) => Promise<void>;
  onSnooze: (row: RelanceRow, to: string, control: SnoozeKey) => Promise<void>;
}

export function RelanceItem({ row, section, today, workingDaysOnly, onDone, onSnooze }: Props) {
  const { t, lang } = useI18n();
  const { relance, prospect } = row;
  const [channel, setChannel] = useState<Channel>(() => channelHint(prospect));
  const to = snoozeDays(relance.dueDate, today, workingDaysOnly);
  const snoozes = [
    { testId: 'relance-snooze', label: t.relanceSnooze, to: to['relance-snooze'] },
    { testId: 'relance-snooze-3', label: t.snooze3, to: to['relance-snooze-3'] },
    { testId: 'relance-snooze-monday', label: t.snoozeMonday, to: to['relance-snooze-monday'] },
  ] as const;
  // One action at a time: a second click on "Done" before the first is written would log the
  // contact twice. The ref answers at once; the state shows it (aria-disabled keeps the focus
  // on the button, where `disabled` would drop it).
  const running = useRef(false);
  const [busy, setBusy] = useState<RowControl | null>(null);
  const run = async (control: RowControl, action: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(control);
    try {
      await action();
    } finally {
      running.current = false;
      setBusy(null);
    }
  };

  return (
    <div
      data-testid="relance-item"
      data-relance-id={relance.id}
      data-prospect-name={prospect.fullName}
      data-section={section}
      className="border-b border-slate-100 py-2 dark:border-slate-800"
    >
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <p className="truncate font-medium">{prospect.fullName}</p>
          <p className="truncate text-xs text-slate-500 dark:text-slate-400">
            {[prospect.company, getStage(prospect.stage).title[lang]].filter(Boolean).join(' · ')}
          </p>
          <p className={`text-xs ${section === 'overdue' ? 'text-red-700 dark:text-red-300' : 'text-slate-600 dark:text-slate-300'}`}>
            <time dateTime={relance.dueDate}>{formatDay(relance.dueDate, lang)}</time>
            {relance.dueTime ? ` ${relance.dueTime}` : ''} ({relativeDay(relance.dueDate, today, t)})
            {relance.note ? ` — ${relance.note}` : ''}
          </p>
        </div>
        <div className="flex shrink-0 gap-1">
          <button
            type="button"
            className={`${buttonClass.ghost} px-1.5`}
            aria-label={t.openLabel(prospect.fullName)}
            title={t.openLabel(prospect.fullName)}
            onClick={() => void openProspectPage(prospect)}
          >
            <ExternalLink aria-hidden="true" className="h-3.5 w-3.5" />
          </button>
          <button
            type="button"
            data-testid="relance-panel"
            className={`${buttonClass.ghost} px-1.5`}
            aria-label={t.panelFor(prospect.fullName)}
            title={t.panelFor(prospect.fullName)}
            onClick={() => void showInSidePanel(prospect)}
          >
            <PanelRight aria-hidden="true" className="h-3.5 w-3.5" />
          </button>
        </div>
      </div>
      <div className="mt-1.5 flex flex-wrap items-center gap-1">
        <label className="flex items-center gap-0.5 rounded-md border border-slate-300 px-1 py-1 dark:border-slate-600">
          <ChannelIcon channel={channel} className="h-3.5 w-3.5" />
          <span className="sr-only">{t.channelFor(prospect.fullName)}</span>
          <select
            className="w-[4.5rem] bg-transparent text-xs"
            value={channel}
            onChange={(event) => setChannel(event.target.value as Channel)}
            data-testid="relance-channel"
          >
            {CHANNELS.map((option) => (
              <option key={option} value={option}>
                {t.channel[option]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="relance-done"
          aria-label={labelInName(t.relanceDone, t.relanceDoneLabel(prospect.fullName))}
          className={`${buttonClass.primary} px-2 py-1 text-xs aria-disabled:opacity-60`}
          aria-disabled={busy !== null || undefined}
          aria-busy={busy === 'relance-done' || undefined}
          onClick={() => void run('relance-done', () => onDone(row, channel))}
        >
          <Check aria-hidden="true" className="h-3.5 w-3.5" />
          {t.relanceDone}
        </button>
        {snoozes.map((snooze) => (
          <button
            key={snooze.testId}
            type="button"
            data-testid={snooze.testId}
            aria-label={labelInName(snooze.label, t.snoozeLabel(prospect.fullName, formatDay(snooze.to, lang)))}
            className={`${buttonClass.secondary} px-1.5 py-1 text-xs aria-disabled:opacity-60`}
            aria-disabled={busy !== null || undefined}
            aria-busy={busy === snooze.testId || undefined}
            onClick={() => void run(snooze.testId, () => onSnooze(row, snooze.to, snooze.testId))}
          >
            {snooze.label}
          </button>
        ))}
      </div>
    </div>
  );
}
