import { type FormEvent, type ReactNode, useEffect, useId, useState } from 'react';
import { ValidationError } from '../../../db/errors';
import { db } from '../../../db/instance';
import { saveSettings } from '../../../db/repository';
import { resolveLang } from '../../../i18n';
import { LANGUAGES, type Language } from '../../../model/enums';
import type { Objectives, Settings } from '../../../model/settings';
import { buttonClass, inputClass } from '../../components';
import { useI18n } from '../../i18n-context';
import { useStrings } from '../../localized';
import { useToast } from '../../toast';
import { useSettings } from '../../use-settings';
import { issueStrings } from '../offers/strings';
import { localizeIssue } from '../offers/validation';
import { settingsStrings } from './strings';

const OBJECTIVE_KEYS = ['contactsPerWeek', 'newProspectsPerMonth', 'wonPerMonth'] as const satisfies readonly (keyof Objectives)[];

type NumberField = 'noContactDays' | 'backupReminderDays' | (typeof OBJECTIVE_KEYS)[number];

const RANGES: Record<NumberField, { min: number; max: number; optional?: boolean }> = {
  noContactDays: { min: 1, max: 365 },
  backupReminderDays: { min: 0, max: 365 },
  contactsPerWeek: { min: 1, max: 100_000, optional: true },
  newProspectsPerMonth: { min: 1, max: 100_000, optional: true },
  wonPerMonth: { min: 1, max: 100_000, optional: true },
};

/** The shared input look without its full width. */
const narrowInputClass = inputClass.replace('w-full', '');

type Draft = {
  numbers: Record<NumberField, string>;
  workingDaysOnly: boolean;
  quietEnabled: boolean;
  quietStart: string;
  quietEnd: string;
};

function draftOf(settings: Settings): Draft {
  return {
    numbers: {
      noContactDays: String(settings.noContactDays),
      backupReminderDays: String(settings.backupReminderDays),
      contactsPerWeek: settings.objectives.contactsPerWeek?.toString() ?? '',
      newProspectsPerMonth: settings.objectives.newProspectsPerMonth?.toString() ?? '',
      wonPerMonth: settings.objectives.wonPerMonth?.toString() ?? '',
    },
    workingDaysOnly: settings.workingDaysOnly,
    quietEnabled: settings.quietHours !== null,
    quietStart: settings.quietHours?.start ?? '20:00',
    quietEnd: settings.quietHours?.end ?? '08:00',
  };
}

/** A whole number in range; undefined for a blank optional field; null when invalid. */
function parseNumber(text: string, range: { min: number; max: number; optional?: boolean }): number | undefined | null {
  const trimmed = text.trim();
  if (trimmed === '') return range.optional ? undefined : null;
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= range.min && value <= range.max ? value : null;
}

export function SettingsView() {
  const s = useStrings(settingsStrings);
  const settings = useSettings();
  if (!settings) return <p>{s.loading}</p>;
  return (
    <div className="max-w-3xl space-y-8" data-testid="settings-view">
      <LanguageSection language={settings.language} />
      <SettingsForm settings={settings} />
    </div>
  );
}

