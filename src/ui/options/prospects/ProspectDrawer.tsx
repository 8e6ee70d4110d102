import { useLiveQuery } from 'dexie-react-hooks';
import { ExternalLink, X } from 'lucide-react';
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { db } from '../../../db/instance';
import { getStage } from '../../../process';
import { buttonClass, Chip, Initials } from '../../components';
import { formatDay } from '../../format';
import { useI18n } from '../../i18n-context';
import { useStrings } from '../../localized';
import { prospectsStrings } from './strings';

/**
 * One prospect's main fields, read-only, in a drawer on the right (a modal <dialog>: focus
 * stays inside, Escape or a click beside it closes, focus returns to the row).
 */
export function ProspectDrawer({ prospectId, onClose }: { prospectId: string; onClose: () => void }) {
  const s = useStrings(prospectsStrings);
  const { lang } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const data = useLiveQuery(async () => {
    const [prospect, interactions, relances] = await Promise.all([
      db.prospects.get(prospectId),
      db.interactions.where('prospectId').equals(prospectId).count(),
      db.relances.where('prospectId').equals(prospectId).toArray(),
    ]);
    const next = relances.filter((relance) => relance.status === 'open').sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
    return { prospect, interactions, relances: relances.length, next };
  }, [prospectId]);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => {
      if (element?.open) element.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  // Erased meanwhile (from the bulk bar or another window): nothing left to show.
  useEffect(() => {
    if (data && !data.prospect) onClose();
  }, [data, onClose]);

  const prospect = data?.prospect;
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop closes; the keyboard's way is Escape (the dialog's cancel event).
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      data-testid="prospect-drawer"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      className="fixed inset-y-0 right-0 left-auto m-0 h-dvh max-h-dvh w-[min(30rem,100vw)] max-w-full overflow-y-auto border-l border-slate-200 bg-white p-0 text-sm text-slate-900 shadow-2xl backdrop:bg-slate-900/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="space-y-4 p-5">
        <div className="flex items-start gap-3">
          <Initials name={prospect?.fullName ?? ''} />
          <div className="min-w-0 flex-1">
            <h2 id={titleId} className="break-words text-lg font-semibold" data-testid="drawer-name">
              {prospect?.fullName ?? ''}
            </h2>
            {prospect && (prospect.jobTitle || prospect.company) && (
              <p className="text-slate-600 dark:text-slate-300">{[prospect.jobTitle, prospect.company].filter(Boolean).join(' · ')}</p>
            )}
            {prospect && (
              <div className="mt-1 flex flex-wrap gap-1.5">
                <Chip tone="indigo">{getStage(prospect.stage).title[lang]}</Chip>
                <Chip tone={prospect.qualification === 'client' ? 'green' : 'slate'}>{s.qualification[prospect.qualification]}</Chip>
                {prospect.outcome && (
                  <Chip tone={prospect.outcome.result === 'won' ? 'green' : 'red'}>{s.outcome[prospect.outcome.result]}</Chip>
                )}
              </div>
            )}
          </div>
          <button
            type="button"
            data-testid="drawer-close"
            className={buttonClass.ghost}
            aria-label={s.close}
            title={s.close}
            onClick={onClose}
          >
            <X aria-hidden="true" className="h-4 w-4" />
          </button>
        </div>

        {prospect?.linkedinUrl && (
          <a
            href={prospect.linkedinUrl}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="drawer-linkedin"
            className={`${buttonClass.secondary} w-full`}
          >
            <ExternalLink aria-hidden="true" className="h-4 w-4" />
            {s.linkedin}
            <span className="sr-only"> {s.newTab}</span>
          </a>
        )}

        {prospect && data && (
          <dl className="grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-4 gap-y-2">
            <Field label={s.fields.headline} value={prospect.headline} />
            <Field label={s.fields.location} value={prospect.location} />
            <Field
              label={s.fields.emails}
              value={
                prospect.emails.length > 0 ? (
                  <ul>
                    {prospect.emails.map((email) => (
                      <li key={email}>
                        <a className="break-all text-indigo-700 underline dark:text-indigo-300" href={`mailto:${email}`}>
                          {email}
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : undefined
              }
            />
            <Field label={s.fields.phones} value={prospect.phones.length > 0 ? prospect.phones.join(', ') : undefined} />
            <Field label={s.fields.tags} value={prospect.tags.length > 0 ? prospect.tags.join(', ') : undefined} />
            <Field
              label={s.fields.outcome}
              value={
                prospect.outcome
                  ? `${s.outcome[prospect.outcome.result]}${prospect.outcome.reason ? ` — ${prospect.outcome.reason}` : ''}`
                  : undefined
              }
            />
            <Field label={s.fields.records} value={s.records(data.interactions, data.relances)} />
            <Field label={s.fields.nextRelance} value={data.next ? formatDay(data.next.dueDate, lang) : s.noRelance} />
            <Field label={s.fields.source} value={prospect.source} />
            <Field label={s.fields.createdAt} value={date.format(prospect.createdAt)} />
            <Field label={s.fields.updatedAt} value={date.format(prospect.updatedAt)} />
          </dl>
        )}

        {prospect?.notes && (
          <div>
            <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">{s.fields.notes}</h3>
            <p className="whitespace-pre-wrap rounded-md bg-slate-50 p-2 dark:bg-slate-800">{prospect.notes}</p>
          </div>
        )}
      </div>
    </dialog>
  );
}

function Field({ label, value }: { label: string; value: ReactNode }) {
  if (value === undefined || value === '') return null;
  return (
    <>
      <dt className="text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="min-w-0 break-words">{value}</dd>
    </>
  );
}
