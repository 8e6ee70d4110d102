import { Pencil } from 'lucide-react';
import { useState } from 'react';
import type { Prospect, Relance } from '../../model';
import type { Confidence, PageContact } from '../../model/page-contact';
import { daysBetween, getStage, todayIso } from '../../process';
import { buttonClass, Chip, Initials } from '../components';
import { formatDay, relativeDay } from '../format';
import { useI18n } from '../i18n-context';
import { ProspectEditor } from './ProspectEditor';

interface Props {
  prospect: Prospect;
  contact: PageContact | null;
  nextRelance: Relance | undefined;
  lastContactAt: number | undefined;
}

/** Who this is and where things stand, readable in two seconds. */
export function ProspectHeader({ prospect, contact, nextRelance, lastContactAt }: Props) {
  const { t, lang } = useI18n();
  const [editing, setEditing] = useState(false);
  const today = todayIso();
  const overdue = nextRelance ? nextRelance.dueDate < today : false;
  const identities = [
    prospect.linkedinUrl && t.identities.linkedin,
    prospect.emails.length > 0 && t.identities.email,
    prospect.salesNavId && t.identities.salesnav,
  ].filter((label): label is string => Boolean(label));

  if (editing) return <ProspectEditor prospect={prospect} onDone={() => setEditing(false)} />;

  return (
    <div className="flex items-start gap-3 px-4 pb-3">
      <Initials name={prospect.fullName} />
      <div className="min-w-0 flex-1">
        <div className="flex items-start justify-between gap-2">
          <h1 data-testid="prospect-name" className="min-w-0 break-words text-base font-semibold">
            {prospect.fullName}
          </h1>
          <button type="button" className={buttonClass.ghost} aria-label={t.edit} title={t.edit} onClick={() => setEditing(true)}>
            <Pencil aria-hidden="true" className="h-3.5 w-3.5" />
          </button>
        </div>
        {(prospect.jobTitle || prospect.company) && (
          <p className="text-slate-600 dark:text-slate-300">{[prospect.jobTitle, prospect.company].filter(Boolean).join(' · ')}</p>
        )}
        {!prospect.jobTitle && prospect.headline && <p className="line-clamp-2 text-slate-500 dark:text-slate-400">{prospect.headline}</p>}
        <div className="mt-1 flex flex-wrap items-center gap-1.5">
          <span data-testid="prospect-stage" data-stage={prospect.stage}>
            <Chip tone="indigo">{getStage(prospect.stage).title[lang]}</Chip>
          </span>
          <Chip tone={prospect.qualification === 'client' ? 'green' : 'slate'}>{t.qualification[prospect.qualification]}</Chip>
          {prospect.outcome?.result === 'lost' && <Chip tone="red">{t.markLost}</Chip>}
          {identities.map((label) => (
            <Chip key={label}>{label}</Chip>
          ))}
        </div>
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
          {lastContactAt === undefined
            ? t.neverContacted
            : t.lastContact(Math.max(0, daysBetween(todayIso(new Date(lastContactAt)), today)))}
        </p>
        <p data-testid="next-relance" data-due={nextRelance?.dueDate ?? ''} data-overdue={String(overdue)} className="text-xs">
          {nextRelance ? (
            <span className={overdue ? 'font-semibold text-red-700 dark:text-red-300' : 'text-slate-700 dark:text-slate-200'}>
              {t.nextRelance} {formatDay(nextRelance.dueDate, lang)} ({relativeDay(nextRelance.dueDate, today, t)})
              {nextRelance.note ? ` — ${nextRelance.note}` : ''}
            </span>
          ) : (
            <span className="text-slate-500 dark:text-slate-400">{t.noRelance}</span>
          )}
        </p>
        {contact && <FieldSources prospect={prospect} contact={contact} />}
      </div>
    </div>
  );
}

/** "company: guessed": what the page gave and how sure recognition was, unless the rep corrected it. */
function FieldSources({ prospect, contact }: { prospect: Prospect; contact: PageContact }) {
  const { t } = useI18n();
  const weak: Array<[string, Confidence]> = Object.entries(contact.confidence ?? {}).filter(
    (entry): entry is [string, Confidence] => entry[1] === 'guess' || entry[1] === 'title',
  );
  const labels = t.fields as Record<string, string>;
  const shown = weak.filter(([field]) => field in labels && field !== 'linkedinUrl');
  if (shown.length === 0) return null;
  return (
    <p className="mt-1 text-xs text-slate-500 dark:text-slate-400" data-testid="field-confidence">
      {shown
        .map(([field, level]) =>
          t.fieldSource(labels[field] ?? field, prospect.lockedFields.includes(field) ? t.corrected : t.confidence[level]),
        )
        .join(' · ')}
    </p>
  );
}
