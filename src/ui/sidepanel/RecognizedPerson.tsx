import { UserPlus } from 'lucide-react';
import { useState } from 'react';
import { rejectSuggestion } from '../../db/identity';
import { db } from '../../db/instance';
import { addProspectFromContact, linkContactToProspect, logInteraction } from '../../db/repository';
import type { Prospect } from '../../model';
import type { PageContact } from '../../model/page-contact';
import type { Channel } from '../../process';
import { buttonClass, Chip, Initials, Section } from '../components';
import { useI18n } from '../i18n-context';
import { failureMessage } from './failure-message';
import { ChannelButtons } from './LogContact';

/** Somebody the page shows who is not in the prospect file yet (or only maybe, by name). */
export function RecognizedPerson({ contact, suggestions }: { contact: PageContact; suggestions: Prospect[] }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pendingChannel, setPendingChannel] = useState<Channel | null>(null);
  const name = contact.fullName ?? contact.email ?? '';

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failureMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  const addThenLog = (channel: Channel) =>
    run(async () => {
      const { prospect } = await addProspectFromContact(db, contact, contact.site);
      await logInteraction(db, prospect.id, channel, contact.subject && channel === 'email' ? { subject: contact.subject } : {});
    });

  return (
    <div>
      <div className="px-4 pb-3">
        <div className="flex items-start gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-700">
          <Initials name={name} />
          <div className="min-w-0 flex-1">
            <p data-testid="recognized-name" className="break-words text-base font-semibold">
              {name}
            </p>
            {contact.email && contact.fullName && <p className="truncate text-slate-600 dark:text-slate-300">{contact.email}</p>}
            {contact.headline && <p className="line-clamp-2 text-slate-600 dark:text-slate-300">{contact.headline}</p>}
            {(contact.company || contact.location) && (
              <p className="text-slate-500 dark:text-slate-400">{[contact.company, contact.location].filter(Boolean).join(' · ')}</p>
            )}
            {contact.subject && <p className="truncate text-xs text-slate-500 dark:text-slate-400">« {contact.subject} »</p>}
            <div className="mt-1">
              <Chip>{t.recognizedOn(t.sites[contact.site])}</Chip>
            </div>
          </div>
        </div>

        {suggestions.map((prospect) => (
          <div
            key={prospect.id}
            data-testid="match-suggestion"
            data-prospect-name={prospect.fullName}
            className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 dark:border-amber-700 dark:bg-amber-950"
          >
            <p className="font-medium text-amber-900 dark:text-amber-100">
              {t.isThis([prospect.fullName, prospect.company].filter(Boolean).join(', '))}
            </p>
            <div className="mt-1 flex gap-2">
              <button
                type="button"
                data-testid="link-suggestion"
                className={buttonClass.primary}
                disabled={busy}
                onClick={() => void run(() => linkContactToProspect(db, prospect, contact))}
              >
                {t.linkSuggestion}
              </button>
              <button
                type="button"
                data-testid="reject-suggestion"
                className={buttonClass.secondary}
                disabled={busy}
                onClick={() => void run(() => rejectSuggestion(db, prospect.id, contact))}
              >
                {t.rejectSuggestion}
              </button>
            </div>
          </div>
        ))}

        <p className="mt-3 text-slate-600 dark:text-slate-300">{t.notInFile}</p>
        <button
          type="button"
          data-testid="add-prospect"
          className={`${buttonClass.primary} mt-2 w-full`}
          disabled={busy}
          onClick={() => void run(() => addProspectFromContact(db, contact, contact.site))}
        >
          <UserPlus aria-hidden="true" className="h-4 w-4" />
          {busy ? t.adding : t.addProspect}
        </button>
        {error && (
          <p role="alert" className="mt-2 text-red-700 dark:text-red-300">
            {error}
          </p>
        )}
      </div>
      <Section title={t.logContact}>
        <ChannelButtons onLog={setPendingChannel} />
        {pendingChannel && (
          <div className="mt-2 rounded-md bg-indigo-50 p-2 dark:bg-indigo-950">
            <p>{t.addFirst}</p>
            <div className="mt-1 flex gap-2">
              <button
                type="button"
                data-testid="add-and-log"
                className={buttonClass.primary}
                disabled={busy}
                onClick={() => {
                  void addThenLog(pendingChannel);
                  setPendingChannel(null);
                }}
              >
                {t.addAndLog(t.channel[pendingChannel])}
              </button>
              <button type="button" className={buttonClass.secondary} onClick={() => setPendingChannel(null)}>
                {t.cancel}
              </button>
            </div>
          </div>
        )}
      </Section>
    </div>
  );
}
