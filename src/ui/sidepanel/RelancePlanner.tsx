import { useState } from 'react';
import { db } from '../../db/instance';
import { scheduleRelance } from '../../db/repository';
import type { Prospect } from '../../model';
import { daysBetween, NEXT_MONDAY_LABEL, nextMonday, RELANCE_PRESETS, relanceDayIn, todayIso } from '../../process';
import { buttonClass, inputClass, Section } from '../components';
import { formatDay } from '../format';
import { useI18n } from '../i18n-context';
import { useSettings } from '../use-settings';
import { useToday } from '../use-today';

/** One click on a preset schedules the next relance; a date picker covers the rest. */
export function RelancePlanner({ prospect }: { prospect: Prospect }) {
  const { t, lang } = useI18n();
  const [note, setNote] = useState('');
  const [custom, setCustom] = useState('');
  const [time, setTime] = useState('');
  const [scheduled, setScheduled] = useState<string | null>(null);
  const workingDaysOnly = useSettings()?.workingDaysOnly ?? true;
  // For the labels and the picker's minimum only: a click reads the clock itself, as the panel may have stayed open overnight.
  const today = useToday();

  const schedule = async (dueDate: string) => {
    await scheduleRelance(db, prospect.id, dueDate, note.trim() || undefined, time || undefined);
    setScheduled(dueDate);
    // Note, time and date were for this relance: the next one starts blank.
    setNote('');
    setTime('');
    setCustom('');
  };

  return (
    <Section title={t.scheduleRelance}>
      <div className="flex flex-wrap gap-1.5">
        {RELANCE_PRESETS.map((preset) => (
          <button
            key={preset.key}
            type="button"
            data-testid="relance-preset"
            data-days={preset.days}
            className={`${buttonClass.secondary} text-xs`}
            title={formatDay(relanceDayIn(today, preset.days, workingDaysOnly), lang)}
            onClick={() => void schedule(relanceDayIn(todayIso(), preset.days, workingDaysOnly))}
          >
            {preset.label[lang]}
          </button>
        ))}
        <button
          type="button"
          data-testid="relance-preset"
          data-days={daysBetween(today, nextMonday(today))}
          className={`${buttonClass.secondary} text-xs`}
          title={formatDay(nextMonday(today), lang)}
          onClick={() => void schedule(nextMonday(todayIso()))}
        >
          {NEXT_MONDAY_LABEL[lang]}
        </button>
      </div>
      <div className="mt-2 flex flex-wrap gap-1.5">
        <input
          className={`${inputClass} basis-full`}
          aria-label={t.addNote}
          placeholder={t.addNote}
          value={note}
          maxLength={2000}
          onChange={(event) => setNote(event.target.value)}
        />
        <input
          type="time"
          className={`${inputClass} w-auto`}
          aria-label={t.relanceTime}
          value={time}
          onChange={(event) => setTime(event.target.value)}
        />
        <input
          type="date"
          className={`${inputClass} w-auto`}
          aria-label={t.scheduleRelance}
          min={today}
          value={custom}
          onChange={(event) => setCustom(event.target.value)}
        />
        <button
          type="button"
          data-testid="relance-custom"
          className={buttonClass.primary}
          disabled={!custom}
          onClick={() => void schedule(custom)}
        >
          {t.relanceOnDate}
        </button>
      </div>
      {scheduled && (
        <p role="status" className="mt-1 text-emerald-800 dark:text-emerald-200">
          {t.relanceScheduled(formatDay(scheduled, lang))}
        </p>
      )}
    </Section>
  );
}