function LanguageSection({ language }: { language: Language }) {
  const s = useStrings(settingsStrings);
  const toast = useToast();
  const base = useId();
  // The choice shows at once; the stored value (live) catches up a moment later.
  const [choice, setChoice] = useState(language);
  useEffect(() => setChoice(language), [language]);
  const browserLang = resolveLang('auto', typeof navigator === 'undefined' ? undefined : navigator.language);
  const choose = async (option: Language) => {
    setChoice(option);
    try {
      await saveSettings(db, { language: option });
      toast({ message: settingsStrings[resolveLang(option, navigator.language)].languageSaved });
    } catch {
      setChoice(language);
    }
  };
  return (
    <section aria-labelledby={`${base}-title`}>
      <fieldset aria-describedby={`${base}-hint`}>
        <legend id={`${base}-title`} className="text-base font-semibold">
          {s.languageTitle}
        </legend>
        <p id={`${base}-hint`} className="mb-2 text-xs text-slate-500 dark:text-slate-400">
          {s.languageHint}
        </p>
        <div className="flex flex-wrap gap-2">
          {LANGUAGES.map((option) => (
            <label
              key={option}
              className={`flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 ${
                option === choice
                  ? 'border-indigo-500 bg-indigo-50 text-indigo-900 dark:border-indigo-400 dark:bg-indigo-950 dark:text-indigo-100'
                  : 'border-slate-300 hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800'
              }`}
            >
              <input
                type="radio"
                name={`${base}-language`}
                value={option}
                data-testid="language-option"
                data-language={option}
                className="h-4 w-4 accent-indigo-600"
                checked={option === choice}
                onChange={() => void choose(option)}
              />
              <span lang={option === 'auto' ? undefined : option}>
                {option === 'auto' ? s.languages.auto(s.languageNames[browserLang]) : s.languages[option]}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </section>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const s = useStrings(settingsStrings);
  const si = useStrings(issueStrings);
  const { lang } = useI18n();
  const toast = useToast();
  const base = useId();
  const [draft, setDraft] = useState(() => draftOf(settings));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const id = (field: string) => `${base}-${field}`;

  const labelFor: Record<string, string> = {
    noContactDays: s.noContactDays,
    backupReminderDays: s.backupReminderDays,
    quietStart: `${s.quietHours} — ${s.quietHoursStart}`,
    quietEnd: `${s.quietHours} — ${s.quietHoursEnd}`,
    ...s.objectives,
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const values: Partial<Record<NumberField, number | undefined>> = {};
    for (const field of Object.keys(RANGES) as NumberField[]) {
      const range = RANGES[field];
      const value = parseNumber(draft.numbers[field], range);
      if (value === null) found[field] = s.wholeNumber(range.min, range.max);
      else values[field] = value;
    }
    setErrors(found);
    setFailure(null);
    const first = Object.keys(found)[0];
    if (first) {
      requestAnimationFrame(() => document.getElementById(id(first))?.focus());
      return;
    }
    try {
      await saveSettings(db, {
        noContactDays: values.noContactDays,
        backupReminderDays: values.backupReminderDays,
        workingDaysOnly: draft.workingDaysOnly,
        quietHours: draft.quietEnabled ? { start: draft.quietStart, end: draft.quietEnd } : null,
        objectives: Object.fromEntries(OBJECTIVE_KEYS.flatMap((key) => (values[key] === undefined ? [] : [[key, values[key]]]))),
      });
      toast({ message: s.saved });
    } catch (error) {
      if (error instanceof ValidationError) {
        const mapped: Record<string, string> = {};
        for (const issue of error.issues) {
          const [head, sub] = issue.path.split('.');
          const field =
            head === 'quietHours' ? (sub === 'start' ? 'quietStart' : 'quietEnd') : head === 'objectives' ? (sub ?? head) : (head ?? '');
          mapped[field] = localizeIssue(issue.message, si);
        }
        setErrors(mapped);
      } else {
        setFailure(s.failed(error instanceof Error ? error.message : String(error)));
      }
    }
  };

  const errorList = Object.entries(errors).filter((entry): entry is [string, string] => entry[1] !== undefined);

  const numberInput = (field: NumberField, suffix?: string, hint?: string) => {
    const range = RANGES[field];
    const error = errors[field];
    return (
      <div className="min-w-0">
        <label htmlFor={id(field)} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-100">
          {labelFor[field]}
        </label>
        <div className="flex items-center gap-2">
          <input
            id={id(field)}
            type="number"
            inputMode="numeric"
            min={range.min}
            max={range.max}
            step={1}
            data-testid="settings-field"
            data-field={field}
            className={`${narrowInputClass} w-28${error ? ' border-red-600 dark:border-red-400' : ''}`}
            value={draft.numbers[field]}
            aria-invalid={error ? true : undefined}
            aria-describedby={[hint ? id(`${field}-hint`) : '', error ? id(`${field}-error`) : ''].filter(Boolean).join(' ') || undefined}
            onChange={(event) => setDraft({ ...draft, numbers: { ...draft.numbers, [field]: event.target.value } })}
          />
          {suffix && <span className="text-slate-600 dark:text-slate-300">{suffix}</span>}
        </div>
        {hint && (
          <p id={id(`${field}-hint`)} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
            {hint}
          </p>
        )}
        {error && (
          <p id={id(`${field}-error`)} className="mt-1 text-sm font-medium text-red-700 dark:text-red-300">
            {error}
          </p>
        )}
      </div>
    );
  };

  const lastBackup = settings.lastBackupAt
    ? s.lastBackup(new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(settings.lastBackupAt))
    : s.noBackup;

  return (
    <form noValidate className="space-y-8" onSubmit={(event) => void submit(event)} data-testid="settings-form">
      <Group title={s.followUpTitle}>
        {numberInput('noContactDays', s.days, s.noContactDaysHint)}
        <div className="flex items-start gap-2">
          <input
            id={id('workingDaysOnly')}
            type="checkbox"
            data-testid="settings-field"
            data-field="workingDaysOnly"
            className="mt-0.5 h-4 w-4 shrink-0 cursor-pointer accent-indigo-600"
            checked={draft.workingDaysOnly}
            aria-describedby={id('workingDaysOnly-hint')}
            onChange={(event) => setDraft({ ...draft, workingDaysOnly: event.target.checked })}
          />
          <div>
            <label htmlFor={id('workingDaysOnly')} className="cursor-pointer text-sm font-medium text-slate-800 dark:text-slate-100">
              {s.workingDaysOnly}
            </label>
            <p id={id('workingDaysOnly-hint')} className="text-xs text-slate-500 dark:text-slate-400">
              {s.workingDaysOnlyHint}
            </p>
          </div>
        </div>

        <fieldset className="space-y-2" aria-describedby={id('quiet-hint')}>
          <legend className="text-sm font-medium text-slate-800 dark:text-slate-100">{s.quietHours}</legend>
          <label className="flex cursor-pointer items-center gap-2 text-sm">
            <input
              type="checkbox"
              data-testid="settings-field"
              data-field="quietHours"
              className="h-4 w-4 cursor-pointer accent-indigo-600"
              checked={draft.quietEnabled}
              onChange={(event) => setDraft({ ...draft, quietEnabled: event.target.checked })}
            />
            {s.quietHoursEnabled}
          </label>
          <div className="flex flex-wrap items-end gap-4">
            {(['quietStart', 'quietEnd'] as const).map((field) => (
              <div key={field}>
                <label htmlFor={id(field)} className="mb-1 block text-xs font-medium text-slate-700 dark:text-slate-200">
                  {field === 'quietStart' ? s.quietHoursStart : s.quietHoursEnd}
                </label>
                <input
                  id={id(field)}
                  type="time"
                  data-testid="settings-field"
                  data-field={field}
                  className={`${narrowInputClass} w-36 disabled:opacity-50${errors[field] ? ' border-red-600 dark:border-red-400' : ''}`}
                  disabled={!draft.quietEnabled}
                  value={draft[field]}
                  aria-invalid={errors[field] ? true : undefined}
                  onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
                />
              </div>
            ))}
          </div>
          <p id={id('quiet-hint')} className="text-xs text-slate-500 dark:text-slate-400">
            {s.quietHoursHint}
          </p>
        </fieldset>

        <div>
          {numberInput('backupReminderDays', s.days, s.backupReminderHint)}
          <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{lastBackup}</p>
        </div>
      </Group>

      <Group title={s.objectivesTitle} hint={s.objectivesHint}>
        <div className="grid gap-4 md:grid-cols-3">{OBJECTIVE_KEYS.map((key) => numberInput(key))}</div>
      </Group>

      {(errorList.length > 0 || failure) && (
        <div
          role="alert"
          data-testid="settings-errors"
          className="rounded-lg border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-700 dark:bg-red-950/60 dark:text-red-100"
        >
          {failure ?? (
            <>
              <p className="font-semibold">{s.errorsTitle}</p>
              <ul className="mt-1 ml-4 list-disc">
                {errorList.map(([field, message]) => (
                  <li key={field}>
                    {labelFor[field] ?? field}
                    {s.colon}
                    {message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}

      <button type="submit" data-testid="settings-save" className={buttonClass.primary}>
        {s.save}
      </button>
    </form>
  );
}

function Group({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  const base = useId();
  return (
    <section aria-labelledby={`${base}-title`} className="space-y-4">
      <div>
        <h2 id={`${base}-title`} className="text-base font-semibold">
          {title}
        </h2>
        {hint && <p className="text-xs text-slate-500 dark:text-slate-400">{hint}</p>}
      </div>
      {children}
    </section>
  );
}
