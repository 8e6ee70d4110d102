import { type FormEvent, useId, useState } from 'react';
import { db } from '../../db/instance';
import { type ProspectPatch, updateProspectFields } from '../../db/repository';
import { type Prospect, QUALIFICATIONS, type Qualification } from '../../model';
import { buttonClass, inputClass } from '../components';
import { useI18n } from '../i18n-context';
import { failureMessage } from './failure-message';

const TEXT_FIELDS = ['fullName', 'jobTitle', 'company', 'location', 'headline', 'linkedinUrl'] as const;
const LIST_FIELDS = ['emails', 'phones', 'tags'] as const;

const splitList = (value: string) =>
  value
    .split(/[,;\n]/)
    .map((item) => item.trim())
    .filter(Boolean);

/** Inline edit of every field; what the rep changes is locked against later page recognition. */
export function ProspectEditor({ prospect, onDone }: { prospect: Prospect; onDone: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Record<string, string>>(() => ({
    ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, prospect[field] ?? ''])),
    ...Object.fromEntries(LIST_FIELDS.map((field) => [field, prospect[field].join(', ')])),
    notes: prospect.notes ?? '',
    qualification: prospect.qualification,
  }));
  const [error, setError] = useState<string | null>(null);
  const formId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const patch: ProspectPatch = {
      fullName: draft.fullName ?? '',
      jobTitle: draft.jobTitle || null,
      company: draft.company || null,
      location: draft.location || null,
      headline: draft.headline || null,
      linkedinUrl: draft.linkedinUrl || null,
      emails: splitList(draft.emails ?? ''),
      phones: splitList(draft.phones ?? ''),
      tags: splitList(draft.tags ?? ''),
      notes: draft.notes || null,
      qualification: draft.qualification as Qualification,
    };
    try {
      await updateProspectFields(db, prospect.id, patch, { byUser: true });
      onDone();
    } catch (failure) {
      setError(failureMessage(failure, t));
    }
  };

  const field = (name: string, label: string, multiline = false) => (
    <div key={name}>
      <label htmlFor={`${formId}-${name}`} className="text-xs font-medium text-slate-600 dark:text-slate-300">
        {label}
      </label>
      {multiline ? (
        <textarea
          id={`${formId}-${name}`}
          className={`${inputClass} min-h-20`}
          value={draft[name] ?? ''}
          maxLength={20000}
          onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
        />
      ) : (
        <input
          id={`${formId}-${name}`}
          className={inputClass}
          value={draft[name] ?? ''}
          maxLength={400}
          onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
        />
      )}
    </div>
  );

  return (
    <form className="space-y-2 px-4 pb-3" onSubmit={(event) => void submit(event)} data-testid="prospect-editor">
      {TEXT_FIELDS.map((name) => field(name, t.fields[name]))}
      {LIST_FIELDS.map((name) => field(name, t.fields[name]))}
      <label className="block">
        <span className="text-xs font-medium text-slate-600 dark:text-slate-300">{t.qualificationLabel}</span>
        <select
          className={inputClass}
          value={draft.qualification}
          onChange={(event) => setDraft({ ...draft, qualification: event.target.value })}
        >
          {QUALIFICATIONS.map((q) => (
            <option key={q} value={q}>
              {t.qualification[q]}
            </option>
          ))}
        </select>
      </label>
      {field('notes', t.fields.notes, true)}
      {error && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass.primary}>
          {t.save}
        </button>
        <button type="button" className={buttonClass.secondary} onClick={onDone}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
