import { UserPlus } from 'lucide-react';
import { useState } from 'react';
import { db } from '../../db/instance';
import { addProspectFromContact } from '../../db/repository';
import type { PageContact } from '../../model/page-contact';
import { buttonClass, Chip, Initials } from '../components';
import { useI18n } from '../i18n-context';

/** Somebody the page shows who is not in the prospect file yet. */
export function RecognizedPerson({ contact }: { contact: PageContact }) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = contact.fullName ?? contact.email ?? '';

  const add = async () => {
    setAdding(true);
    setError(null);
    try {
      await addProspectFromContact(db, contact, contact.site);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setAdding(false);
    }
  };

  return (
    <div className="px-4 pb-4">
      <div className="flex items-start gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-700">
        <Initials name={name} />
        <div className="min-w-0 flex-1">
          <p data-testid="recognized-name" className="truncate text-base font-semibold">
            {name}
          </p>
          {contact.headline && <p className="line-clamp-2 text-slate-600 dark:text-slate-300">{contact.headline}</p>}
          {(contact.company || contact.location) && (
            <p className="text-slate-500 dark:text-slate-400">{[contact.company, contact.location].filter(Boolean).join(' · ')}</p>
          )}
          <div className="mt-1">
            <Chip>{t.recognizedOn(t.sites[contact.site])}</Chip>
          </div>
        </div>
      </div>
      <p className="mt-3 text-slate-600 dark:text-slate-300">{t.notInFile}</p>
      <button type="button" data-testid="add-prospect" className={`${buttonClass.primary} mt-2 w-full`} disabled={adding} onClick={add}>
        <UserPlus aria-hidden="true" className="h-4 w-4" />
        {adding ? t.adding : t.addProspect}
      </button>
      {error && (
        <p role="alert" className="mt-2 text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
