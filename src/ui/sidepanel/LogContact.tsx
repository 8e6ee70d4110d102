import { Mail } from 'lucide-react';
import { useState } from 'react';
import { db } from '../../db/instance';
import { logInteraction, scheduleRelance, updateInteractionNote } from '../../db/repository';
import type { Prospect } from '../../model';
import type { PageContact } from '../../model/page-contact';
import { CHANNELS, type Channel, type IsoDate, proposeNextRelance, todayIso } from '../../process';
import { ChannelIcon } from '../channel-icon';
import { buttonClass, inputClass, Section } from '../components';
import { formatDay } from '../format';
import { useI18n } from '../i18n-context';
import { useCadences, useSettings } from '../use-settings';

interface Logged {
  id: string;
  label: string;
  proposal: { dueDate: string } | null;
}

/**
 * One click logs today's contact; the note is optional and inline, never a modal; then the
 * stage's cadence proposes the next relance (its next step, counted from `stageSince`, the
 * day the prospect entered its stage), accepted in one click.
 */
export function LogContact({
  prospect,
  contact,
  hasOpenRelance,
  stageSince,
}: {
  prospect: Prospect;
  contact: PageContact | null;
  hasOpenRelance: boolean;
  stageSince?: IsoDate | undefined;
}) {
  const { t, lang } = useI18n();
  const [logged, setLogged] = useState<Logged | null>(null);
  const cadences = useCadences();
  const workingDaysOnly = useSettings()?.workingDaysOnly ?? true;
  const [note, setNote] = useState('');

  const afterLog = (id: string, label: string) => {
    const dueDate = proposeNextRelance(prospect.stage, todayIso(), { cadences, workingDaysOnly, hasOpenRelance, stageSince });
    setLogged({ id, label, proposal: dueDate === null ? null : { dueDate } });
    setNote('');
  };

  const log = async (channel: Channel) => {
    const interaction = await logInteraction(db, prospect.id, channel, {});
    afterLog(interaction.id, t.logged(t.channel[channel]));
  };

  const logEmail = async () => {
    if (!contact?.subject) return;
    const interaction = await logInteraction(db, prospect.id, 'email', { subject: contact.subject });
    afterLog(interaction.id, t.emailLogged);
  };

  const saveNote = async () => {
    if (logged && note.trim()) await updateInteractionNote(db, logged.id, note.trim());
    setLogged(null);
  };

  const acceptProposal = async () => {
    if (!logged?.proposal) return;
    await scheduleRelance(db, prospect.id, logged.proposal.dueDate);
    setLogged({ ...logged, proposal: null });
  };

  return (
    <Section title={t.logContact}>
      {contact?.kind === 'email-thread' && contact.subject && (
        <button
          type="button"
          data-testid="log-email"
          className={`${buttonClass.secondary} mb-1.5 w-full justify-start`}
          onClick={() => void logEmail()}
        >
          <Mail aria-hidden="true" className="h-4 w-4 shrink-0" />
          <span className="truncate">
            {t.logThisEmail} — {contact.subject}
          </span>
        </button>
      )}
      <ChannelButtons onLog={(channel) => void log(channel)} />
      {logged && (
        <form
          className="mt-2 rounded-md bg-emerald-50 p-2 dark:bg-emerald-950"
          onSubmit={(event) => {
            event.preventDefault();
            void saveNote();
          }}
        >
          <p role="status" className="text-emerald-900 dark:text-emerald-100">
            {logged.label}
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
          {logged.proposal && (
            <div className="mt-2 flex items-center justify-between gap-2" data-testid="relance-proposal" data-due={logged.proposal.dueDate}>
              <span className="text-emerald-900 dark:text-emerald-100">{t.proposeRelance(formatDay(logged.proposal.dueDate, lang))}</span>
              <button
                type="button"
                data-testid="relance-proposal-accept"
                className={buttonClass.secondary}
                onClick={() => void acceptProposal()}
              >
                {t.acceptRelance}
              </button>
            </div>
          )}
        </form>
      )}
    </Section>
  );
}

export function ChannelButtons({ onLog }: { onLog: (channel: Channel) => void }) {
  const { t } = useI18n();
  return (
    <div className="grid grid-cols-3 gap-1.5">
      {CHANNELS.map((channel) => (
        <button
          key={channel}
          type="button"
          data-testid="log-contact"
          data-channel={channel}
          className={`${buttonClass.secondary} flex-col gap-0.5 px-1 py-2 text-xs`}
          onClick={() => onLog(channel)}
        >
          <ChannelIcon channel={channel} />
          <span className="max-w-full truncate">{t.channel[channel]}</span>
        </button>
      ))}
    </div>
  );
}
