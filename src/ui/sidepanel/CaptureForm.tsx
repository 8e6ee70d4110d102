import { type FormEvent, useId, useState } from 'react';
import { db } from '../../db/instance';
import { addProspectFromContact } from '../../db/repository';
import { requestPanelFocus } from '../../storage/panel-focus';
import { clearPendingCapture, type PendingCapture } from '../../storage/pending-capture';
import { buttonClass, inputClass } from '../components';
import { useI18n } from '../i18n-context';
import { useToast } from '../toast';
import { failureMessage } from './failure-message';

const FIELDS = ['fullName', 'jobTitle', 'company', 'email', 'phone', 'linkedinUrl', 'location'] as const;
type Field = (typeof FIELDS)[number];

const splitList = (value: string) =>
  value
    .split(/[,;]/)
    .map((item) => item.trim())
    .filter(Boolean);

/** A lead parsed from a selection or a page: checked and corrected by the rep before it is saved. */
export function CaptureForm({ capture }: { capture: PendingCapture }) {
  const { t } = useI18n();
  const toast = useToast();
  const formId = useId();
  const { contact } = capture;
  const [draft, setDraft] = useState<Record<Field, string>>({
    fullName: contact.fullName ?? '',
    jobTitle: contact.jobTitle ?? '',
    company: contact.company ?? '',
    email: (capture.emails.length > 0 ? capture.emails : contact.email ? [contact.email] : []).join(', '),
    phone: capture.phones.join(', '),
    linkedinUrl: contact.linkedinUrl ?? '',
    location: contact.location ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const confidence = contact.confidence ?? {};
  const confidenceOf = (field: Field) => confidence[field === 'email' ? 'email' : field === 'phone' ? 'phones' : field];

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const emails = splitList(draft.email);
    try {
      const { prospect, created, added } = await addProspectFromContact(
        db,
        {
          site: contact.site,
          kind: 'person',
          ...(draft.fullName.trim() ? { fullName: draft.fullName.trim() } : {}),
          ...(draft.jobTitle.trim() ? { jobTitle: draft.jobTitle.trim() } : {}),
          ...(draft.company.trim() ? { company: draft.company.trim() } : {}),
          ...(draft.linkedinUrl.trim() ? { linkedinUrl: draft.linkedinUrl.trim() } : {}),
          ...(draft.location.trim() ? { location: draft.location.trim() } : {}),
          ...(emails[0] ? { email: emails[0] } : {}),
          emails,
          phones: splitList(draft.phone),
        },
        capture.source,
      );
      await clearPendingCapture(capture.tabId);
      await requestPanelFocus(prospect.id);
      const fieldNames = added.map((field) => t.fieldNames[field] ?? field).join(', ');
      toast({
        message: created
          ? t.captureSaved(prospect.fullName)
          : added.length > 0
            ? t.captureMerged(prospect.fullName, fieldNames)
            : t.captureAlready(prospect.fullName),
      });
    } catch (failure) {
      setError(failureMessage(failure, t));
    }
  };

  return (
    <form
      data-testid="capture-form"
      className="mx-4 mb-3 space-y-2 rounded-lg border border-indigo-300 bg-indigo-50 p-3 dark:border-indigo-700 dark:bg-indigo-950"
      onSubmit={(event) => void save(event)}
    >
      <h2 className="font-semibold">{t.captureTitle}</h2>
      <p className="text-xs text-slate-600 dark:text-slate-300">{t.captureHint}</p>
      {FIELDS.map((field) => {
        const level = confidenceOf(field);
        return (
          <div key={field}>
            <label
              htmlFor={`${formId}-${field}`}
              className="flex items-baseline justify-between text-xs font-medium text-slate-600 dark:text-slate-300"
            >
              <span>{t.captureFields[field]}</span>
              {level && draft[field] && (
                <span className={level === 'guess' ? 'text-amber-700 dark:text-amber-300' : 'text-slate-600 dark:text-slate-300'}>
                  {t.confidence[level]}
                </span>
              )}
            </label>
            <input
              id={`${formId}-${field}`}
              data-testid="capture-field"
              data-field={field}
              className={inputClass}
              value={draft[field]}
              maxLength={400}
              onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
            />
          </div>
        );
      })}
      {error && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" data-testid="capture-save" className={buttonClass.primary}>
          {t.captureSave}
        </button>
        <button
          type="button"
          data-testid="capture-dismiss"
          className={buttonClass.secondary}
          onClick={() => void clearPendingCapture(capture.tabId)}
        >
          {t.captureDismiss}
        </button>
      </div>
    </form>
  );
}
