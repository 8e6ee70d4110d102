import { useState } from 'react';
import { db } from '../../db/instance';
import { logInteraction, updateInteractionNote } from '../../db/repository';
import type { Prospect } from '../../model';
import { CHANNELS, type Channel } from '../../process';
import { ChannelIcon } from '../channel-icon';
import { buttonClass, inputClass, Section } from '../components';
import { useI18n } from '../i18n-context';

/** One click logs today's contact; the note is optional and inline, never a modal. */
export function LogContact({ prospect }: { prospect: Prospect }) {
  const { t } = useI18n();
  const [logged, setLogged] = useState<{ id: string; channel: Channel } | null>(null);
  const [note, setNote] = useState('');

  const log = async (channel: Channel) => {
    const interaction = await logInteraction(db, prospect.id, channel, {});
    setLogged({ id: interaction.id, channel });
    setNote('');
  };

  const saveNote = async () => {
    if (logged && note.trim()) await updateInteractionNote(db, logged.id, note.trim());
    setLogged(null);
  };

  return (
    <Section title={t.logContact}>
      <div className="grid grid-cols-3 gap-1.5">
        {CHANNELS.map((channel) => (
          <button
            key={channel}
            type="button"
            data-testid="log-contact"
            data-channel={channel}
            className={`${buttonClass.secondary} flex-col gap-0.5 px-1 py-2 text-xs`}
            onClick={() => void log(channel)}
          >
            <ChannelIcon channel={channel} />
            <span className="max-w-full truncate">{t.channel[channel]}</span>
          </button>
        ))}
      </div>
      {logged && (
        <form
          className="mt-2 rounded-md bg-emerald-50 p-2 dark:bg-emerald-950"
          onSubmit={(event) => {
            event.preventDefault();
            void saveNote();
          }}
        >
          <p role="status" className="text-emerald-900 dark:text-emerald-100">
            {t.logged(t.channel[logged.channel])}
          </p>
          <div className="mt-1 flex gap-1.5">
            <input
              className={inputClass}
              aria-label={t.addNote}
              placeholder={t.addNote}
              value={note}
              maxLength={2000}
              onChange={(event) => setNote(event.target.value)}
            />
            <button type="submit" className={buttonClass.primary}>
              {note.trim() ? t.saveNote : t.skipNote}
            </button>
          </div>
        </form>
      )}
    </Section>
  );
}
