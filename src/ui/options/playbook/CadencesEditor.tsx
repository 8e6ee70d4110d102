import { useId, useState } from 'react';
import { ValidationError } from '../../../db/errors';
import { db } from '../../../db/instance';
import { saveSettings } from '../../../db/repository';
import { CADENCE_KEYS, type CadenceSettings, DEFAULT_SETTINGS, type Settings } from '../../../model/settings';
import { effectiveCadences } from '../../../process/playbook';
import { buttonClass, inputClass } from '../../components';
import { useI18n } from '../../i18n-context';
import { useStrings } from '../../localized';
import { useToast } from '../../toast';
import { issueStrings } from '../offers/strings';
import { localizeIssue } from '../offers/validation';
import { playbookStrings } from './strings';

type CadenceKey = (typeof CADENCE_KEYS)[number];

const format = (days: readonly number[]) => days.join(', ');

/** "2, 7 14" → [2, 7, 14]; null when a part is not a whole number of days from 1 to 365, or more than 10. */
export function parseDays(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter((part) => part !== '');
  if (parts.length > 10 || parts.some((part) => !/^\d{1,3}$/.test(part))) return null;
  const days = parts.map(Number);
  if (days.some((day) => day < 1 || day > 365)) return null;
  return [...new Set(days)].sort((a, b) => a - b);
}

const textsOf = (cadences: CadenceSettings) =>
  Object.fromEntries(CADENCE_KEYS.map((key) => [key, format(cadences[key])])) as Record<CadenceKey, string>;

/** The relance cadences: days after the triggering event, one list per situation. */
export function CadencesEditor({ settings }: { settings: Settings }) {
  const s = useStrings(playbookStrings);
  const si = useStrings(issueStrings);
  const { lang } = useI18n();
  const toast = useToast();
  const base = useId();
  const [texts, setTexts] = useState(() => textsOf(settings.cadences));
  const [invalid, setInvalid] = useState<CadenceKey[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const cadences = effectiveCadences(settings);

  const save = async (next: CadenceSettings, message: string) => {
    try {
      const saved = await saveSettings(db, { cadences: next });
      setTexts(textsOf(saved.cadences));
      setInvalid([]);
      setFailure(null);
      toast({ message });
    } catch (error) {
      const text =
        error instanceof ValidationError
          ? error.issues.map((issue) => localizeIssue(issue.message, si)).join(' ; ')
          : error instanceof Error
            ? error.message
            : String(error);
      setFailure(s.failed(text));
    }
  };

  const submit = () => {
    const parsed = CADENCE_KEYS.map((key) => [key, parseDays(texts[key])] as const);
    const bad = parsed.filter(([, days]) => days === null).map(([key]) => key);
    setInvalid(bad);
    if (bad.length > 0) {
      requestAnimationFrame(() => document.getElementById(`${base}-${bad[0]}`)?.focus());
      return;
    }
    void save(Object.fromEntries(parsed) as CadenceSettings, s.cadencesSaved);
  };

  return (
    <section aria-labelledby={`${base}-title`} className="space-y-3" data-testid="cadences-editor">
      <h2 id={`${base}-title`} className="text-base font-semibold">
        {s.cadencesTitle}
      </h2>
      <p className="text-slate-600 dark:text-slate-300">{s.cadencesIntro}</p>
      <form
        noValidate
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="grid gap-3 md:grid-cols-2">
          {cadences.map((cadence) => {
            const key = cadence.key as CadenceKey;
            const inputId = `${base}-${key}`;
            const isInvalid = invalid.includes(key);
            return (
              <div key={key} className="rounded-md bg-slate-50 p-3 dark:bg-slate-800/60">
                <label htmlFor={inputId} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-100">
                  {s.cadenceDaysLabel(cadence.label[lang])}
                </label>
                <input
                  id={inputId}
                  data-testid="cadence-days"
                  data-cadence={key}
                  inputMode="numeric"
                  className={`${inputClass}${isInvalid ? ' border-red-600 dark:border-red-400' : ''}`}
                  value={texts[key]}
                  aria-invalid={isInvalid || undefined}
                  aria-describedby={`${inputId}-hint${isInvalid ? ` ${inputId}-error` : ''}`}
                  onChange={(event) => setTexts({ ...texts, [key]: event.target.value })}
                />
                <p id={`${inputId}-hint`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                  {cadence.workingDays ? s.workingDays : s.calendarDays} · {s.cadenceDefault(format(DEFAULT_SETTINGS.cadences[key]))}
                </p>
                {isInvalid && (
                  <p id={`${inputId}-error`} className="mt-1 text-sm font-medium text-red-700 dark:text-red-300">
                    {s.cadenceInvalid}
                  </p>
                )}
              </div>
            );
          })}
        </div>
        {failure && (
          <p role="alert" className="text-red-700 dark:text-red-300">
            {failure}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <button type="submit" data-testid="cadences-save" className={buttonClass.primary}>
            {s.saveCadences}
          </button>
          <button
            type="button"
            data-testid="cadences-reset"
            className={buttonClass.secondary}
            onClick={() => void save(structuredClone(DEFAULT_SETTINGS.cadences) as CadenceSettings, s.cadencesReset)}
          >
            {s.resetCadences}
          </button>
        </div>
      </form>
    </section>
  );
}
