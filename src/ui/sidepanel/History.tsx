import { useLiveQuery } from 'dexie-react-hooks';
import { ArrowRight, CalendarCheck } from 'lucide-react';
import { db } from '../../db/instance';
import { prospectHistory } from '../../db/repository';
import { getStage, isChannel, todayIso } from '../../process';
import { ChannelIcon } from '../channel-icon';
import { Section } from '../components';
import { relativeDay } from '../format';
import { useI18n } from '../i18n-context';

export function History({ prospectId }: { prospectId: string }) {
  const { t, lang } = useI18n();
  const entries = useLiveQuery(() => prospectHistory(db, prospectId), [prospectId]);
  const today = todayIso();
  const dayOf = (ms: number) => relativeDay(todayIso(new Date(ms)), today, t);

  return (
    <Section title={t.history}>
      {entries && entries.length === 0 && <p className="text-slate-500 dark:text-slate-400">{t.noHistory}</p>}
      <ol className="space-y-1.5">
        {entries?.map((entry) => {
          let icon: React.ReactNode;
          let text: string;
          if (entry.kind === 'interaction' && entry.channel && isChannel(entry.channel)) {
            icon = <ChannelIcon channel={entry.channel} className="h-3.5 w-3.5" />;
            text = [t.channel[entry.channel], entry.subject, entry.note].filter(Boolean).join(' — ');
          } else if (entry.kind === 'stage' && entry.to) {
            icon = <ArrowRight aria-hidden="true" className="h-3.5 w-3.5" />;
            const to = getStage(entry.to).title[lang];
            text = entry.from ? t.historyStage(getStage(entry.from).title[lang], to) : t.historyStageCreated(to);
            if (entry.forced) text += ` (${t.historyForced})`;
          } else {
            icon = <CalendarCheck aria-hidden="true" className="h-3.5 w-3.5" />;
            text = [t.historyRelanceDone, entry.note].filter(Boolean).join(' — ');
          }
          return (
            <li key={`${entry.kind}-${entry.id}`} data-testid="history-item" data-kind={entry.kind} className="flex items-start gap-2">
              <span className="mt-0.5 text-slate-500 dark:text-slate-400">{icon}</span>
              <span className="flex-1">{text}</span>
              <time className="shrink-0 text-xs text-slate-500 dark:text-slate-400" dateTime={new Date(entry.date).toISOString()}>
                {dayOf(entry.date)}
              </time>
            </li>
          );
        })}
      </ol>
    </Section>
  );
}
